package org.hao.engine.ilp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.ConvEngine;
import org.hao.engine.arch.DepthwiseEngine;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.cost.BranchBuffers;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.expand.Layer;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Co-design ILP of an overlay for a whole network (SCIP through OR-Tools): which conv engine (PP x ICP x OCP), which
 * depthwise engine (PP x CP) and which feature-map buffer, under the device budget, minimise the network's latency.
 *
 * <p>Formulation: with the feature-map buffer f fixed, a layer's DDR time m[l,f] is a constant, so its latency on
 * engine e is the constant max(compute[l,e], m[l,f]). Binaries {@code x[c,f]} (conv engine c with buffer f) and
 * {@code y[d,f]} (depthwise engine d with buffer f); {@code sum x = 1}, {@code sum y = 1}, and for every f
 * {@code sum_c x[c,f] = sum_d y[d,f]} (both engines see the same buffer); {@code sum dsp x + sum dsp y <= DSP limit},
 * the same for BRAM18K (the buffer's charged with x) and LUT; minimise
 * {@code sum x[c,f] * sum_l n[l] max(compute[l,c], m[l,f]) + sum y[d,f] * (the same over depthwise layers)} with n[l]
 * the number of layers of that shape. This is exactly the network latency of {@link OverlayCostModel} less the
 * constant per-layer overhead, with no continuous variable (an earlier max-per-layer formulation took SCIP 1-2 s on
 * MobileNetV2; this one milliseconds). Dominated pairs (no cheaper and no faster than another) are left out: a safe
 * reduction. Latencies in microseconds.
 * Pinned parts have one candidate; a fully pinned overlay needs no ILP ({@link #cost}).
 */
public final class OverlayIlp {
	/** Pixel parallelism candidates of free engines (pixels of one output row per cycle). */
	static final int[] PP = {1, 2, 4, 8, 16};
	/**
	 * Channel parallelism candidates of a free conv engine (ICP and OCP each); the DPU's are 8 ... 16; 1 and 2 let a
	 * small FPGA (a few DSPs) still hold an overlay.
	 */
	static final int[] CHANNELS = {1, 2, 4, 8, 12, 16, 20, 24, 32, 48, 64};
	/** Channel candidates of a free depthwise engine. */
	static final int[] DW_CHANNELS = {1, 2, 4, 8, 16, 32, 64};

	/**
	 * The subgraph ILP's parameters (gap 0, SCIP's Ctrl-C handler off) and no presolve: on this small one-hot model SCIP
	 * solves the root LP to a proven optimum in one node, and presolve (probing every binary) was 90 % of its time
	 * (MobileNetV2 on ZU3EG: 800-900 ms with presolve, 70-100 ms without on a loaded 2-core machine, 14 ms on a quiet one).
	 */
	static final String SCIP_PARAMETERS = SubgraphIlp.SCIP_PARAMETERS + "presolving/maxrounds = 0\n";

	private OverlayIlp() {
	}

	/**
	 * Outcome: the accelerator (null without one), its network latency, SCIP's status and words for the user.
	 */
	public record Result(IlpResult.Status status, Accelerator accelerator, double latencyMs, long solveMillis,
			String message) {
		public boolean ok() {
			return accelerator != null;
		}
	}

	/** The engine candidates a free overlay offers (pinned parts: just the pinned one). */
	public static List<ConvEngine> convCandidates(OverlaySpec spec) {
		if (spec.conv() != null) {
			return List.of(spec.conv());
		}
		List<ConvEngine> out = new ArrayList<>();
		for (int pp : PP) {
			for (int icp : CHANNELS) {
				for (int ocp : CHANNELS) {
					out.add(new ConvEngine(pp, icp, ocp));
				}
			}
		}
		return out;
	}

	public static List<DepthwiseEngine> depthwiseCandidates(OverlaySpec spec) {
		if (spec.depthwise() != null) {
			return List.of(spec.depthwise());
		}
		List<DepthwiseEngine> out = new ArrayList<>();
		for (int pp : PP) {
			for (int cp : DW_CHANNELS) {
				out.add(new DepthwiseEngine(pp, cp));
			}
		}
		return out;
	}

	public static int[] bufferCandidates(OverlaySpec spec) {
		return spec.featureBufferKiB() != null ? new int[]{spec.featureBufferKiB()}
				: OverlaySpec.FEATURE_BUFFER_CHOICES_KIB;
	}

	/**
	 * Chooses the accelerator for {@code layers} (a whole network, in execution order) under {@code budget}.
	 * Never throws for solver trouble: the result's status says what happened.
	 */
	public static Result solve(List<Layer> layers, OverlayCostModel model, ResourceBudget budget, long timeLimitMs,
			BooleanSupplier cancelled) {
		BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
		OverlaySpec spec = model.spec();
		int bits = OverlayCostModel.datapathBits(layers);
		int cores = spec.cores();
		// candidates that fit the budget on their own, with their resources (all cores)
		Candidates cand = CANDIDATES.computeIfAbsent(model.device().toString() + '|' + spec + '|' + bits + '|' + budget,
				k -> candidates(model, budget, bits));
		List<ConvEngine> convs = cand.convs();
		List<long[]> convRes = cand.convRes();
		// no depthwise layer: no depthwise engine (one placeholder candidate that costs nothing)
		boolean withDepthwise = model.needsDepthwiseEngine(layers);
		List<DepthwiseEngine> dws = withDepthwise ? cand.dws() : List.of(new DepthwiseEngine(1, 1));
		List<long[]> dwRes = withDepthwise ? cand.dwRes() : List.<long[]>of(new long[3]);
		List<Integer> bufs = cand.bufs();
		long[] least = cand.least().clone();
		if (!withDepthwise) {
			least[3] = least[4] = least[5] = 0;
		}
		if (CANDIDATES.size() > 256) {
			CANDIDATES.clear();
		}
		if (spec.fixedResources() != null) {
			Accelerator probe = model.accelerator("overlay", convCandidates(spec).get(0),
					depthwiseCandidates(spec).get(0), bufferCandidates(spec)[0], bits);
			String why = exceeds(probe.dsp(), probe.bram18k(), probe.lut(), budget);
			if (why != null) {
				return new Result(IlpResult.Status.INFEASIBLE, null, Double.NaN, 0,
						"the accelerator does not fit the device: it needs " + why);
			}
		}
		String shortfall = shortfall(least, budget, spec.pinned());
		if (convs.isEmpty() || dws.isEmpty() || bufs.isEmpty() || shortfall != null) {
			return new Result(IlpResult.Status.INFEASIBLE, null, Double.NaN, 0,
					"no overlay fits: " + (shortfall != null ? shortfall : "the smallest "
							+ (convs.isEmpty() ? "conv engine" : dws.isEmpty() ? "depthwise engine" : "feature buffer")
							+ " alone exceeds the budget"));
		}
		if (convs.size() == 1 && dws.size() == 1 && bufs.size() == 1) {
			return cost(layers, model, convs.get(0), dws.get(0), bufs.get(0), budget, "pinned: nothing to choose");
		}
		// distinct layers (shape, kind, bits, pruning, first/last, branch bytes held beside them) with multiplicities
		Map<String, Integer> index = new LinkedHashMap<>();
		List<Layer> distinct = new ArrayList<>();
		List<boolean[]> ends = new ArrayList<>();
		List<Long> heldBytes = new ArrayList<>();
		List<Integer> count = new ArrayList<>();
		long[] held = BranchBuffers.heldBytes(layers);
		for (int i = 0; i < layers.size(); i++) {
			Layer l = layers.get(i);
			boolean first = i == 0, last = i == layers.size() - 1;
			String key = IlpKey.LayerSignature.of(l) + " " + first + last + " " + held[i];
			Integer k = index.get(key);
			if (k == null) {
				index.put(key, distinct.size());
				distinct.add(l);
				ends.add(new boolean[]{first, last});
				heldBytes.add(held[i]);
				count.add(1);
			} else {
				count.set(k, count.get(k) + 1);
			}
		}
		if (cancel.getAsBoolean()) {
			return new Result(IlpResult.Status.CANCELLED, null, Double.NaN, 0, "cancelled before the overlay ILP");
		}
		try {
			ScipNatives.ensureLoaded();
		} catch (ScipUnavailableException e) {
			return new Result(IlpResult.Status.SOLVER_UNAVAILABLE, null, Double.NaN, 0, e.getMessage());
		}
		MPSolver solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			return new Result(IlpResult.Status.SOLVER_UNAVAILABLE, null, Double.NaN, 0,
					"OR-Tools is loaded but MPSolver.createSolver(\"SCIP\") returned null (built without SCIP)");
		}
		Object lock = new Object();
		boolean[] finished = {false};
		ScheduledFuture<?> watch = null;
		List<int[]> xs = new ArrayList<>();
		List<MPVariable> xv = new ArrayList<>();
		List<int[]> ys = new ArrayList<>();
		List<MPVariable> yv = new ArrayList<>();
		try {
			solver.setNumThreads(1);
			solver.setSolverSpecificParametersAsString(SCIP_PARAMETERS);
			solver.setTimeLimit(timeLimitMs > 0 ? timeLimitMs : SubgraphIlp.DEFAULT_TIME_LIMIT_MS);
			MPConstraint dsp = solver.makeConstraint(0, budget.dspLimit(), "dsp");
			MPConstraint bram = solver.makeConstraint(0, budget.bram18kLimit(), "bram18k");
			MPConstraint lut = solver.makeConstraint(0, budget.lutLimit(), "lut");
			MPObjective obj = solver.objective();
			double clock = model.clockMhz();
			// latency terms: with the buffer f fixed, a layer's DDR time m[l,f] is a constant, so its latency on engine e is
			// max(compute[l,e], m[l,f]): linear in a binary per (engine, buffer) pair
			int nb = bufs.size();
			double[][] mem = new double[distinct.size()][nb];
			for (int i = 0; i < distinct.size(); i++) {
				for (int f = 0; f < nb; f++) {
					mem[i][f] = 1000.0 * model.memoryMs(model.ddrBytes(distinct.get(i), bufs.get(f), ends.get(i)[0],
							ends.get(i)[1], heldBytes.get(i)));
				}
			}
			double[][] convCost = engineCosts(convs.size(), distinct, count, mem, false,
					(l, c) -> us(model.computeCycles(l, convs.get(c), dws.get(0)), clock));
			double[][] dwCost = engineCosts(dws.size(), distinct, count, mem, true,
					(l, d) -> us(model.computeCycles(l, convs.get(0), dws.get(d)), clock));
			MPConstraint oneConv = solver.makeConstraint(1, 1, "one_conv");
			// buffer BRAM per core count (vendor figures include their buffers)
			MPConstraint oneDw = solver.makeConstraint(1, 1, "one_dw");
			MPConstraint[] sameBuffer = new MPConstraint[nb];
			for (int f = 0; f < nb; f++) {
				sameBuffer[f] = solver.makeConstraint(0, 0, "buffer_" + f);
				long bufBram = spec.fixedResources() != null ? 0
						: (long) OverlayCostModel.bufferBram(bufs.get(f)) * cores;
				// the buffer's BRAM is charged with the conv engine it is paired with
				for (int c : undominated(convCost, convRes, f)) {
					MPVariable v = solver.makeBoolVar("x_" + c + "_" + f);
					xs.add(new int[]{c, f});
					xv.add(v);
					oneConv.setCoefficient(v, 1);
					sameBuffer[f].setCoefficient(v, 1);
					dsp.setCoefficient(v, convRes.get(c)[0]);
					bram.setCoefficient(v, convRes.get(c)[1] + bufBram);
					lut.setCoefficient(v, convRes.get(c)[2]);
					obj.setCoefficient(v, convCost[c][f]);
				}
				for (int d : undominated(dwCost, dwRes, f)) {
					MPVariable v = solver.makeBoolVar("y_" + d + "_" + f);
					ys.add(new int[]{d, f});
					yv.add(v);
					oneDw.setCoefficient(v, 1);
					sameBuffer[f].setCoefficient(v, -1);
					dsp.setCoefficient(v, dwRes.get(d)[0]);
					bram.setCoefficient(v, dwRes.get(d)[1]);
					lut.setCoefficient(v, dwRes.get(d)[2]);
					obj.setCoefficient(v, dwCost[d][f]);
				}
			}
			// the best pair found by a direct scan as SCIP's first incumbent: its proof then only has to close the gap
			int[] hint = bestScan(xs, ys, convCost, dwCost, convRes, dwRes, bufs,
					spec.fixedResources() != null ? 0 : cores, budget);
			if (hint != null) {
				solver.setHint(new MPVariable[]{xv.get(hint[0]), yv.get(hint[1])}, new double[]{1, 1});
			}
			obj.setMinimization();
			final MPSolver s = solver;
			watch = SubgraphIlp.WATCHER.scheduleAtFixedRate(() -> {
				if (cancel.getAsBoolean()) {
					synchronized (lock) {
						if (!finished[0]) {
							s.interruptSolve();
						}
					}
				}
			}, 0, SubgraphIlp.WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
			long t0 = System.nanoTime();
			MPSolver.ResultStatus st = solver.solve();
			long ms = (System.nanoTime() - t0) / 1_000_000;
			synchronized (lock) {
				finished[0] = true;
			}
			if (cancel.getAsBoolean()) {
				return new Result(IlpResult.Status.CANCELLED, null, Double.NaN, ms,
						"cancelled while solving the overlay ILP");
			}
			if (st == MPSolver.ResultStatus.OPTIMAL || st == MPSolver.ResultStatus.FEASIBLE) {
				int[] cx = xs.get(argmax(xv)), dy = ys.get(argmax(yv));
				Result r = cost(layers, model, convs.get(cx[0]), dws.get(dy[0]), bufs.get(cx[1]), budget,
						String.format(Locale.ROOT, "%s by SCIP in %d ms, %d nodes, %d binaries",
								st == MPSolver.ResultStatus.OPTIMAL ? "optimal (proven, gap 0)"
										: "best found within the time limit",
								ms, solver.nodes(), xv.size() + yv.size()));
				return new Result(
						r.ok() ? (st == MPSolver.ResultStatus.OPTIMAL ? IlpResult.Status.OPTIMAL
								: IlpResult.Status.FEASIBLE) : r.status(),
						r.accelerator(), r.latencyMs(), ms, r.message());
			}
			if (st == MPSolver.ResultStatus.INFEASIBLE) {
				return new Result(IlpResult.Status.INFEASIBLE, null, Double.NaN, ms,
						"no overlay fits: no combination of"
								+ " engines and buffer meets the DSP, BRAM18K and LUT budgets at once ("
								+ budget.describe(ResourceBudget.Resource.DSP) + "; "
								+ budget.describe(ResourceBudget.Resource.BRAM18K) + "; "
								+ budget.describe(ResourceBudget.Resource.LUT) + ")");
			}
			if (st == MPSolver.ResultStatus.NOT_SOLVED) {
				return new Result(IlpResult.Status.TIME_LIMIT, null, Double.NaN, ms,
						"no overlay found within the time limit; raise the time limit");
			}
			return new Result(IlpResult.Status.ERROR, null, Double.NaN, ms,
					"SCIP ended with status " + st + " on the overlay ILP");
		} catch (ArithmeticException e) {
			throw e; // a layer too large to cost: the caller reports it as such
		} catch (RuntimeException | LinkageError e) {
			return new Result(IlpResult.Status.ERROR, null, Double.NaN, 0, "overlay ILP: solver failure: " + e);
		} finally {
			if (watch != null) {
				watch.cancel(false);
			}
			synchronized (lock) {
				finished[0] = true;
				solver.delete();
			}
		}
	}

	/** The engine candidates that fit the budget alone, their resources (all cores), and the least of each. */
	private record Candidates(List<ConvEngine> convs, List<long[]> convRes, List<DepthwiseEngine> dws,
			List<long[]> dwRes, List<Integer> bufs, long[] least) {
	}

	/** Candidate resources depend only on the device, the overlay, the datapath bits and the budget: computed once. */
	private static final java.util.Map<String, Candidates> CANDIDATES = new java.util.concurrent.ConcurrentHashMap<>();

	private static Candidates candidates(OverlayCostModel model, ResourceBudget budget, int bits) {
		OverlaySpec spec = model.spec();
		int cores = spec.cores();
		long[] least = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
				Long.MAX_VALUE};
		boolean vendor = spec.fixedResources() != null;
		List<ConvEngine> convs = new ArrayList<>();
		List<long[]> convRes = new ArrayList<>();
		for (ConvEngine c : convCandidates(spec)) {
			keepIfFits(c,
					vendor ? new long[3]
							: new long[]{model.convDsp(c, bits), model.convBram(c, bits), model.convLut(c, bits)},
					cores, budget, least, 0, convs, convRes);
		}
		List<DepthwiseEngine> dws = new ArrayList<>();
		List<long[]> dwRes = new ArrayList<>();
		for (DepthwiseEngine d : depthwiseCandidates(spec)) {
			keepIfFits(d, vendor ? new long[3]
					: new long[]{model.depthwiseDsp(d, bits), model.depthwiseBram(d, bits), model.depthwiseLut(d)},
					cores, budget, least, 3, dws, dwRes);
		}
		List<Integer> bufs = new ArrayList<>();
		for (int f : bufferCandidates(spec)) {
			long bram = spec.fixedResources() != null ? 0 : (long) OverlayCostModel.bufferBram(f) * cores;
			least[6] = Math.min(least[6], bram);
			if (bram <= budget.bram18kLimit()) {
				bufs.add(f);
			}
		}
		return new Candidates(List.copyOf(convs), List.copyOf(convRes), List.copyOf(dws), List.copyOf(dwRes),
				List.copyOf(bufs), least);
	}

	/**
	 * A lower bound on what any overlay of this description needs, per resource (the smallest conv engine, depthwise
	 * engine and buffer, each resource minimised on its own; the vendor's figures for a fixed accelerator), all cores.
	 */
	public static org.hao.engine.arch.Resources leastResources(OverlayCostModel model, int bits) {
		Candidates c = candidates(model,
				ResourceBudget.of(Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4, Integer.MAX_VALUE / 4, 1), bits);
		if (model.spec().fixedResources() != null) {
			var f = model.spec().fixedResources();
			return new org.hao.engine.arch.Resources(f.dsp(), f.bram18k(), f.lut()).times(model.spec().cores());
		}
		long[] l = c.least();
		return new org.hao.engine.arch.Resources((int) (l[0] + l[3]), (int) (l[1] + l[4] + l[6]), (int) (l[2] + l[5]));
	}

	/** Scales one core's resources by the cores, tracks the least of each, keeps the candidate when it fits alone. */
	private static <E> void keepIfFits(E engine, long[] perCore, int cores, ResourceBudget budget, long[] least, int at,
			List<E> kept, List<long[]> keptRes) {
		long[] r = {perCore[0] * cores, perCore[1] * cores, perCore[2] * cores};
		for (int k = 0; k < 3; k++) {
			least[at + k] = Math.min(least[at + k], r[k]);
		}
		if (fits(r, budget)) {
			kept.add(engine);
			keptRes.add(r);
		}
	}

	/** The network on one given accelerator (no solve); INFEASIBLE when it exceeds the budget. */
	public static Result cost(List<Layer> layers, OverlayCostModel model, ConvEngine c, DepthwiseEngine d,
			int bufferKiB, ResourceBudget budget, String how) {
		OverlaySpec spec = model.spec();
		String name = spec.label();
		Accelerator a = model.accelerator(name, c, d, bufferKiB, OverlayCostModel.datapathBits(layers),
				model.needsDepthwiseEngine(layers));
		String why = exceeds(a.dsp(), a.bram18k(), a.lut(), budget);
		if (why != null) {
			return new Result(IlpResult.Status.INFEASIBLE, null, Double.NaN, 0,
					"the accelerator " + a.describe() + " does not fit the device: it needs " + why);
		}
		double lat = model.networkCost(layers, a).latencyMs();
		return new Result(IlpResult.Status.OPTIMAL, a, lat, 0,
				String.format(Locale.ROOT, "%s; network latency %.4f ms (%s)", a.describe(), lat, how));
	}

	/** The resources even the smallest engines and buffer exceed, with the shortfall; null when none. */
	private static String shortfall(long[] least, ResourceBudget b, boolean pinned) {
		String who = pinned ? "the pinned engines and buffer need " : "the smallest engines need ";
		long dsp = least[0] + least[3], bram = least[1] + least[4] + least[6], lut = least[2] + least[5];
		List<String> over = new ArrayList<>();
		if (dsp > b.dspLimit()) {
			over.add(who + dsp + " DSP; " + b.describe(ResourceBudget.Resource.DSP) + ": short by "
					+ (dsp - b.dspLimit()));
		}
		if (bram > b.bram18kLimit()) {
			over.add(who + bram + " BRAM18K; " + b.describe(ResourceBudget.Resource.BRAM18K) + ": short by "
					+ (bram - b.bram18kLimit()));
		}
		if (lut > b.lutLimit()) {
			over.add(who + lut + " LUT; " + b.describe(ResourceBudget.Resource.LUT) + ": short by "
					+ (lut - b.lutLimit()));
		}
		return over.isEmpty() ? null : String.join("; ", over);
	}

	private static String exceeds(long dsp, long bram, long lut, ResourceBudget b) {
		List<String> over = new ArrayList<>();
		if (dsp > b.dspLimit()) {
			over.add(dsp + " DSP, " + b.describe(ResourceBudget.Resource.DSP));
		}
		if (bram > b.bram18kLimit()) {
			over.add(bram + " BRAM18K, " + b.describe(ResourceBudget.Resource.BRAM18K));
		}
		if (lut > b.lutLimit()) {
			over.add(lut + " LUT, " + b.describe(ResourceBudget.Resource.LUT));
		}
		return over.isEmpty() ? null : String.join("; ", over);
	}

	private static boolean fits(long[] r, ResourceBudget b) {
		return r[0] <= b.dspLimit() && r[1] <= b.bram18kLimit() && r[2] <= b.lutLimit();
	}

	/** Compute time (us) of a layer on engine candidate e. */
	private interface EngineTime {
		double us(Layer layer, int engine);
	}

	/**
	 * cost[e][f] = sum over the layers this engine runs (depthwise or the others) of n_l * max(compute_l(e), ddr_l(f)):
	 * the engine's share of the network latency with candidate e and buffer f (us).
	 */
	private static double[][] engineCosts(int engines, List<Layer> distinct, List<Integer> count, double[][] mem,
			boolean depthwise, EngineTime time) {
		int nb = mem.length == 0 ? 0 : mem[0].length;
		double[][] cost = new double[engines][nb];
		for (int e = 0; e < engines; e++) {
			for (int i = 0; i < distinct.size(); i++) {
				if (OverlayCostModel.onDepthwiseEngine(distinct.get(i)) == depthwise) {
					double comp = time.us(distinct.get(i), e);
					for (int f = 0; f < nb; f++) {
						cost[e][f] += count.get(i) * Math.max(comp, mem[i][f]);
					}
				}
			}
		}
		return cost;
	}

	/**
	 * Candidates of one engine with buffer f that no other candidate dominates (at most the same DSP, BRAM18K and LUT
	 * and at most the same latency, one of them strictly less or an earlier index on ties): a safe reduction, the
	 * optimum keeps a candidate of this set.
	 */
	static List<Integer> undominated(double[][] cost, List<long[]> res, int f) {
		List<Integer> out = new ArrayList<>();
		for (int a = 0; a < cost.length; a++) {
			boolean dominated = false;
			for (int b = 0; b < cost.length && !dominated; b++) {
				if (b == a) {
					continue;
				}
				long[] ra = res.get(a), rb = res.get(b);
				boolean noWorse = cost[b][f] <= cost[a][f] && rb[0] <= ra[0] && rb[1] <= ra[1] && rb[2] <= ra[2];
				boolean equal = cost[b][f] == cost[a][f] && rb[0] == ra[0] && rb[1] == ra[1] && rb[2] == ra[2];
				dominated = noWorse && (!equal || b < a);
			}
			if (!dominated) {
				out.add(a);
			}
		}
		return out;
	}

	/** Indices into xs / ys of the cheapest feasible (conv, depthwise) pair with the same buffer, or null. */
	private static int[] bestScan(List<int[]> xs, List<int[]> ys, double[][] convCost, double[][] dwCost,
			List<long[]> convRes, List<long[]> dwRes, List<Integer> bufs, int cores, ResourceBudget b) {
		int[] best = null;
		double bestCost = Double.POSITIVE_INFINITY;
		for (int i = 0; i < xs.size(); i++) {
			int c = xs.get(i)[0], f = xs.get(i)[1];
			long[] rc = convRes.get(c);
			long bufBram = (long) OverlayCostModel.bufferBram(bufs.get(f)) * cores;
			for (int j = 0; j < ys.size(); j++) {
				if (ys.get(j)[1] != f) {
					continue;
				}
				int d = ys.get(j)[0];
				long[] rd = dwRes.get(d);
				double cost = convCost[c][f] + dwCost[d][f];
				if (cost < bestCost && rc[0] + rd[0] <= b.dspLimit() && rc[1] + rd[1] + bufBram <= b.bram18kLimit()
						&& rc[2] + rd[2] <= b.lutLimit()) {
					bestCost = cost;
					best = new int[]{i, j};
				}
			}
		}
		return best;
	}

	private static int argmax(List<MPVariable> v) {
		int best = 0;
		for (int i = 1; i < v.size(); i++) {
			if (v.get(i).solutionValue() > v.get(best).solutionValue()) {
				best = i;
			}
		}
		return best;
	}

	private static double us(long cycles, double clockMhz) {
		return cycles / clockMhz;
	}
}
