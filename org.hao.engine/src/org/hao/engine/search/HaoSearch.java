package org.hao.engine.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.OverlayIlp;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.LayerSensitivities;
import org.hao.engine.predict.PredictorDataException;
import org.hao.engine.results.Failure;
import org.hao.engine.results.FailureKind;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;

/**
 * The hardware-aware search (see docs/search.md).
 * <ol>
 * <li>Per subgraph, enumerate its space (cartesian product of the listed options; more than
 * {@link #MAX_CHOICES_PER_SUBGRAPH} combinations are sampled without replacement with the seed).</li>
 * <li>Evaluate each choice with the other subgraphs at their base values: latency from the subgraph ILP (SCIP) and
 * the cost model, accuracy change from the predictor on the whole network.</li>
 * <li>Keep each subgraph's Pareto set of (latency, accuracy change).</li>
 * <li>Merge the sets subgraph by subgraph (latencies and accuracy changes add), dropping dominated partial
 * combinations; above {@link #MAX_MERGED} partial combinations, keep that many spread evenly over latency (exact
 * when the product of the frontier sizes stays below the bound).</li>
 * <li>Re-evaluate every merged combination exactly: expand the whole network (a width change alters the next
 * subgraph's input), solve each subgraph's ILP (cached), predict accuracy on the combined network; drop dominated
 * points; choose by the objective among the points that meet the constraints.</li>
 * </ol>
 * The phases are their own types: {@link SubgraphScan} (1-3), {@link FrontMerge} (4), {@link ExactEvaluation} (5) and,
 * on an overlay, {@link Codesign} (each merged network gets its own accelerator); {@link SearchRun} holds what they
 * share. Deterministic for a seed regardless of the thread count: work is indexed, results are gathered by index and sorted
 * with complete tie-breaks.
 */
public final class HaoSearch {
	public static final int MAX_CHOICES_PER_SUBGRAPH = 48;
	public static final int MAX_MERGED = 96;
	/**
	 * Overlay: a subgraph choice less than this much slower (relative) than a choice at least as accurate is kept in
	 * phase 1, because phase 1 ranks on the reference accelerator only.
	 */
	static final double OVERLAY_PHASE1_SLACK = 0.10;

	/**
	 * Networks of phase 4 (co-design ILP per network), frontier first, besides the one the objective picks: every
	 * merged network (at most {@link #MAX_MERGED}). With 16 the reduced space's hypervolume ratio fell to 0.94; the
	 * ILP takes about 20 ms per network on MobileNetV2, so all of them cost about a second on 2 cores.
	 */
	public static final int MAX_CODESIGNED = MAX_MERGED;

	private HaoSearch() {
	}

	public static SearchResult run(SearchSpec spec, SearchOptions options, ProgressListener listener,
			CancelToken cancel) {
		return run(spec, options, listener, cancel, new IlpCache());
	}

	/** As {@link #run(SearchSpec, SearchOptions, ProgressListener, CancelToken)} with a caller-held ILP cache. */
	public static SearchResult run(SearchSpec spec, SearchOptions options, ProgressListener listener,
			CancelToken cancel, IlpCache cache) {
		SearchOptions opt = options == null ? SearchOptions.DEFAULT : options;
		FirstLastBits.Applied firstLast = FirstLastBits.apply(spec);
		spec = firstLast.spec();
		SearchRun run = new SearchRun(spec, opt, listener, cancel, cache);
		run.warnings.addAll(firstLast.warnings());
		SearchResult failed = prepare(run);
		if (failed != null) {
			return failed;
		}
		NetworkSpec net = spec.network();
		ExpandedNetwork base = NetworkExpander.expand(net); // expands: prepare() checked it
		double baseAcc = run.predictor.predict(base);
		// overlay: phase 1 scores every subgraph choice on the accelerator the ILP builds for the base network (exact
		// for that accelerator: layers run one after another); phase 4 re-solves the co-design ILP per network
		Accelerator reference = null;
		if (run.networks.overlayModel() != null) {
			OverlayIlp.Result ref = run.networks.overlayDesign(base.layers(), run.cancelled);
			if (!ref.ok()) {
				return run.failed(
						new Failure(FailureKind.NO_CONFIGURATION, "network " + net.name() + " (base configuration): "
								+ ref.message() + "; no network configuration exists"),
						run.cancelled.getAsBoolean(), false);
			}
			reference = ref.accelerator();
		}
		double slack = reference != null ? OVERLAY_PHASE1_SLACK : 0;
		List<List<SubgraphChoice>> choices = choices(run);
		run.progressTotal = choices.stream().mapToInt(List::size).sum() + MAX_MERGED;
		run.pool = Executors.newFixedThreadPool(opt.effectiveThreads(), r -> {
			Thread t = new Thread(r, "hao-search");
			t.setDaemon(true);
			return t;
		});
		try {
			SubgraphScan.Fronts scanned = SubgraphScan.run(run, net, choices, baseAcc, reference, slack);
			if (run.cancelled.getAsBoolean()) {
				return run.result(List.of(), null, true, false);
			}
			for (int s = 0; s < choices.size(); s++) {
				if (scanned.fronts().get(s).isEmpty()) {
					if (scanned.incomplete()) {
						// anytime: the time limit cut phase 1 short; the frontier still covers every subgraph through
						// the base configuration
						List<ParetoPoint> front = baseOnly(run);
						return run.result(front, choose(front, spec.constraints(), spec.objective()),
								run.cancelled.getAsBoolean(), false);
					}
					return run.failed(
							new Failure(FailureKind.NO_CONFIGURATION,
									"subgraph " + net.subgraphs().get(s).name()
											+ ": no choice could be evaluated; no network configuration exists"),
							false, true);
				}
			}
			List<FrontMerge.Partial> merged = FrontMerge.run(scanned.fronts(), slack);
			ExactEvaluation.Points exact = ExactEvaluation.run(run, net, choices, merged, reference);
			List<ParetoPoint> pts = new ArrayList<>(exact.points());
			boolean incomplete = scanned.incomplete() || exact.incomplete();
			if (reference != null && !pts.isEmpty() && !Codesign.run(run, net, pts, new ArrayList<>(exact.picks()))) {
				incomplete = true;
				run.warnings.add(
						"the time limit stopped the co-design ILP: some frontier points (possibly the chosen one) keep"
								+ " the base network's accelerator; raise the time limit");
			}
			if (pts.isEmpty() && incomplete && !run.cancelled.getAsBoolean()) {
				pts.addAll(baseOnly(run));
			}
			return finish(run, ParetoFilter.front(pts), incomplete);
		} finally {
			run.pool.shutdownNow();
		}
	}

	/**
	 * Loads the solver and the predictor and checks that the base network expands; returns the failed result when one
	 * of them fails, else null.
	 */
	private static SearchResult prepare(SearchRun run) {
		SearchSpec spec = run.spec;
		if (spec.device().kind() == DeviceKind.FPGA) {
			try {
				run.solver = ScipNatives.ensureLoaded();
			} catch (ScipUnavailableException e) {
				return run.failed(new Failure(FailureKind.SOLVER_UNAVAILABLE, e.getMessage()), false, false);
			}
		} else {
			run.solver = "none (mobile GPU target: latency from the GPU cost model, no ILP)";
		}
		AccuracyPredictor table;
		try {
			table = spec.predictorCsv() == null ? AccuracyPredictor.builtIn()
					: AccuracyPredictor.fit(Path.of(spec.predictorCsv()));
		} catch (PredictorDataException | IllegalStateException e) {
			return run.failed(new Failure(FailureKind.PREDICTOR_DATA, "accuracy predictor: " + e.getMessage()), false,
					false);
		}
		run.predictorText = table.toString();
		NetworkSpec net = spec.network();
		ExpandedNetwork base;
		try {
			base = NetworkExpander.expand(net);
		} catch (ShapeException e) {
			return run.failed(new Failure(FailureKind.SHAPE,
					"network " + net.name() + ", op " + e.opName() + ": " + e.getMessage()), false, false);
		}
		try {
			LayerSensitivities sens = null;
			if (spec.quantization().sensitivityCsv() != null) {
				sens = LayerSensitivities.read(Path.of(spec.quantization().sensitivityCsv()));
				sens.checkLayers(base.layers().stream().map(Layer::name).collect(Collectors.toSet()));
			}
			run.predictor = table.withQuantization(spec.quantization(), sens);
		} catch (PredictorDataException e) {
			return run.failed(new Failure(FailureKind.PREDICTOR_DATA, "layer sensitivities: " + e.getMessage()), false,
					false);
		}
		run.predictorText = run.predictor.toString();
		run.networks = new NetworkEvaluator(spec.device(), spec.constraints(), run.cache);
		return null;
	}

	/** Each subgraph's choices (all, or a seeded sample), with a warning for each sampled space. */
	private static List<List<SubgraphChoice>> choices(SearchRun run) {
		List<List<SubgraphChoice>> choices = new ArrayList<>();
		List<SubgraphSpec> subgraphs = run.spec.network().subgraphs();
		for (int s = 0; s < subgraphs.size(); s++) {
			SubgraphSpec sg = subgraphs.get(s);
			List<SubgraphChoice> cs = enumerate(sg, run.spec.seed() * 1_000_003L + s);
			if (sg.space().size() > cs.size()) {
				run.warnings.add(String.format(Locale.ROOT, "subgraph %s: %d of %d choices sampled (seed %d)",
						sg.name(), cs.size(), sg.space().size(), run.spec.seed()));
			}
			choices.add(cs);
		}
		return choices;
	}

	/** The outcome from the frontier: the objective's pick, and what the user should know about it. */
	private static SearchResult finish(SearchRun run, List<ParetoPoint> front, boolean incomplete) {
		SearchSpec spec = run.spec;
		boolean wasCancelled = run.cancelled.getAsBoolean();
		run.noteInterrupt();
		if (!wasCancelled && run.pastDeadline()) {
			run.warnings.add(String.format(Locale.ROOT, "time limit of %.1f s reached: the frontier is partial",
					run.limitSeconds));
		}
		ExpandedNetwork written = NetworkExpander.expand(spec.network());
		int classes = AccuracyPredictor.classes(written);
		ChanceFilter atChance = ChanceFilter.apply(front, classes, run.predictor.prediction(written).low());
		front = atChance.points();
		if (atChance.dropped() > 0) {
			run.warnings.add(atChance.warning(classes));
		}
		ParetoPoint chosen = choose(front, spec.constraints(), spec.objective());
		if (chosen == null && !front.isEmpty()) {
			ParetoPoint fastest = front.get(0), best = front.get(front.size() - 1);
			run.warnings
					.add("no point meets the constraints " + describe(spec.constraints()) + "; the fastest point has "
							+ String.format(Locale.ROOT, "%.1f fps at %.2f%% top-1", fastest.fps(), fastest.accuracy())
							+ " and the most accurate "
							+ String.format(Locale.ROOT, "%.2f%% at %.1f fps", best.accuracy(), best.fps()));
		}
		if (chosen != null && chosen.config().prediction().extrapolation() != null) {
			run.warnings.add("chosen point: accuracy extrapolated: " + chosen.config().prediction().extrapolation());
		}
		return run.result(front, chosen, wasCancelled, !incomplete && !wasCancelled);
	}

	/**
	 * The base configuration (every subgraph as written), evaluated without the deadline (a cancel still stops it):
	 * what an anytime search returns when the time limit left no evaluated network.
	 */
	private static List<ParetoPoint> baseOnly(SearchRun run) {
		Map<String, SubgraphChoice> base = new LinkedHashMap<>();
		for (SubgraphSpec sg : run.spec.network().subgraphs()) {
			base.put(sg.name(), SubgraphChoice.base(sg));
		}
		NetworkEvaluation e = evaluateNetwork(run.spec.network(), base, run.networks, run.predictor, run.cancelled);
		if (e == null) {
			return List.of();
		}
		if (e.failure() != null) {
			run.failures.add(e.failure().withSuffix("; no network configuration exists"));
			return List.of();
		}
		run.warnings.add(String.format(Locale.ROOT,
				"time limit of %.3f s reached before any searched configuration was"
						+ " complete: the frontier holds the base configuration only; raise the time limit",
				run.limitSeconds));
		return List.of(e.point());
	}

	/** The choices of a subgraph's space: all of them, or a seeded sample of {@link #MAX_CHOICES_PER_SUBGRAPH}. */
	public static List<SubgraphChoice> enumerate(SubgraphSpec sg, long seed) {
		List<SpaceDimension<?>> dims = SpaceDimension.of(sg);
		long size = sg.space().size();
		List<Long> indices = new ArrayList<>();
		if (size <= MAX_CHOICES_PER_SUBGRAPH) {
			for (long i = 0; i < size; i++) {
				indices.add(i);
			}
		} else {
			Random r = new Random(seed);
			LinkedHashSet<Long> set = new LinkedHashSet<>();
			while (set.size() < MAX_CHOICES_PER_SUBGRAPH) {
				set.add(Math.floorMod(r.nextLong(), size));
			}
			indices.addAll(new TreeSet<>(set));
		}
		List<SubgraphChoice> out = new ArrayList<>(indices.size());
		for (long i : indices) {
			out.add(SpaceDimension.choice(dims, i));
		}
		return out;
	}

	/** A fault while evaluating one configuration, in words a user can act on. */
	static String fault(Throwable e) {
		if (e instanceof OutOfMemoryError) {
			return "out of memory (" + e.getMessage()
					+ "); give the JVM more heap (e.g. -Xmx4g) or search a smaller space";
		}
		if (e instanceof StackOverflowError) {
			return "stack overflow; raise the thread stack size (e.g. -Xss8m)";
		}
		if (e instanceof ShapeException s) {
			return "op " + s.opName() + ": " + s.getMessage();
		}
		return e instanceof IllegalArgumentException ? e.getMessage() : "internal error " + e;
	}

	/** Outcome of one exact network evaluation: a point or a failure. */
	public record NetworkEvaluation(ParetoPoint point, Failure failure) {
	}

	/**
	 * Exact evaluation of one network configuration: expand, evaluate on the device's architecture (overlay co-design
	 * ILP, dataflow ILP, or per-subgraph ILPs with reconfiguration; GPU cost model), predict. Returns null when stopped
	 * (cancel or time limit).
	 */
	public static NetworkEvaluation evaluateNetwork(NetworkSpec net, Map<String, SubgraphChoice> pick,
			NetworkEvaluator ev, AccuracyPredictor predictor, BooleanSupplier stop) {
		return evaluateNetwork(net, pick, ev, predictor, stop, null);
	}

	/** As above; with {@code onOverlay} non-null the network is costed on that overlay instead of its own ILP. */
	public static NetworkEvaluation evaluateNetwork(NetworkSpec net, Map<String, SubgraphChoice> pick,
			NetworkEvaluator ev, AccuracyPredictor predictor, BooleanSupplier stop, Accelerator onOverlay) {
		ExpandedNetwork en;
		try {
			en = NetworkExpander.expand(net, pick);
		} catch (ShapeException e) {
			return new NetworkEvaluation(null, new Failure(FailureKind.SHAPE,
					"configuration " + pick.keySet() + ": op " + e.opName() + ": " + e.getMessage()));
		}
		if (stop.getAsBoolean()) {
			return null;
		}
		NetworkEvaluator.Evaluation e = onOverlay != null ? ev.evaluateOn(en, onOverlay) : ev.evaluate(en, stop);
		if (e == null) {
			return null;
		}
		if (!e.ok()) {
			return new NetworkEvaluation(null, new Failure(e.failureKind(),
					"configuration " + pick.values().stream().map(HaoSearch::describe).toList() + ": " + e.failure()));
		}
		return new NetworkEvaluation(PointBuilder.point(en, e, predictor.prediction(en)), null);
	}

	static String describe(SubgraphChoice c) {
		return String.format(Locale.ROOT, "[k%s e%s w%s d%s %s pruning %s%s%s]", keep(c.kernel()), keep(c.expansion()),
				c.widthMultiplier(), keep(c.depth()), c.bits(), c.pruning(),
				c.opPruning().isEmpty() ? "" : " " + c.opPruning(), c.opBits().isEmpty() ? "" : " bits " + c.opBits());
	}

	private static String keep(int v) {
		return v == SubgraphChoice.KEEP ? "=" : Integer.toString(v);
	}

	static String describe(Constraints c) {
		List<String> s = new ArrayList<>();
		if (c.minFps() != null) {
			s.add(">= " + c.minFps() + " fps");
		}
		if (c.maxLatencyMs() != null) {
			s.add("<= " + c.maxLatencyMs() + " ms");
		}
		if (c.minAccuracy() != null) {
			s.add(">= " + c.minAccuracy() + "% top-1");
		}
		if (c.maxEnergyMjPerFrame() != null) {
			s.add("<= " + c.maxEnergyMjPerFrame() + " mJ/frame");
		}
		return s.isEmpty() ? "(none)" : String.join(", ", s);
	}

	/** Non-dominated points by ascending latency (ties: higher accuracy first, then configuration text). */
	public static List<ParetoPoint> paretoFront(List<ParetoPoint> pts) {
		return ParetoFilter.front(pts);
	}

	/** Whether a point meets the constraints (resources were already enforced by the ILP budget). */
	public static boolean meets(ParetoPoint p, Constraints c) {
		return (c.maxLatencyMs() == null || p.latencyMs() <= c.maxLatencyMs() + 1e-12)
				&& (c.minFps() == null || p.fps() >= c.minFps() - 1e-9)
				&& (c.minAccuracy() == null || p.accuracy() >= c.minAccuracy())
				&& (c.maxEnergyMjPerFrame() == null || p.energyMj() <= c.maxEnergyMjPerFrame())
				&& (c.maxDsp() == null || p.dsp() <= c.maxDsp())
				&& (c.maxBram18k() == null || p.bram18k() <= c.maxBram18k())
				&& (c.maxLut() == null || p.lut() <= c.maxLut());
	}

	/** The objective's pick among the points meeting the constraints, or null. */
	public static ParetoPoint choose(List<ParetoPoint> front, Constraints c, org.hao.engine.model.Objective objective) {
		Comparator<ParetoPoint> order = switch (objective) {
			case MAX_ACCURACY -> Comparator.comparingDouble(ParetoPoint::accuracy).reversed()
					.thenComparingDouble(ParetoPoint::latencyMs);
			case MIN_LATENCY -> Comparator.comparingDouble(ParetoPoint::latencyMs)
					.thenComparing(Comparator.comparingDouble(ParetoPoint::accuracy).reversed());
			case MIN_ENERGY -> Comparator.comparingDouble(ParetoPoint::energyMj)
					.thenComparing(Comparator.comparingDouble(ParetoPoint::accuracy).reversed());
		};
		return front.stream().filter(p -> meets(p, c)).min(order).orElse(null);
	}
}
