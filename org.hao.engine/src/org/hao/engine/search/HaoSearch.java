package org.hao.engine.search;

import org.hao.engine.results.SearchResult;
import org.hao.engine.results.ParetoPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.LayerSensitivities;
import org.hao.engine.predict.Prediction;
import org.hao.engine.predict.PredictorDataException;
import org.hao.engine.results.Failure;
import org.hao.engine.results.FailureKind;
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
 * Deterministic for a seed regardless of the thread count: work is indexed, results are gathered by index and sorted
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

    private HaoSearch() {
    }

    public static SearchResult run(SearchSpec spec, SearchOptions options, ProgressListener listener, CancelToken cancel) {
        return run(spec, options, listener, cancel, new IlpCache());
    }

    /** As {@link #run(SearchSpec, SearchOptions, ProgressListener, CancelToken)} with a caller-held ILP cache. */
    public static SearchResult run(SearchSpec spec, SearchOptions options, ProgressListener listener, CancelToken cancel,
            IlpCache cache) {
        long t0 = System.currentTimeMillis();
        SearchOptions opt = options == null ? SearchOptions.DEFAULT : options;
        ProgressListener pl = listener == null ? ProgressListener.NONE : listener;
        // the caller's token, or this search's own when the calling thread is interrupted (see runAll)
        CancelToken callerToken = cancel == null ? CancelToken.none() : cancel;
        CancelToken interrupted = new CancelToken();
        BooleanSupplier cancelled = () -> callerToken.isCancelled() || interrupted.isCancelled();
        double limitS = opt.timeLimitSeconds() != null ? opt.timeLimitSeconds() : spec.timeLimitSeconds();
        long deadline = deadline(t0, limitS);
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || System.currentTimeMillis() > deadline;
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String deviceName = spec.device().name();
        long solves0 = cache.solves(), hits0 = cache.hits();

        String solver;
        if (spec.device().kind() == DeviceKind.FPGA) {
            try {
                solver = ScipNatives.ensureLoaded();
            } catch (ScipUnavailableException e) {
                failures.add(new Failure(FailureKind.SOLVER_UNAVAILABLE, e.getMessage()));
                return new SearchResult("unavailable", deviceName, List.of(), null, failures, warnings, false, false,
                        System.currentTimeMillis() - t0, 0, 0, null);
            }
        } else {
            solver = "none (mobile GPU target: latency from the GPU cost model, no ILP)";
        }
        AccuracyPredictor table;
        try {
            table = spec.predictorCsv() == null ? AccuracyPredictor.builtIn() : AccuracyPredictor.fit(Path.of(spec.predictorCsv()));
        } catch (PredictorDataException | IllegalStateException e) {
            failures.add(new Failure(FailureKind.PREDICTOR_DATA, "accuracy predictor: " + e.getMessage()));
            return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, false, false,
                    System.currentTimeMillis() - t0, 0, 0, null);
        }
        NetworkSpec net = spec.network();
        ExpandedNetwork base;
        try {
            base = NetworkExpander.expand(net);
        } catch (ShapeException e) {
            failures.add(new Failure(FailureKind.SHAPE, "network " + net.name() + ", op " + e.opName() + ": " + e.getMessage()));
            return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, false, false,
                    System.currentTimeMillis() - t0, 0, 0, table.toString());
        }
        final AccuracyPredictor predictor;
        try {
            LayerSensitivities sens = null;
            if (spec.quantization().sensitivityCsv() != null) {
                sens = LayerSensitivities.read(Path.of(spec.quantization().sensitivityCsv()));
                sens.checkLayers(base.layers().stream().map(org.hao.engine.expand.Layer::name)
                        .collect(java.util.stream.Collectors.toSet()));
            }
            predictor = table.withQuantization(spec.quantization(), sens);
        } catch (PredictorDataException e) {
            failures.add(new Failure(FailureKind.PREDICTOR_DATA, "layer sensitivities: " + e.getMessage()));
            return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, false, false,
                    System.currentTimeMillis() - t0, 0, 0, table.toString());
        }
        double baseAcc = predictor.predict(base);
        NetworkEvaluator networks = new NetworkEvaluator(spec.device(), spec.constraints(), cache);
        SubgraphEvaluator evaluator = networks.subgraphEvaluator();
        // overlay: phase 1 scores every subgraph choice on the accelerator the ILP builds for the base network (exact
        // for that accelerator: layers run one after another); phase 3 re-solves the co-design ILP per network
        Accelerator reference = null;
        if (networks.overlayModel() != null) {
            org.hao.engine.ilp.OverlayIlp.Result ref = networks.overlayDesign(base.layers(), cancelled);
            if (!ref.ok()) {
                failures.add(new Failure(FailureKind.NO_CONFIGURATION, "network " + net.name() + " (base configuration): "
                        + ref.message() + "; no network configuration exists"));
                return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, cancelled.getAsBoolean(), false,
                        System.currentTimeMillis() - t0, cache.solves() - solves0, cache.hits() - hits0, predictor.toString());
            }
            reference = ref.accelerator();
        }
        final Accelerator referenceAccelerator = reference;
        final double slack = reference != null ? OVERLAY_PHASE1_SLACK : 0;

        int nsg = net.subgraphs().size();
        List<List<SubgraphChoice>> choices = new ArrayList<>(nsg);
        int total = 0;
        for (int s = 0; s < nsg; s++) {
            SubgraphSpec sg = net.subgraphs().get(s);
            List<SubgraphChoice> cs = enumerate(sg, spec.seed() * 1_000_003L + s);
            if (sg.space().size() > cs.size()) {
                warnings.add(String.format(Locale.ROOT, "subgraph %s: %d of %d choices sampled (seed %d)", sg.name(), cs.size(),
                        sg.space().size(), spec.seed()));
            }
            choices.add(cs);
            total += cs.size();
        }
        int threads = opt.effectiveThreads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hao-search");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            // ---- phase 1: every choice of every subgraph, others at base ----
            record Item(int subgraph, int choice, double latencyMs, double accDelta, Failure failure) {
            }
            List<Callable<Item>> tasks = new ArrayList<>();
            int grandTotal = total + MAX_MERGED;
            for (int s = 0; s < nsg; s++) {
                String sgName = net.subgraphs().get(s).name();
                for (int c = 0; c < choices.get(s).size(); c++) {
                    final int fs = s, fc = c;
                    SubgraphChoice choice = choices.get(s).get(c);
                    tasks.add(() -> {
                        if (stop.getAsBoolean()) {
                            return null;
                        }
                        Item it;
                        try {
                            ExpandedNetwork en = NetworkExpander.expand(net, Map.of(sgName, choice));
                            if (referenceAccelerator != null) {
                                double lat = networks.latencyOnOverlay(en, en.subgraphs().get(fs), referenceAccelerator);
                                it = new Item(fs, fc, lat, predictor.predict(en) - baseAcc, null);
                                pl.progress(done.incrementAndGet(), grandTotal, "subgraph " + sgName);
                                return it;
                            }
                            SubgraphEvaluator.Evaluation ev = evaluator.evaluate(en.subgraphs().get(fs), stop);
                            if (!ev.ok()) {
                                it = new Item(fs, fc, 0, 0, new Failure(ev.failureKind(), "subgraph " + sgName + " " + describe(choice)
                                        + ": " + ev.failure()));
                            } else {
                                it = new Item(fs, fc, ev.cost().latencyMs(), predictor.predict(en) - baseAcc, null);
                            }
                        } catch (ShapeException e) {
                            it = new Item(fs, fc, 0, 0, new Failure(FailureKind.SHAPE, "subgraph " + sgName + " "
                                    + describe(choice) + ": op " + e.opName() + ": " + e.getMessage()));
                        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                            // one bad configuration is reported and skipped; the others are still searched
                            it = new Item(fs, fc, 0, 0, new Failure(FailureKind.FAULT, "subgraph " + sgName + " "
                                    + describe(choice) + ": " + fault(e)));
                        }
                        pl.progress(done.incrementAndGet(), grandTotal, "subgraph " + sgName);
                        return it;
                    });
                }
            }
            List<Item> items = runAll(pool, tasks, interrupted);
            noteInterrupt(interrupted, warnings);
            List<List<Item>> fronts = new ArrayList<>();
            for (int s = 0; s < nsg; s++) {
                fronts.add(new ArrayList<>());
            }
            boolean incomplete = false;
            for (Item it : items) {
                if (it == null) {
                    incomplete = true;
                    continue;
                }
                if (it.failure() != null) {
                    if (!stop.getAsBoolean() || it.failure().kind() != FailureKind.CANCELLED) {
                        failures.add(it.failure());
                    }
                    continue;
                }
                fronts.get(it.subgraph()).add(it);
            }
            if (cancelled.getAsBoolean()) {
                return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, true, false,
                        System.currentTimeMillis() - t0, cache.solves() - solves0, cache.hits() - hits0, predictor.toString());
            }
            for (int s = 0; s < nsg; s++) {
                List<Item> f = fronts.get(s);
                if (f.isEmpty()) {
                    if (incomplete) {
                        // anytime: the time limit cut phase 1 short; the frontier still covers every subgraph through
                        // the base configuration
                        List<ParetoPoint> front = baseOnly(net, networks, predictor, cancelled, warnings, failures, limitS);
                        return new SearchResult(solver, deviceName, front, choose(front, spec.constraints(), spec.objective()),
                                failures, warnings, cancelled.getAsBoolean(), false, System.currentTimeMillis() - t0,
                                cache.solves() - solves0, cache.hits() - hits0, predictor.toString());
                    }
                    failures.add(new Failure(FailureKind.NO_CONFIGURATION, "subgraph " + net.subgraphs().get(s).name()
                            + ": no choice could be evaluated; no network configuration exists"));
                    return new SearchResult(solver, deviceName, List.of(), null, failures, warnings, false, true,
                            System.currentTimeMillis() - t0, cache.solves() - solves0, cache.hits() - hits0,
                            predictor.toString());
                }
                f.sort(Comparator.comparingDouble(Item::latencyMs).thenComparing(Comparator.comparingDouble(Item::accDelta)
                        .reversed()).thenComparingInt(Item::choice));
                // overlay: phase 1 ranks choices on the reference accelerator only, so a choice within the slack of the
                // front is kept too (it may win with the network's own accelerator)
                List<Item> kept = front(f, Item::latencyMs, Item::accDelta, slack);
                fronts.set(s, kept);
            }
            // ---- phase 2: merge subgraph frontiers ----
            record Partial(double latencyMs, double acc, int[] picks) {
            }
            List<Partial> partial = List.of(new Partial(0, 0, new int[0]));
            for (int s = 0; s < nsg; s++) {
                List<Partial> next = new ArrayList<>();
                for (Partial p : partial) {
                    for (Item it : fronts.get(s)) {
                        int[] picks = java.util.Arrays.copyOf(p.picks(), s + 1);
                        picks[s] = it.choice();
                        next.add(new Partial(p.latencyMs() + it.latencyMs(), p.acc() + it.accDelta(), picks));
                    }
                }
                next.sort(Comparator.comparingDouble(Partial::latencyMs).thenComparing(Comparator.comparingDouble(Partial::acc)
                        .reversed()).thenComparing(Partial::picks, java.util.Arrays::compare));
                // the strict front first (thinned if too long); near-front partials (overlay slack) fill what is left
                List<Partial> strict = thin(front(next, Partial::latencyMs, Partial::acc, 0), MAX_MERGED);
                List<Partial> near = new ArrayList<>(front(next, Partial::latencyMs, Partial::acc, slack));
                near.removeAll(strict);
                List<Partial> merged = new ArrayList<>(strict);
                merged.addAll(thin(near, Math.max(0, MAX_MERGED - strict.size())));
                merged.sort(Comparator.comparingDouble(Partial::latencyMs).thenComparing(Comparator.comparingDouble(Partial::acc)
                        .reversed()).thenComparing(Partial::picks, java.util.Arrays::compare));
                partial = merged;
            }
            // ---- phase 3: exact evaluation of the merged combinations ----
            List<Callable<NetworkEvaluation>> evals = new ArrayList<>();
            final int mergedCount = partial.size();
            for (Partial p : partial) {
                Map<String, SubgraphChoice> pick = new LinkedHashMap<>();
                for (int s = 0; s < nsg; s++) {
                    pick.put(net.subgraphs().get(s).name(), choices.get(s).get(p.picks()[s]));
                }
                evals.add(() -> {
                    if (stop.getAsBoolean()) {
                        return null;
                    }
                    NetworkEvaluation e;
                    try {
                        e = evaluateNetwork(net, pick, networks, predictor, stop, referenceAccelerator);
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
                        e = new NetworkEvaluation(null, new Failure(FailureKind.FAULT, "configuration "
                                + pick.values().stream().map(HaoSearch::describe).toList() + ": " + fault(ex)));
                    }
                    pl.progress(Math.min(done.incrementAndGet(), grandTotal), grandTotal, "network configurations (" + mergedCount + ")");
                    return e;
                });
            }
            List<ParetoPoint> pts = new ArrayList<>();
            List<Map<String, SubgraphChoice>> picks = new ArrayList<>();
            List<NetworkEvaluation> evaluated = runAll(pool, evals, interrupted);
            for (int i = 0; i < evaluated.size(); i++) {
                NetworkEvaluation e = evaluated.get(i);
                if (e == null) {
                    incomplete = true;
                } else if (e.failure() != null) {
                    failures.add(e.failure());
                } else {
                    pts.add(e.point());
                    picks.add(pickOf(net, choices, partial.get(i).picks()));
                }
            }
            if (referenceAccelerator != null && !pts.isEmpty()) {
                // phase 4, co-design: the frontier's networks (spread, and the one the objective picks) get their own
                // accelerator from the overlay ILP; a re-solved point is never slower than on the reference
                if (!codesign(pts, picks, net, networks, predictor, stop, pool, interrupted, spec)) {
                    incomplete = true;
                    warnings.add("the time limit stopped the co-design ILP: some frontier points (possibly the chosen one) keep"
                            + " the base network's accelerator; raise the time limit");
                }
            }
            if (pts.isEmpty() && incomplete && !cancelled.getAsBoolean()) {
                pts.addAll(baseOnly(net, networks, predictor, cancelled, warnings, failures, limitS));
            }
            List<ParetoPoint> front = paretoFront(pts);
            boolean wasCancelled = cancelled.getAsBoolean();
            noteInterrupt(interrupted, warnings);
            if (!wasCancelled && System.currentTimeMillis() > deadline) {
                warnings.add(String.format(Locale.ROOT, "time limit of %.1f s reached: the frontier is partial", limitS));
            }
            ParetoPoint chosen = choose(front, spec.constraints(), spec.objective());
            if (chosen == null && !front.isEmpty()) {
                warnings.add("no point meets the constraints " + describe(spec.constraints()) + "; the fastest point has "
                        + String.format(Locale.ROOT, "%.1f fps at %.2f%% top-1", front.get(0).fps(), front.get(0).accuracy())
                        + " and the most accurate " + String.format(Locale.ROOT, "%.2f%% at %.1f fps",
                                front.get(front.size() - 1).accuracy(), front.get(front.size() - 1).fps()));
            }
            if (chosen != null) {
                String ext = chosen.config().prediction().extrapolation();
                if (ext != null) {
                    warnings.add("chosen point: accuracy extrapolated: " + ext);
                }
            }
            return new SearchResult(solver, deviceName, front, chosen, failures, warnings, wasCancelled, !incomplete && !wasCancelled,
                    System.currentTimeMillis() - t0, cache.solves() - solves0, cache.hits() - hits0, predictor.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Networks of phase 4 (co-design ILP per network), frontier first, besides the one the objective picks: every
     * merged network (at most {@link #MAX_MERGED}). With 16 the reduced space's hypervolume ratio fell to 0.94; the
     * ILP takes about 20 ms per network on MobileNetV2, so all of them cost about a second on 2 cores.
     */
    public static final int MAX_CODESIGNED = MAX_MERGED;

    private static Map<String, SubgraphChoice> pickOf(NetworkSpec net, List<List<SubgraphChoice>> choices, int[] picks) {
        Map<String, SubgraphChoice> pick = new LinkedHashMap<>();
        for (int s = 0; s < net.subgraphs().size(); s++) {
            pick.put(net.subgraphs().get(s).name(), choices.get(s).get(picks[s]));
        }
        return pick;
    }

    /**
     * Re-solves the overlay ILP for up to {@link #MAX_CODESIGNED} networks (the reference frontier first) and,
     * repeatedly, for the one the objective picks, replacing their reference-accelerator points in {@code pts}. Stops at the deadline;
     * returns whether it finished (the pick re-solved) before it.
     */
    private static boolean codesign(List<ParetoPoint> pts, List<Map<String, SubgraphChoice>> picks, NetworkSpec net,
            NetworkEvaluator networks, AccuracyPredictor predictor, BooleanSupplier stop, ExecutorService pool,
            CancelToken interrupted, SearchSpec spec) {
        java.util.Set<Integer> done = new java.util.HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> pts.get(i).latencyMs()).thenComparingInt(i -> i));
        List<Integer> onFront = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (pts.get(i).accuracy() > best + 1e-12) {
                onFront.add(i);
                best = pts.get(i).accuracy();
            }
        }
        // the frontier first, then the other networks (a network off the reference frontier may join it with its own
        // accelerator), at most MAX_CODESIGNED
        List<Integer> batch = new ArrayList<>(onFront);
        for (int i : order) {
            if (!onFront.contains(i)) {
                batch.add(i);
            }
        }
        batch = new ArrayList<>(batch.subList(0, Math.min(batch.size(), MAX_CODESIGNED)));
        for (int round = 0; round < 8 && !batch.isEmpty() && !stop.getAsBoolean(); round++) {
            List<Callable<NetworkEvaluation>> tasks = new ArrayList<>();
            for (int i : batch) {
                Map<String, SubgraphChoice> pick = picks.get(i);
                tasks.add(() -> stop.getAsBoolean() ? null : evaluateNetwork(net, pick, networks, predictor, stop, null));
            }
            List<NetworkEvaluation> res = runAll(pool, tasks, interrupted);
            for (int k = 0; k < batch.size(); k++) {
                NetworkEvaluation e = res.get(k);
                if (e != null) {
                    done.add(batch.get(k)); // stopped before its solve: not done
                }
                if (e != null && e.point() != null && e.point().latencyMs() <= pts.get(batch.get(k)).latencyMs() + 1e-9) {
                    pts.set(batch.get(k), e.point());
                }
            }
            // the objective's pick must have its own accelerator: re-solve it if it has not been yet
            ParetoPoint chosen = choose(paretoFront(pts), spec.constraints(), spec.objective());
            batch = new ArrayList<>();
            if (chosen != null) {
                int idx = pts.indexOf(chosen);
                if (idx >= 0 && !done.contains(idx)) {
                    batch.add(idx);
                }
            }
        }
        return batch.isEmpty();
    }

    /**
     * The base configuration (every subgraph as written), evaluated without the deadline (a cancel still stops it):
     * what an anytime search returns when the time limit left no evaluated network.
     */
    private static List<ParetoPoint> baseOnly(NetworkSpec net, NetworkEvaluator networks, AccuracyPredictor predictor,
            BooleanSupplier cancelled, List<String> warnings, List<Failure> failures, double limitS) {
        Map<String, SubgraphChoice> base = new LinkedHashMap<>();
        for (SubgraphSpec sg : net.subgraphs()) {
            base.put(sg.name(), SubgraphChoice.base(sg));
        }
        NetworkEvaluation e = evaluateNetwork(net, base, networks, predictor, cancelled);
        if (e == null) {
            return List.of();
        }
        if (e.failure() != null) {
            failures.add(e.failure().withSuffix("; no network configuration exists"));
            return List.of();
        }
        warnings.add(String.format(Locale.ROOT, "time limit of %.3f s reached before any searched configuration was complete:"
                + " the frontier holds the base configuration only; raise the time limit", limitS));
        return List.of(e.point());
    }

    /**
     * Runs the tasks and gathers their results by index. An interrupt of the calling thread cancels the search through
     * {@code interrupted} (the workers see it at their next check) and the results are still gathered, so the pool is
     * idle when the search returns; the interrupt flag is restored afterwards.
     */
    private static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> tasks, CancelToken interrupted) {
        List<Future<T>> fs = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            fs.add(pool.submit(t));
        }
        List<T> out = new ArrayList<>(tasks.size());
        boolean wasInterrupted = false;
        for (Future<T> f : fs) {
            while (true) {
                try {
                    out.add(f.get());
                    break;
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                    interrupted.cancel();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("search task failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static void noteInterrupt(CancelToken interrupted, List<String> warnings) {
        String w = "the search thread was interrupted: stopped like a cancel";
        if (interrupted.isCancelled() && !warnings.contains(w)) {
            warnings.add(w);
        }
    }

    /** {@code t0 + limit}, saturating: a huge or infinite limit means no deadline, never one in the past. */
    static long deadline(long t0, double limitSeconds) {
        if (!(limitSeconds > 0) || limitSeconds * 1000 >= Long.MAX_VALUE - t0) {
            return limitSeconds > 0 ? Long.MAX_VALUE : t0;
        }
        return t0 + (long) (limitSeconds * 1000);
    }

    /** A fault while evaluating one configuration, in words a user can act on. */
    private static String fault(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give the JVM more heap (e.g. -Xmx4g) or search a smaller space";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow; raise the thread stack size (e.g. -Xss8m)";
        }
        if (e instanceof ShapeException s) {
            return "op " + s.opName() + ": " + s.getMessage();
        }
        return e instanceof IllegalArgumentException ? e.getMessage() : "internal error " + e;
    }

    /**
     * The items of a list sorted by ascending latency (ties: higher accuracy first) that no other item beats: none is at
     * least as accurate and more than {@code slack} (relative) faster. {@code slack} 0 is the plain Pareto front
     * (the first of equal items kept).
     */
    static <T> List<T> front(List<T> sorted, java.util.function.ToDoubleFunction<T> latency,
            java.util.function.ToDoubleFunction<T> accuracy, double slack) {
        List<T> kept = new ArrayList<>();
        if (slack == 0) {
            double best = Double.NEGATIVE_INFINITY;
            for (T t : sorted) {
                if (accuracy.applyAsDouble(t) > best + 1e-12) {
                    kept.add(t);
                    best = accuracy.applyAsDouble(t);
                }
            }
            return kept;
        }
        int j = 0;
        double bestFaster = Double.NEGATIVE_INFINITY;
        for (T t : sorted) {
            double lat = latency.applyAsDouble(t);
            while (j < sorted.size() && latency.applyAsDouble(sorted.get(j)) * (1 + slack) < lat - 1e-12) {
                bestFaster = Math.max(bestFaster, accuracy.applyAsDouble(sorted.get(j)));
                j++;
            }
            if (bestFaster < accuracy.applyAsDouble(t) - 1e-12) {
                kept.add(t);
            }
        }
        return kept;
    }

    /** Keeps at most {@code max} items spread evenly over the (latency-sorted) list, always the first and last. */
    static <T> List<T> thin(List<T> sorted, int max) {
        if (sorted.size() <= max) {
            return sorted;
        }
        TreeSet<Integer> idx = new TreeSet<>();
        for (int i = 0; i < max; i++) {
            idx.add((int) Math.round((double) i * (sorted.size() - 1) / (max - 1)));
        }
        List<T> out = new ArrayList<>(idx.size());
        for (int i : idx) {
            out.add(sorted.get(i));
        }
        return out;
    }

    /** The choices of a subgraph's space: all of them, or a seeded sample of {@link #MAX_CHOICES_PER_SUBGRAPH}. */
    public static List<SubgraphChoice> enumerate(SubgraphSpec sg, long seed) {
        SubgraphChoice b = SubgraphChoice.base(sg);
        SubgraphSpace sp = sg.space();
        List<Integer> ks = sp.kernels().isEmpty() ? List.of(b.kernel()) : sp.kernels();
        List<Integer> es = sp.expansions().isEmpty() ? List.of(b.expansion()) : sp.expansions();
        List<Double> ws = sp.widthMultipliers().isEmpty() ? List.of(b.widthMultiplier()) : sp.widthMultipliers();
        List<Integer> ds = sp.depths().isEmpty() ? List.of(b.depth()) : sp.depths();
        List<BitWidths> bs = sp.bitWidths().isEmpty() ? List.of(b.bits()) : sp.bitWidths();
        List<Pruning> ps = sp.pruning().isEmpty() ? List.of(b.pruning()) : sp.pruning();
        long size = sp.size();
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
            long x = i;
            int k = ks.get((int) (x % ks.size()));
            x /= ks.size();
            int e = es.get((int) (x % es.size()));
            x /= es.size();
            double w = ws.get((int) (x % ws.size()));
            x /= ws.size();
            int d = ds.get((int) (x % ds.size()));
            x /= ds.size();
            BitWidths bw = bs.get((int) (x % bs.size()));
            x /= bs.size();
            Pruning p = ps.get((int) (x % ps.size()));
            x /= ps.size();
            Map<String, Pruning> perOpPruning = new LinkedHashMap<>();
            for (Map.Entry<String, List<Pruning>> op : sp.opPruning().entrySet()) {
                List<Pruning> opts = op.getValue();
                perOpPruning.put(op.getKey(), opts.get((int) (x % opts.size())));
                x /= opts.size();
            }
            Map<String, BitWidths> perOpBits = new LinkedHashMap<>();
            for (Map.Entry<String, List<BitWidths>> op : sp.opBits().entrySet()) {
                List<BitWidths> opts = op.getValue();
                perOpBits.put(op.getKey(), opts.get((int) (x % opts.size())));
                x /= opts.size();
            }
            out.add(new SubgraphChoice(k, e, w, d, bw, p, perOpPruning, perOpBits));
        }
        return out;
    }

    /** Outcome of one exact network evaluation: a point or a failure. */
    public record NetworkEvaluation(ParetoPoint point, Failure failure) {
    }

    /**
     * Exact evaluation of one network configuration: expand, evaluate on the device's architecture (overlay co-design
     * ILP, dataflow ILP, or per-subgraph ILPs with reconfiguration; GPU cost model), predict. Returns null when stopped
     * (cancel or time limit).
     */
    public static NetworkEvaluation evaluateNetwork(NetworkSpec net, Map<String, SubgraphChoice> pick, NetworkEvaluator ev,
            AccuracyPredictor predictor, BooleanSupplier stop) {
        return evaluateNetwork(net, pick, ev, predictor, stop, null);
    }

    /** As above; with {@code onOverlay} non-null the network is costed on that overlay instead of its own ILP. */
    public static NetworkEvaluation evaluateNetwork(NetworkSpec net, Map<String, SubgraphChoice> pick, NetworkEvaluator ev,
            AccuracyPredictor predictor, BooleanSupplier stop, Accelerator onOverlay) {
        ExpandedNetwork en;
        try {
            en = NetworkExpander.expand(net, pick);
        } catch (ShapeException e) {
            return new NetworkEvaluation(null, new Failure(FailureKind.SHAPE, "configuration " + pick.keySet() + ": op "
                    + e.opName() + ": " + e.getMessage()));
        }
        if (stop.getAsBoolean()) {
            return null;
        }
        NetworkEvaluator.Evaluation e = onOverlay != null ? ev.evaluateOn(en, onOverlay) : ev.evaluate(en, stop);
        if (e == null) {
            return null;
        }
        if (!e.ok()) {
            return new NetworkEvaluation(null, new Failure(e.failureKind(), "configuration "
                    + pick.values().stream().map(HaoSearch::describe).toList() + ": " + e.failure()));
        }
        return new NetworkEvaluation(PointBuilder.point(en, e, predictor.prediction(en)), null);
    }

    static String describe(SubgraphChoice c) {
        return String.format(Locale.ROOT, "[k%s e%s w%s d%s %s pruning %s%s%s]", keep(c.kernel()),
                keep(c.expansion()), c.widthMultiplier(), keep(c.depth()), c.bits(), c.pruning(),
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

    /** Non-dominated points by ascending latency (ties: higher accuracy first, then config text). */
    public static List<ParetoPoint> paretoFront(List<ParetoPoint> pts) {
        List<ParetoPoint> s = new ArrayList<>(pts);
        s.sort(Comparator.comparingDouble(ParetoPoint::latencyMs).thenComparing(Comparator.comparingDouble(ParetoPoint::accuracy)
                .reversed()).thenComparing(p -> p.config().toString()));
        List<ParetoPoint> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (ParetoPoint p : s) {
            if (p.accuracy() > best + 1e-12) {
                out.add(p);
                best = p.accuracy();
            }
        }
        return out;
    }

    /** Whether a point meets the constraints (resources were already enforced by the ILP budget). */
    public static boolean meets(ParetoPoint p, Constraints c) {
        return (c.maxLatencyMs() == null || p.latencyMs() <= c.maxLatencyMs() + 1e-12)
                && (c.minFps() == null || p.fps() >= c.minFps() - 1e-9) && (c.minAccuracy() == null || p.accuracy() >= c.minAccuracy())
                && (c.maxEnergyMjPerFrame() == null || p.energyMj() <= c.maxEnergyMjPerFrame())
                && (c.maxDsp() == null || p.dsp() <= c.maxDsp()) && (c.maxBram18k() == null || p.bram18k() <= c.maxBram18k())
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
