package org.hao.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpCandidate;
import org.hao.engine.ilp.IlpObjective;
import org.hao.engine.ilp.IlpProblem;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.ilp.SubgraphIlp;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.hao.engine.search.SubgraphEvaluator;

/**
 * Engine benchmark (a main, not a test). Run with the engine, OR-Tools, Gson, Commons CSV/Math on the class path,
 * the org.hao.engine folder on the class path (for data/imagenet-top1.csv) and --enable-native-access=ALL-UNNAMED.
 * Argument: threads (default: cores).
 */
public final class EngineBenchmark {
	private EngineBenchmark() {
	}

	public static void main(String[] args) {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
		System.out.println("SCIP: " + ScipNatives.ensureLoaded() + "; java " + System.getProperty("java.version")
				+ "; cores " + Runtime.getRuntime().availableProcessors() + "; search threads " + threads);
		ilpTimes();
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		System.out.printf(Locale.ROOT, "%nPredictor: %s%n  coefficients %s%n", p, p.coefficients());
		PredictorQuality.print(p);
		fullSearch(threads);
		hypervolume(threads);
	}

	// ---------------------------------------------------------------- ILP

	/**
	 * Candidate families: MONOTONE = resources rise with parallelism (one implementation per lane count);
	 * TRADEOFF = 16 candidates per layer: each of 8 lane counts comes twice, weights held on chip (more BRAM18K) or streamed from DDR (few BRAM18K,
	 * slower when the stream is the bottleneck), so no candidate order is cheapest in both DSP and BRAM.
	 */
	enum Family {
		MONOTONE, TRADEOFF
	}

	static IlpProblem instance(long seed, int n, IlpObjective obj) {
		return instance(seed, n, obj, Family.MONOTONE);
	}

	static IlpProblem instance(long seed, int n, IlpObjective obj, Family family) {
		if (family == Family.TRADEOFF) {
			return tradeoffInstance(seed, n, obj);
		}
		Random r = new Random(seed);
		List<List<IlpCandidate>> t = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int l = 0; l < n; l++) {
			int k = 8 + r.nextInt(9);
			double ops = 1e5 + r.nextDouble() * 5e6;
			int dpu = 1 + r.nextInt(3), wb = 1 + r.nextInt(4);
			List<IlpCandidate> cs = new ArrayList<>();
			for (int j = 0; j < k; j++) {
				int par = j < 4 ? j + 1 : 4 * (j - 2); // 1,2,3,4,8,12,... (divisor-like growth)
				cs.add(new IlpCandidate(Math.ceil(ops / par) / 200_000.0, dpu * par, Math.max(wb, (par + 1) / 2),
						500 + 40 * par));
			}
			t.add(cs);
			names.add("L" + l);
		}
		// ZU3EG-like: 360 DSP, 432 BRAM18K, ample LUT so the exact DP runs over (DSP, BRAM)
		return new IlpProblem("bench" + seed, obj, names, t,
				new ResourceBudget(360, 432, 10_000_000, 0.85, null, null, null));
	}

	static IlpProblem tradeoffInstance(long seed, int n, IlpObjective obj) {
		Random r = new Random(seed);
		List<List<IlpCandidate>> t = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int l = 0; l < n; l++) {
			int levels = 8; // 16 candidates per layer: the 20 x 16 target
			double ops = 1e5 + r.nextDouble() * 5e6;
			int dpu = 1 + r.nextInt(3), weightBram = 2 + r.nextInt(12);
			double streamMs = 0.2 + r.nextDouble() * 3; // time to stream this layer's weights from DDR
			List<IlpCandidate> cs = new ArrayList<>();
			for (int j = 0; j < levels; j++) {
				int par = j < 4 ? j + 1 : 4 * (j - 2);
				double computeMs = Math.ceil(ops / par) / 200_000.0;
				int lineBram = Math.max(1, (par + 3) / 4);
				cs.add(new IlpCandidate(computeMs, dpu * par, lineBram + weightBram, 500 + 40 * par));
				cs.add(new IlpCandidate(Math.max(computeMs, streamMs), dpu * par, lineBram, 700 + 40 * par));
			}
			t.add(cs);
			names.add("L" + l);
		}
		return new IlpProblem("tradeoff" + seed, obj, names, t,
				new ResourceBudget(360, 432, 10_000_000, 0.85, null, null, null));
	}

	/** Exact min-max for the TRADEOFF family (LUT ample): bisection over thresholds, 1-D DP of least BRAM per DSP. */
	static double exactMinMaxTwoResources(IlpProblem p) {
		double[] ts = p.candidates().stream().flatMap(List::stream).mapToDouble(IlpCandidate::latencyMs).distinct()
				.sorted().toArray();
		int lo = 0, hi = ts.length - 1;
		if (!fitsAt(p, ts[hi])) {
			return Double.NaN;
		}
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (fitsAt(p, ts[mid])) {
				hi = mid;
			} else {
				lo = mid + 1;
			}
		}
		return ts[lo];
	}

	private static boolean fitsAt(IlpProblem p, double t) {
		int dl = p.budget().dspLimit();
		long[] cur = new long[dl + 1], nxt = new long[dl + 1];
		Arrays.fill(cur, Long.MAX_VALUE);
		cur[0] = 0;
		for (List<IlpCandidate> cs : p.candidates()) {
			Arrays.fill(nxt, Long.MAX_VALUE);
			for (int d = 0; d <= dl; d++) {
				if (cur[d] == Long.MAX_VALUE) {
					continue;
				}
				for (IlpCandidate c : cs) {
					int nd = d + c.dsp();
					if (c.latencyMs() <= t && nd <= dl) {
						nxt[nd] = Math.min(nxt[nd], cur[d] + c.bram18k());
					}
				}
			}
			long[] tmp = cur;
			cur = nxt;
			nxt = tmp;
		}
		return Arrays.stream(cur).min().orElse(Long.MAX_VALUE) <= p.budget().bram18kLimit();
	}

	static double exactMinMax(IlpProblem p) {
		TreeSet<Double> ts = new TreeSet<>();
		for (List<IlpCandidate> c : p.candidates()) {
			for (IlpCandidate x : c) {
				ts.add(x.latencyMs());
			}
		}
		for (double t : ts) {
			long d = 0, b = 0, lu = 0;
			boolean ok = true;
			for (List<IlpCandidate> c : p.candidates()) { // cheapest candidate meeting T (resources grow with lanes here)
				IlpCandidate best = null;
				for (IlpCandidate x : c) {
					if (x.latencyMs() <= t && (best == null || x.dsp() < best.dsp())) {
						best = x;
					}
				}
				if (best == null) {
					ok = false;
					break;
				}
				d += best.dsp();
				b += best.bram18k();
				lu += best.lut();
			}
			if (ok && d <= p.budget().dspLimit() && b <= p.budget().bram18kLimit() && lu <= p.budget().lutLimit()) {
				return t;
			}
		}
		return Double.NaN;
	}

	static double exactMinSum(IlpProblem p) {
		int dl = p.budget().dspLimit() + 1, bl = p.budget().bram18kLimit() + 1;
		double[] cur = new double[dl * bl], nxt = new double[dl * bl];
		Arrays.fill(cur, Double.POSITIVE_INFINITY);
		cur[0] = 0;
		for (List<IlpCandidate> c : p.candidates()) {
			Arrays.fill(nxt, Double.POSITIVE_INFINITY);
			for (int d = 0; d < dl; d++) {
				for (int b = 0; b < bl; b++) {
					double v = cur[d * bl + b];
					if (v == Double.POSITIVE_INFINITY) {
						continue;
					}
					for (IlpCandidate x : c) {
						int nd = d + x.dsp(), nb = b + x.bram18k();
						if (nd < dl && nb < bl && v + x.latencyMs() < nxt[nd * bl + nb]) {
							nxt[nd * bl + nb] = v + x.latencyMs();
						}
					}
				}
			}
			double[] t = cur;
			cur = nxt;
			nxt = t;
		}
		return Arrays.stream(cur).min().orElse(Double.NaN);
	}

	static void ilpTimes() {
		System.out.println(
				"\nILP (SCIP, single thread, limits/gap = 0), 9 seeded instances per size, 8-16 candidates per layer"
						+ " (MONOTONE) or 16 (TRADEOFF)," + " 306 DSP / 367 BRAM18K usable:");
		System.out.println(
				"  family   layers objective  median_ms  max_ms  optimal  agree_exact  kept_cands  exact_median_ms  scip/exact");
		for (Family family : Family.values()) {
			for (int n : new int[]{10, 20, 50}) {
				for (IlpObjective obj : IlpObjective.values()) {
					ilpRow(family, n, obj);
				}
			}
		}
		System.out
				.println("  (kept_cands = candidates left after the safe dominance / latency-window reductions, of all;"
						+ " exact = threshold scan (MONOTONE) or bisection with a 1-D DP (TRADEOFF) for MIN_MAX,"
						+ " 2-D multiple-choice knapsack DP over DSP x BRAM for MIN_SUM)");
	}

	private static void ilpRow(Family family, int n, IlpObjective obj) {
		List<Long> ms = new ArrayList<>();
		List<Long> ems = new ArrayList<>();
		int optimal = 0, agree = 0, runs = 9;
		long kept = 0, all = 0;
		for (long seed = 1; seed <= runs; seed++) {
			IlpProblem p = instance(seed * 7919 + n, n, obj, family);
			long t0 = System.nanoTime();
			IlpResult r = SubgraphIlp.solve(p, 60_000, () -> false);
			ms.add((System.nanoTime() - t0) / 1_000_000);
			kept += SubgraphIlp.reducedCandidateCount(p);
			all += p.candidates().stream().mapToInt(List::size).sum();
			long t1 = System.nanoTime();
			double ex = obj == IlpObjective.MIN_SUM ? exactMinSum(p)
					: family == Family.TRADEOFF ? exactMinMaxTwoResources(p) : exactMinMax(p);
			ems.add((System.nanoTime() - t1) / 1_000_000);
			if (r.status() == IlpResult.Status.OPTIMAL) {
				optimal++;
			}
			if (r.hasSolution() && Math.abs(r.latencyMs() - ex) <= 1e-9 * Math.max(1, ex)) {
				agree++;
			}
		}
		double med = median(ms), emed = median(ems);
		System.out.printf(Locale.ROOT, "  %-8s %6d %-9s %10.1f %7d  %4d/%d  %6d/%d  %5.0f%% of %3d  %15.1f  %10s%n",
				family, n, obj, med, ms.stream().mapToLong(Long::longValue).max().orElse(0), optimal, runs, agree, runs,
				100.0 * kept / all, all / runs, emed,
				emed > 0 ? String.format(Locale.ROOT, "%.2f", med / emed) : "exact<1ms");
	}

	static double median(List<Long> v) {
		long[] a = v.stream().mapToLong(Long::longValue).sorted().toArray();
		return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
	}

	// ---------------------------------------------------------------- search

	static void fullSearch(int threads) {
		NetworkSpec net = Examples.mobileNetV2(Examples.benchSpace());
		SearchSpec spec = new SearchSpec("bench", net, Devices.ZU3EG_HLS, Objective.MAX_ACCURACY,
				new Constraints(50.0, null, null, null, null, null, null), null, 42, 600);
		long t0 = System.nanoTime();
		SearchResult r = HaoSearch.run(spec, new SearchOptions(threads, null), null, new CancelToken());
		double s = (System.nanoTime() - t0) / 1e9;
		System.out.printf(Locale.ROOT,
				"%nFull search MobileNetV2-1.0 / ZU3EG (16 t=6 blocks x 8 choices, 19 subgraphs, >= 50 fps, seed 42, %d threads):"
						+ " %.2f s, %d frontier points, %d ILP solves, %d cache hits, complete=%s%n",
				threads, s, r.points().size(), r.ilpSolves(), r.ilpCacheHits(), r.complete());
		System.out.println("  accuracy  latency_ms     fps   DSP  BRAM    LUT  mJ/frame");
		for (ParetoPoint p : r.points()) {
			System.out.printf(Locale.ROOT, "  %7.2f %11.3f %7.1f %5d %5d %6d %8.2f%s%n", p.accuracy(), p.latencyMs(),
					p.fps(), p.dsp(), p.bram18k(), p.lut(), p.energyMj(), p == r.chosen() ? "  <- chosen" : "");
		}
		r.warnings().forEach(w -> System.out.println("  warning: " + w));
		System.out.println("  failures: " + r.failures().size());
	}

	// ---------------------------------------------------------------- hypervolume

	static void hypervolume(int threads) {
		NetworkSpec net = Examples.reduced();
		SearchSpec spec = new SearchSpec("hv", net, Devices.ZU3EG_HLS, Objective.MAX_ACCURACY, Constraints.NONE, null,
				7, 600);
		IlpCache cache = new IlpCache();
		long t0 = System.nanoTime();
		SearchResult r = HaoSearch.run(spec, new SearchOptions(threads, null), null, new CancelToken(), cache);
		double searchS = (System.nanoTime() - t0) / 1e9;
		// exact: every combination of the searchable subgraphs' choices
		List<List<SubgraphChoice>> ch = new ArrayList<>();
		for (int s = 0; s < net.subgraphs().size(); s++) {
			ch.add(HaoSearch.enumerate(net.subgraphs().get(s), 0));
		}
		org.hao.engine.search.NetworkEvaluator ev = new org.hao.engine.search.NetworkEvaluator(Devices.ZU3EG_HLS,
				Constraints.NONE, cache);
		AccuracyPredictor pred = AccuracyPredictor.builtIn();
		List<ParetoPoint> all = new ArrayList<>();
		int[] idx = new int[ch.size()];
		long t1 = System.nanoTime();
		while (true) {
			Map<String, SubgraphChoice> pick = new LinkedHashMap<>();
			for (int s = 0; s < idx.length; s++) {
				pick.put(net.subgraphs().get(s).name(), ch.get(s).get(idx[s]));
			}
			HaoSearch.NetworkEvaluation e = HaoSearch.evaluateNetwork(net, pick, ev, pred, () -> false);
			if (e != null && e.point() != null) {
				all.add(e.point());
			}
			int s = idx.length - 1;
			while (s >= 0 && ++idx[s] == ch.get(s).size()) {
				idx[s--] = 0;
			}
			if (s < 0) {
				break;
			}
		}
		double exactS = (System.nanoTime() - t1) / 1e9;
		List<ParetoPoint> exact = HaoSearch.paretoFront(all);
		double refLat = all.stream().mapToDouble(ParetoPoint::latencyMs).max().orElse(1) * 1.05;
		double refAcc = all.stream().mapToDouble(ParetoPoint::accuracy).min().orElse(0) - 0.5;
		double hvExact = hv(exact, refLat, refAcc), hvFound = hv(r.points(), refLat, refAcc);
		System.out.printf(Locale.ROOT,
				"%nHypervolume on the reduced space (3 searchable subgraphs x 8 choices = %d networks):%n"
						+ "  exact frontier %d points (%.2f s exhaustive), search frontier %d points (%.2f s), HV ratio %.4f%n",
				all.size(), exact.size(), exactS, r.points().size(), searchS, hvFound / hvExact);
	}

	/** Area dominated (latency lower, accuracy higher) up to the reference point. */
	public static double hv(List<ParetoPoint> front, double refLat, double refAcc) {
		List<ParetoPoint> f = HaoSearch.paretoFront(front);
		double area = 0;
		for (int i = 0; i < f.size(); i++) {
			ParetoPoint p = f.get(i);
			double nextLat = i + 1 < f.size() ? f.get(i + 1).latencyMs() : refLat;
			if (p.latencyMs() >= refLat || p.accuracy() <= refAcc) {
				continue;
			}
			area += (Math.min(nextLat, refLat) - p.latencyMs()) * (p.accuracy() - refAcc);
		}
		return area;
	}

	static Map<String, Object> unused() {
		return new HashMap<>();
	}
}
