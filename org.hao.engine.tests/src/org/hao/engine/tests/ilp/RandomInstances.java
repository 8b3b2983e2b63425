package org.hao.engine.tests.ilp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hao.engine.ilp.IlpCandidate;
import org.hao.engine.ilp.IlpObjective;
import org.hao.engine.ilp.IlpProblem;
import org.hao.engine.ilp.ResourceBudget;

/** Seeded random parallelism tables shaped like real ones: latency falls, resources rise with parallelism. */
public final class RandomInstances {
	private RandomInstances() {
	}

	/**
	 * @param tightness fraction of the resources the "all fastest" configuration needs that the budget allows
	 */
	public static IlpProblem make(long seed, int layers, int minCand, int maxCand, IlpObjective obj, double tightness) {
		Random r = new Random(seed);
		List<List<IlpCandidate>> table = new ArrayList<>();
		List<String> names = new ArrayList<>();
		long maxD = 0, maxB = 0, maxL = 0, minD = 0, minB = 0, minL = 0;
		for (int l = 0; l < layers; l++) {
			int k = minCand + r.nextInt(maxCand - minCand + 1);
			double ops = 1e5 + r.nextDouble() * 5e6;
			int dpu = 1 + r.nextInt(3);
			int wb = 1 + r.nextInt(4);
			int lpu = 40 + r.nextInt(80);
			double memMs = r.nextDouble() < 0.3 ? r.nextDouble() * 0.05 : 0; // some layers memory bound
			List<IlpCandidate> cs = new ArrayList<>();
			for (int j = 0; j < k; j++) {
				int p = 1 << j;
				double lat = Math.max(Math.ceil(ops / p) / 200_000.0, memMs);
				cs.add(new IlpCandidate(lat, dpu * p, Math.max(wb, (p + 1) / 2), 300 + lpu * p));
			}
			table.add(cs);
			names.add("L" + l);
			minD += cs.get(0).dsp();
			minB += cs.get(0).bram18k();
			minL += cs.get(0).lut();
			maxD += cs.get(k - 1).dsp();
			maxB += cs.get(k - 1).bram18k();
			maxL += cs.get(k - 1).lut();
		}
		int d = (int) (minD + (maxD - minD) * tightness);
		int b = (int) (minB + (maxB - minB) * tightness);
		int lu = (int) (minL + (maxL - minL) * tightness);
		return new IlpProblem("rand" + seed, obj, names, table, ResourceBudget.of(d, b, lu, 1.0));
	}

	/**
	 * Seeded random tables with no structure at all: latency and each resource drawn independently, so candidates
	 * trade resources against each other and against latency in every direction (stresses the solver's reductions).
	 */
	public static IlpProblem makeUnstructured(long seed, int layers, int minCand, int maxCand, IlpObjective obj,
			double tightness) {
		Random r = new Random(seed);
		List<List<IlpCandidate>> table = new ArrayList<>();
		List<String> names = new ArrayList<>();
		long[] min = new long[3], max = new long[3];
		for (int l = 0; l < layers; l++) {
			int k = minCand + r.nextInt(maxCand - minCand + 1);
			List<IlpCandidate> cs = new ArrayList<>();
			for (int j = 0; j < k; j++) {
				// a coarse latency grid makes ties between candidates and layers common
				cs.add(new IlpCandidate(0.05 * (1 + r.nextInt(20)), r.nextInt(60), r.nextInt(25),
						100 + r.nextInt(3000)));
			}
			table.add(cs);
			names.add("L" + l);
			min[0] += cs.stream().mapToInt(IlpCandidate::dsp).min().orElseThrow();
			min[1] += cs.stream().mapToInt(IlpCandidate::bram18k).min().orElseThrow();
			min[2] += cs.stream().mapToInt(IlpCandidate::lut).min().orElseThrow();
			max[0] += cs.stream().mapToInt(IlpCandidate::dsp).max().orElseThrow();
			max[1] += cs.stream().mapToInt(IlpCandidate::bram18k).max().orElseThrow();
			max[2] += cs.stream().mapToInt(IlpCandidate::lut).max().orElseThrow();
		}
		int[] cap = new int[3];
		for (int i = 0; i < 3; i++) {
			cap[i] = (int) (min[i] + (max[i] - min[i]) * tightness);
		}
		return new IlpProblem("unstructured" + seed, obj, names, table, ResourceBudget.of(cap[0], cap[1], cap[2], 1.0));
	}

	/**
	 * The same table as a pipelined subgraph: each candidate gets a seeded fill time (a share of its latency, now and
	 * then all of it, as for an FC stage) and a DDR time of up to 1.5x its layer's fastest latency, and the subgraph
	 * a fixed DDR time, so that the shared DDR time decides the objective in a fair share of instances.
	 */
	public static IlpProblem asPipeline(IlpProblem p, long seed) {
		Random r = new Random(seed * 7919);
		List<List<IlpCandidate>> table = new ArrayList<>();
		double fastestOverall = Double.POSITIVE_INFINITY;
		for (List<IlpCandidate> cs : p.candidates()) {
			double fastest = cs.stream().mapToDouble(IlpCandidate::latencyMs).min().orElseThrow();
			fastestOverall = Math.min(fastestOverall, fastest);
			double fillShare = r.nextInt(5) == 0 ? 1.0 : 0.2 * r.nextDouble();
			List<IlpCandidate> copy = new ArrayList<>();
			for (IlpCandidate c : cs) {
				copy.add(new IlpCandidate(c.latencyMs(), c.dsp(), c.bram18k(), c.lut(), 1.5 * fastest * r.nextDouble(),
						fillShare * c.latencyMs()));
			}
			table.add(copy);
		}
		return new IlpProblem(p.name() + "-pipeline", IlpObjective.MIN_MAX, p.layerNames(), table, p.budget(),
				fastestOverall * r.nextDouble());
	}

	/** The shared DDR time of a choice: the fixed part plus each chosen candidate's. */
	public static double sharedDdrMs(IlpProblem p, int[] choice) {
		double ddr = p.fixedDdrMs();
		for (int l = 0; l < choice.length; l++) {
			ddr += p.candidates().get(l).get(choice[l]).ddrMs();
		}
		return ddr;
	}

	/** Best objective by full enumeration, or +infinity when nothing fits. */
	public static double exhaustive(IlpProblem p) {
		return rec(p, 0, new int[p.layerCount()]);
	}

	private static double rec(IlpProblem p, int l, int[] choice) {
		if (l == choice.length) {
			return p.fits(choice) ? p.latencyOf(choice) : Double.POSITIVE_INFINITY;
		}
		double best = Double.POSITIVE_INFINITY;
		for (int k = 0; k < p.candidates().get(l).size(); k++) {
			choice[l] = k;
			best = Math.min(best, rec(p, l + 1, choice));
		}
		return best;
	}
}
