package org.hao.engine.ilp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Safe reductions applied before SCIP sees a subgraph ILP; the reduced model has the same optimal objective value.
 *
 * <ul>
 * <li><b>Dominance</b> (both objectives): a candidate that is no faster and no cheaper in every resource (and in DDR
 * and fill time) than another candidate of the same layer is dropped; swapping it for the other never breaks the
 * budget nor worsens the objective.
 * <li><b>Latency window</b> (MIN_MAX only): a lower bound {@code lowMs} on T comes from each resource alone (the
 * smallest T at which every layer's cheapest candidate no slower than T fits that resource); an upper bound
 * {@code highMs} from a greedy feasible configuration. Candidates slower than {@code highMs} cannot be in an optimal
 * solution (the objective is at least the slowest layer), and candidates faster than {@code lowMs} are only as good as
 * {@code lowMs} for T, so latencies are clamped to it before the dominance test (fill and DDR time are compared as
 * they are).
 * </ul>
 *
 * Why: the min-max model's LP bound is weak, and SCIP spends its time branching over candidates that the two bounds
 * already exclude; the window usually leaves a few candidates per layer.
 */
final class CandidateReduction {

	/** Indices (into the problem's candidate lists) kept for each layer. */
	final int[][] kept;
	/** Valid lower bound on T (ms); 0 for MIN_SUM. */
	final double lowMs;
	/** A feasible configuration found by the greedy pass (indices into the full lists), or null. */
	final int[] incumbent;

	private CandidateReduction(int[][] kept, double lowMs, int[] incumbent) {
		this.kept = kept;
		this.lowMs = lowMs;
		this.incumbent = incumbent;
	}

	static CandidateReduction of(IlpProblem p) {
		if (p.objective() != IlpObjective.MIN_MAX) {
			return new CandidateReduction(undominated(p, 0, Double.POSITIVE_INFINITY), 0, null);
		}
		TreeSet<Double> thresholds = new TreeSet<>();
		p.candidates().forEach(cs -> cs.forEach(c -> thresholds.add(c.latencyMs())));
		double low = lowerBound(p, thresholds);
		int[] incumbent = greedy(p, thresholds, low);
		double high = incumbent == null ? Double.POSITIVE_INFINITY : p.latencyOf(incumbent);
		return new CandidateReduction(undominated(p, low, high), low, incumbent);
	}

	/** Number of candidates left over all layers. */
	int size() {
		int n = 0;
		for (int[] k : kept) {
			n += k.length;
		}
		return n;
	}

	/** Smallest threshold at which each resource on its own can be met (0 when none can: SCIP proves infeasibility). */
	private static double lowerBound(IlpProblem p, TreeSet<Double> thresholds) {
		for (double t : thresholds) {
			long[] min = cheapestPerResource(p, t);
			if (min != null && min[0] <= p.budget().dspLimit() && min[1] <= p.budget().bram18kLimit()
					&& min[2] <= p.budget().lutLimit()) {
				return t;
			}
		}
		return 0;
	}

	/** Per resource, the sum over layers of the least amount among candidates no slower than t; null if a layer has none. */
	private static long[] cheapestPerResource(IlpProblem p, double t) {
		long[] sum = new long[3];
		for (List<IlpCandidate> cs : p.candidates()) {
			long d = Long.MAX_VALUE, b = Long.MAX_VALUE, l = Long.MAX_VALUE;
			for (IlpCandidate c : cs) {
				if (c.latencyMs() <= t) {
					d = Math.min(d, c.dsp());
					b = Math.min(b, c.bram18k());
					l = Math.min(l, c.lut());
				}
			}
			if (d == Long.MAX_VALUE) {
				return null;
			}
			sum[0] += d;
			sum[1] += b;
			sum[2] += l;
		}
		return sum;
	}

	/**
	 * Scans thresholds upwards from {@code low}; at each, every layer takes its candidate no slower than the threshold
	 * with the least normalised resource use. The first threshold where that fits gives a feasible configuration.
	 */
	private static int[] greedy(IlpProblem p, TreeSet<Double> thresholds, double low) {
		ResourceBudget b = p.budget();
		double dl = Math.max(1, b.dspLimit()), bl = Math.max(1, b.bram18kLimit()), ll = Math.max(1, b.lutLimit());
		for (double t : thresholds.tailSet(low, true)) {
			int[] choice = new int[p.layerCount()];
			boolean every = true;
			for (int l = 0; l < choice.length && every; l++) {
				List<IlpCandidate> cs = p.candidates().get(l);
				int best = -1;
				double bestW = Double.POSITIVE_INFINITY;
				for (int k = 0; k < cs.size(); k++) {
					IlpCandidate c = cs.get(k);
					double w = c.dsp() / dl + c.bram18k() / bl + c.lut() / ll;
					if (c.latencyMs() <= t && w < bestW) {
						best = k;
						bestW = w;
					}
				}
				every = best >= 0;
				choice[l] = best;
			}
			if (every && p.fits(choice)) {
				return choice;
			}
		}
		return null;
	}

	/** Per layer, the candidates within [.., high] not dominated once latencies below low count as low. */
	private static int[][] undominated(IlpProblem p, double low, double high) {
		int[][] kept = new int[p.layerCount()][];
		for (int l = 0; l < kept.length; l++) {
			List<IlpCandidate> cs = p.candidates().get(l);
			List<Integer> keep = new ArrayList<>();
			for (int k = 0; k < cs.size(); k++) {
				if (cs.get(k).latencyMs() <= high && !dominated(cs, k, low, high)) {
					keep.add(k);
				}
			}
			kept[l] = keep.stream().mapToInt(Integer::intValue).toArray();
		}
		return kept;
	}

	/** True if another in-window candidate is at least as good in everything (ties: the lower index survives). */
	private static boolean dominated(List<IlpCandidate> cs, int k, double low, double high) {
		IlpCandidate c = cs.get(k);
		double lat = Math.max(low, c.latencyMs());
		for (int j = 0; j < cs.size(); j++) {
			IlpCandidate o = cs.get(j);
			if (j == k || o.latencyMs() > high) {
				continue;
			}
			double olat = Math.max(low, o.latencyMs());
			boolean noWorse = olat <= lat && o.dsp() <= c.dsp() && o.bram18k() <= c.bram18k() && o.lut() <= c.lut()
					&& o.ddrMs() <= c.ddrMs() && o.fillMs() <= c.fillMs();
			boolean equal = olat == lat && o.dsp() == c.dsp() && o.bram18k() == c.bram18k() && o.lut() == c.lut()
					&& o.ddrMs() == c.ddrMs() && o.fillMs() == c.fillMs();
			if (noWorse && (!equal || j < k)) {
				return true;
			}
		}
		return false;
	}
}
