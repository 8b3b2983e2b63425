package org.hao.engine.ilp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.hao.engine.ilp.ResourceBudget.Resource;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * Builds and solves one subgraph's parallelism ILP with SCIP (through OR-Tools' MPSolver).
 *
 * <p>Formulation: binary {@code x[l,k]} = layer l uses candidate k; {@code sum_k x[l,k] = 1} for every layer;
 * {@code sum_{l,k} dsp[l,k] x[l,k] <= DSP limit} and the same for BRAM18K and LUT, where a limit is
 * device capacity x utilisation cap, lowered by a user cap if one is given. Objective MIN_SUM:
 * {@code min sum lat[l,k] x[l,k]}; MIN_MAX: {@code min T} with {@code sum_k lat[l,k] x[l,k] <= T} per layer, or,
 * for a pipeline with fill and DDR terms, {@code min Z} with also {@code T + sum fill[l,k] x[l,k] <= Z} and
 * {@code fixedDdr + sum ddr[l,k] x[l,k] <= Z} (the stages share the DDR bandwidth).
 * Latencies enter the model in microseconds (better-scaled coefficients than milliseconds).
 *
 * <p>Every call creates a new MPSolver, runs it single-threaded (interrupts only work single-threaded), always with a
 * time limit and {@code limits/gap = 0} so OPTIMAL means proven optimal, with SCIP's own Ctrl-C handler off, and
 * deletes it afterwards. Cancellation: the supplier is checked before building and solving, and while SCIP runs a
 * watcher calls {@code interruptSolve()} every {@value #WATCH_PERIOD_MS} ms once it turns true. An interrupt that
 * arrives before SCIP has started its solve is lost, so the watcher keeps repeating it until solve() returns; a cancel
 * is therefore honoured within about 0.1 s plus the time SCIP needs to reach its next interrupt check.
 *
 * <p>Ties: among configurations with the optimal latency SCIP may return one that wastes resources. A deterministic
 * post-pass moves each layer (in order) to the candidate that uses the least normalised resources
 * (dsp/DSPlimit + bram/BRAMlimit + lut/LUTlimit) among those that keep the objective value (MIN_MAX: the whole
 * objective stays <= its optimum; MIN_SUM: same latency) and keep all totals within the budget. The latency stays
 * the proven optimum.
 */
public final class SubgraphIlp {
	/** Time limit used when the caller gives none (ms). */
	public static final long DEFAULT_TIME_LIMIT_MS = 30_000;
	static final long WATCH_PERIOD_MS = 20;
	/**
	 * gap 0: OPTIMAL means proven optimal. catchctrlc off: by default SCIP swaps in its own SIGINT handler while it
	 * solves, which swallowed the user's Ctrl-C (the JVM never saw it and the search ran on; found by
	 * releng/ctrl-c-check), and the swap is process-wide, so concurrent solves could leave SCIP's handler installed.
	 * Cancellation goes through {@code interruptSolve()} instead.
	 */
	static final String SCIP_PARAMETERS = "limits/gap = 0\nmisc/catchctrlc = FALSE\n";

	static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "hao-ilp-cancel-watcher");
		t.setDaemon(true);
		return t;
	});

	private SubgraphIlp() {
	}

	/** Solves with the default time limit and no cancellation. */
	public static IlpResult solve(IlpProblem problem) {
		return solve(problem, DEFAULT_TIME_LIMIT_MS, () -> false);
	}

	/**
	 * Solves one subgraph ILP.
	 *
	 * @param problem the candidate table, objective and budget
	 * @param timeLimitMs SCIP's time limit in ms (values <= 0 mean the default; a limit is always set)
	 * @param cancelled polled before and during the solve
	 * @return the result; never throws for solver trouble (SOLVER_UNAVAILABLE / ERROR statuses instead)
	 */
	public static IlpResult solve(IlpProblem problem, long timeLimitMs, BooleanSupplier cancelled) {
		BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
		long limit = timeLimitMs > 0 ? timeLimitMs : DEFAULT_TIME_LIMIT_MS;
		if (cancel.getAsBoolean()) {
			return IlpResult.failure(IlpResult.Status.CANCELLED, "cancelled before solving subgraph " + problem.name(),
					null, 0, 0);
		}
		String pre = explainBoundInfeasibility(problem);
		if (pre != null) {
			return IlpResult.failure(IlpResult.Status.INFEASIBLE,
					"subgraph " + problem.name() + " does not fit: " + pre, pre, 0, 0);
		}
		if (problem.layerCount() == 0) {
			return new IlpResult(IlpResult.Status.OPTIMAL, 0, List.of(), 0, 0, 0, 0, 0, 0,
					"subgraph " + problem.name() + " has no layer to configure", null);
		}
		try {
			ScipNatives.ensureLoaded();
		} catch (ScipUnavailableException e) {
			return IlpResult.failure(IlpResult.Status.SOLVER_UNAVAILABLE, e.getMessage(), null, 0, 0);
		}
		MPSolver solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			return IlpResult.failure(IlpResult.Status.SOLVER_UNAVAILABLE,
					"OR-Tools is loaded but MPSolver.createSolver(\"SCIP\") returned null (built without SCIP)", null,
					0, 0);
		}
		Object lock = new Object();
		boolean[] finished = {false};
		ScheduledFuture<?> watch = null;
		try {
			solver.setNumThreads(1);
			if (!solver.setSolverSpecificParametersAsString(SCIP_PARAMETERS)) {
				return IlpResult.failure(IlpResult.Status.ERROR,
						"SCIP rejected the parameters " + SCIP_PARAMETERS.strip().replace('\n', ';'), null, 0, 0);
			}
			solver.setTimeLimit(limit);
			int n = problem.layerCount();
			boolean minMax = problem.objective() == IlpObjective.MIN_MAX;
			ResourceBudget b = problem.budget();
			MPConstraint dsp = solver.makeConstraint(0, b.dspLimit(), "dsp");
			MPConstraint bram = solver.makeConstraint(0, b.bram18kLimit(), "bram18k");
			MPConstraint lut = solver.makeConstraint(0, b.lutLimit(), "lut");
			MPObjective obj = solver.objective();
			CandidateReduction red = CandidateReduction.of(problem);
			// T can never be below the slowest layer's fastest candidate, nor below the bound from each resource
			// alone: valid bounds that tighten the LP relaxation
			double tLow = red.lowMs * 1000.0;
			for (List<IlpCandidate> cs : problem.candidates()) {
				tLow = Math.max(tLow, cs.stream().mapToDouble(IlpCandidate::latencyMs).min().orElse(0) * 1000.0);
			}
			MPVariable t = minMax ? solver.makeNumVar(tLow, MPSolver.infinity(), "T") : null;
			// pipelined subgraph: latency Z = max(T + sum fill[l,k] x[l,k], fixedDdr + sum ddr[l,k] x[l,k]), the
			// stages sharing the DDR bandwidth
			MPVariable z = null;
			MPConstraint withFill = null;
			MPConstraint sharedDdr = null;
			if (problem.hasPipelineTerms()) {
				z = solver.makeNumVar(tLow, MPSolver.infinity(), "Z");
				withFill = solver.makeConstraint(-MPSolver.infinity(), 0, "fill");
				withFill.setCoefficient(t, 1);
				withFill.setCoefficient(z, -1);
				sharedDdr = solver.makeConstraint(-MPSolver.infinity(), -problem.fixedDdrMs() * 1000.0, "ddr");
				sharedDdr.setCoefficient(z, -1);
			}
			MPVariable[][] x = new MPVariable[n][];
			List<MPVariable> hintVars = new ArrayList<>();
			for (int l = 0; l < n; l++) {
				List<IlpCandidate> cands = problem.candidates().get(l);
				int[] kept = red.kept[l];
				x[l] = new MPVariable[kept.length];
				MPConstraint one = solver.makeConstraint(1, 1, "one_" + l);
				MPConstraint lt = minMax ? solver.makeConstraint(-MPSolver.infinity(), 0, "T_" + l) : null;
				for (int i = 0; i < kept.length; i++) {
					IlpCandidate c = cands.get(kept[i]);
					MPVariable v = solver.makeBoolVar("x_" + l + "_" + kept[i]);
					x[l][i] = v;
					one.setCoefficient(v, 1);
					dsp.setCoefficient(v, c.dsp());
					bram.setCoefficient(v, c.bram18k());
					lut.setCoefficient(v, c.lut());
					double us = c.latencyMs() * 1000.0;
					if (minMax) {
						lt.setCoefficient(v, us);
						if (z != null) {
							withFill.setCoefficient(v, c.fillMs() * 1000.0);
							sharedDdr.setCoefficient(v, c.ddrMs() * 1000.0);
						}
					} else {
						obj.setCoefficient(v, us);
					}
					if (red.incumbent != null && red.incumbent[l] == kept[i]) {
						hintVars.add(v);
					}
				}
				if (minMax) {
					lt.setCoefficient(t, -1);
				}
			}
			if (red.incumbent != null && hintVars.size() == n) {
				// the greedy configuration as SCIP's first incumbent: its proof then only has to close the gap
				solver.setHint(hintVars.toArray(MPVariable[]::new), ones(n));
			}
			if (minMax) {
				obj.setCoefficient(z != null ? z : t, 1);
			}
			obj.setMinimization();
			if (cancel.getAsBoolean()) {
				return IlpResult.failure(IlpResult.Status.CANCELLED,
						"cancelled before solving subgraph " + problem.name(), null, 0, 0);
			}
			final MPSolver s = solver;
			watch = WATCHER.scheduleAtFixedRate(() -> {
				if (cancel.getAsBoolean()) {
					synchronized (lock) {
						if (!finished[0]) {
							s.interruptSolve(); // repeated: one sent before SCIP started solving is lost
						}
					}
				}
			}, 0, WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
			long t0 = System.nanoTime();
			MPSolver.ResultStatus st = solver.solve();
			long ms = (System.nanoTime() - t0) / 1_000_000;
			synchronized (lock) {
				finished[0] = true;
			}
			watch.cancel(false);
			long nodes = solver.nodes();
			if (cancel.getAsBoolean()) {
				return IlpResult.failure(IlpResult.Status.CANCELLED,
						"cancelled while solving subgraph " + problem.name() + " (after " + ms + " ms)", null, ms,
						nodes);
			}
			// if-chain, not a switch: a switch on MPSolver.ResultStatus makes javac build a switch map whose static
			// initialiser touches the native enum before the natives are loaded (UnsatisfiedLinkError)
			if (st == MPSolver.ResultStatus.OPTIMAL || st == MPSolver.ResultStatus.FEASIBLE) {
				{
					int[] choice = new int[n];
					for (int l = 0; l < n; l++) {
						int best = 0;
						double bv = -1;
						for (int i = 0; i < x[l].length; i++) {
							double v = x[l][i].solutionValue();
							if (v > bv) {
								bv = v;
								best = red.kept[l][i];
							}
						}
						choice[l] = best;
					}
					double boundMs = obj.bestBound() / 1000.0;
					if (!problem.fits(choice)) { // tolerance artefact: should not happen with integral coefficients
						return IlpResult.failure(IlpResult.Status.ERROR, "SCIP returned a configuration of subgraph "
								+ problem.name() + " that exceeds the budget (numerical tolerance)", null, ms, nodes);
					}
					tieBreak(problem, choice);
					double lat = problem.latencyOf(choice);
					long[] r = problem.resourcesOf(choice);
					boolean optimal = st == MPSolver.ResultStatus.OPTIMAL;
					String msg;
					if (optimal) {
						msg = String.format(Locale.ROOT,
								"subgraph %s: optimal latency %.4f ms (proven, gap 0) in %d ms", problem.name(), lat,
								ms);
					} else {
						double gap = lat == 0 ? 0 : Math.max(0, (lat - boundMs) / lat);
						msg = String.format(Locale.ROOT,
								"subgraph %s: time limit of %.3f s reached; best configuration %.4f ms is at most %.2f%% above"
										+ " the optimum (bound %.4f ms). Raise the time limit to prove optimality.",
								problem.name(), limit / 1000.0, lat, 100 * gap, boundMs);
					}
					return new IlpResult(optimal ? IlpResult.Status.OPTIMAL : IlpResult.Status.FEASIBLE, lat,
							toList(choice), (int) r[0], (int) r[1], (int) r[2], optimal ? lat : Math.min(lat, boundMs),
							ms, nodes, msg, null);
				}
			} else if (st == MPSolver.ResultStatus.INFEASIBLE) {
				{
					String why = explainJointInfeasibility(problem);
					return IlpResult.failure(IlpResult.Status.INFEASIBLE,
							"subgraph " + problem.name() + " does not fit: " + why, why, ms, nodes);
				}
			} else if (st == MPSolver.ResultStatus.NOT_SOLVED) {
				{
					return IlpResult.failure(IlpResult.Status.TIME_LIMIT, String.format(Locale.ROOT,
							"subgraph %s: no configuration found within the time limit of %.3f s; raise the time limit"
									+ " or reduce the number of parallelism candidates",
							problem.name(), limit / 1000.0), null, ms, nodes);
				}
			} else {
				{
					return IlpResult.failure(IlpResult.Status.ERROR,
							"subgraph " + problem.name() + ": SCIP ended with status " + st
									+ " (numerical trouble or out of memory); the search skips this configuration",
							null, ms, nodes);
				}
			}
		} catch (RuntimeException | LinkageError | OutOfMemoryError e) {
			return IlpResult.failure(IlpResult.Status.ERROR, "subgraph " + problem.name() + ": solver failure: " + e,
					null, 0, 0);
		} finally {
			if (watch != null) {
				synchronized (lock) {
					finished[0] = true;
				}
				watch.cancel(false);
			}
			synchronized (lock) {
				finished[0] = true;
				solver.delete();
			}
		}
	}

	/** How many candidates the safe reductions leave for SCIP (reported by the benchmark). */
	public static int reducedCandidateCount(IlpProblem problem) {
		return CandidateReduction.of(problem).size();
	}

	private static double[] ones(int n) {
		double[] a = new double[n];
		java.util.Arrays.fill(a, 1.0);
		return a;
	}

	private static List<Integer> toList(int[] a) {
		List<Integer> l = new ArrayList<>(a.length);
		for (int v : a) {
			l.add(v);
		}
		return l;
	}

	/** Moves each layer to its least resource-hungry candidate that keeps the objective value and the budget. */
	static void tieBreak(IlpProblem p, int[] choice) {
		ResourceBudget b = p.budget();
		double dl = Math.max(1, b.dspLimit()), bl = Math.max(1, b.bram18kLimit()), ll = Math.max(1, b.lutLimit());
		double tStar = p.latencyOf(choice);
		long[] tot = p.resourcesOf(choice);
		boolean pipelineTerms = p.hasPipelineTerms();
		for (int l = 0; l < choice.length; l++) {
			List<IlpCandidate> cs = p.candidates().get(l);
			IlpCandidate cur = cs.get(choice[l]);
			int best = choice[l];
			double bestW = cur.dsp() / dl + cur.bram18k() / bl + cur.lut() / ll;
			for (int k = 0; k < cs.size(); k++) {
				IlpCandidate c = cs.get(k);
				boolean keeps = p.objective() == IlpObjective.MIN_MAX
						? c.latencyMs() <= tStar && (!pipelineTerms || latencyWith(p, choice, l, k) <= tStar + 1e-12)
						: c.latencyMs() <= cur.latencyMs();
				if (!keeps) {
					continue;
				}
				long d = tot[0] - cur.dsp() + c.dsp(), br = tot[1] - cur.bram18k() + c.bram18k(),
						lu = tot[2] - cur.lut() + c.lut();
				if (d > b.dspLimit() || br > b.bram18kLimit() || lu > b.lutLimit()) {
					continue;
				}
				double w = c.dsp() / dl + c.bram18k() / bl + c.lut() / ll;
				if (w < bestW - 1e-12 || (Math.abs(w - bestW) < 1e-12 && c.latencyMs() < cs.get(best).latencyMs())) {
					best = k;
					bestW = w;
				}
			}
			IlpCandidate nb = cs.get(best);
			tot[0] += nb.dsp() - cur.dsp();
			tot[1] += nb.bram18k() - cur.bram18k();
			tot[2] += nb.lut() - cur.lut();
			choice[l] = best;
		}
	}

	/** The objective with layer {@code l} moved to candidate {@code k}. */
	private static double latencyWith(IlpProblem p, int[] choice, int l, int k) {
		int[] moved = choice.clone();
		moved[l] = k;
		return p.latencyOf(moved);
	}

	/**
	 * Checks each resource on its own: if even every layer at its cheapest candidate for that resource exceeds the
	 * limit, no configuration exists. Returns the explanation, or null when every resource alone can be met.
	 */
	public static String explainBoundInfeasibility(IlpProblem p) {
		StringBuilder sb = new StringBuilder();
		for (Resource r : Resource.values()) {
			long min = 0;
			long worst = -1;
			String worstLayer = null;
			for (int l = 0; l < p.layerCount(); l++) {
				long m = Long.MAX_VALUE;
				for (IlpCandidate c : p.candidates().get(l)) {
					m = Math.min(m, amount(c, r));
				}
				min += m;
				if (m > worst) {
					worst = m;
					worstLayer = p.layerNames().get(l);
				}
			}
			int lim = limit(p.budget(), r);
			if (min > lim) {
				if (sb.length() > 0) {
					sb.append("; ");
				}
				sb.append(String.format(Locale.ROOT,
						"minimum %s over all layers (each at its cheapest candidate) %d > %s, short by %d (%.0f%%);"
								+ " the largest single need is layer %s with %d",
						r.label(), min, p.budget().describe(r), min - lim, lim == 0 ? 100.0 : 100.0 * (min - lim) / lim,
						worstLayer, worst));
			}
		}
		return sb.length() == 0 ? null : sb.toString();
	}

	/** Explanation when every resource alone can be met but not all at once. */
	static String explainJointInfeasibility(IlpProblem p) {
		StringBuilder sb = new StringBuilder("the resources cannot be met together:");
		for (Resource r : Resource.values()) {
			int[] choice = new int[p.layerCount()];
			for (int l = 0; l < choice.length; l++) {
				List<IlpCandidate> cs = p.candidates().get(l);
				int best = 0;
				for (int k = 1; k < cs.size(); k++) {
					if (amount(cs.get(k), r) < amount(cs.get(best), r)) {
						best = k;
					}
				}
				choice[l] = best;
			}
			long[] tot = p.resourcesOf(choice);
			sb.append(" the fewest-").append(r.label()).append(" configuration (").append(tot[r.ordinal()]).append(' ')
					.append(r.label()).append(')');
			boolean first = true;
			for (Resource o : Resource.values()) {
				int lim = limit(p.budget(), o);
				if (o != r && tot[o.ordinal()] > lim) {
					sb.append(first ? " needs " : " and ").append(tot[o.ordinal()]).append(' ').append(o.label())
							.append(" > ").append(p.budget().describe(o)).append(", short by ")
							.append(tot[o.ordinal()] - lim);
					first = false;
				}
			}
			if (first) {
				sb.append(" fits");
			}
			sb.append(';');
		}
		sb.setLength(sb.length() - 1);
		return sb.append(". Lower the parallelism candidates' cost (bit-widths, pruning) or raise the caps.")
				.toString();
	}

	private static long amount(IlpCandidate c, Resource r) {
		return switch (r) {
			case DSP -> c.dsp();
			case BRAM18K -> c.bram18k();
			case LUT -> c.lut();
		};
	}

	private static int limit(ResourceBudget b, Resource r) {
		return switch (r) {
			case DSP -> b.dspLimit();
			case BRAM18K -> b.bram18kLimit();
			case LUT -> b.lutLimit();
		};
	}
}
