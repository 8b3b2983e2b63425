package org.hao.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.Architecture;
import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.cost.SubgraphCost;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.OverlayIlp;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.results.FailureKind;

/**
 * Latency and resources of a whole expanded network on a device, for the device's accelerator architecture (the one
 * evaluation path of searches and estimates; cost-model.md, "Architectures"):
 * <ul>
 * <li>OVERLAY: the co-design ILP ({@link OverlayIlp}) chooses one set of engines for the whole network (pinned
 * engines are taken as they are); layers run one after another on it; the network's resources are the
 * accelerator's.</li>
 * <li>DATAFLOW: every layer its own engine, all resident: one pipelined ILP over all layers under the whole budget;
 * resources add up over the network; throughput = 1 / max(slowest stage, DDR time), latency = stages plus fill.</li>
 * <li>PER_SUBGRAPH: one layer-parallel accelerator per subgraph (a subgraph ILP each), the device reconfigured at
 * every subgraph switch: each frame pays one reconfiguration per subgraph when there are several; the resources are
 * the largest subgraph's (one bitstream at a time).</li>
 * <li>Mobile GPU: the GPU cost model, layer after layer.</li>
 * </ul>
 * Thread-safe; overlay ILP results are cached by the network's layers.
 */
public final class NetworkEvaluator {
	private static final Map<String, OverlayIlp.Result> OVERLAY_CACHE = new ConcurrentHashMap<>();
	private static final int OVERLAY_CACHE_MAX = 4096;

	private final Device device;
	private final SubgraphEvaluator subgraphs;
	private final Architecture arch;
	private final OverlayCostModel overlay;

	public NetworkEvaluator(Device device, Constraints constraints, IlpCache cache) {
		this.device = device;
		this.subgraphs = new SubgraphEvaluator(device, constraints, cache);
		this.arch = device.architecture();
		this.overlay = arch != null && arch.kind() == ArchitectureKind.OVERLAY
				? new OverlayCostModel(device, arch.overlay()) : null;
	}

	/** Forgets every cached overlay design (benchmarks measure cold searches; tests that time the search). */
	public static void clearCaches() {
		OVERLAY_CACHE.clear();
	}

	public Device device() {
		return device;
	}

	/** The architecture evaluated (null on a GPU). */
	public Architecture architecture() {
		return arch;
	}

	public SubgraphEvaluator subgraphEvaluator() {
		return subgraphs;
	}

	/** One subgraph's share of a network evaluation. */
	public record Part(ExpandedSubgraph subgraph, SubgraphCost cost, List<ParallelismChoice> parallelism,
			String ilpStatus) {
	}

	/**
	 * A network on the device: per-subgraph parts (their layer costs in order), totals, and the accelerator as a
	 * JSON-ready map; {@code failure} non-null when there is no configuration.
	 *
	 * @param latencyMs time from a frame's input to its output
	 * @param fps frames per second (dataflow: the pipeline's throughput; otherwise 1000 / latency)
	 * @param accelerator architecture, engines and resources (ordered map)
	 * @param overlayAccelerator the overlay built (OVERLAY only)
	 * @param reconfigurationMs time per frame spent reconfiguring (PER_SUBGRAPH), else 0
	 * @param failedSubgraph the subgraph that does not fit (per-subgraph architecture), null otherwise
	 */
	public record Evaluation(double latencyMs, double fps, int dsp, int bram18k, int lut, double energyMj,
			List<Part> parts, AcceleratorConfig accelerator, Accelerator overlayAccelerator, double reconfigurationMs,
			String message, String failure, String failedSubgraph, FailureKind failureKind) {
		public boolean ok() {
			return failure == null;
		}

		/** No configuration of the whole network (overlay, dataflow). */
		static Evaluation failed(FailureKind kind, String why) {
			return failed(kind, why, null);
		}

		/** No configuration; {@code subgraph} names the one that does not fit (per-subgraph), or null. */
		static Evaluation failed(FailureKind kind, String why, String subgraph) {
			return new Evaluation(Double.NaN, Double.NaN, 0, 0, 0, Double.NaN, List.of(), null, null, 0, null, why,
					subgraph, kind);
		}
	}

	/** Evaluates a whole network; returns null when stopped. */
	public Evaluation evaluate(ExpandedNetwork en, BooleanSupplier stop) {
		try {
			return evaluateUnchecked(en, stop);
		} catch (ArithmeticException | IllegalArgumentException e) {
			// a count that overflows (e.g. 2^31 channels): say so instead of throwing at the caller
			return Evaluation.failed(FailureKind.DOES_NOT_FIT, "network " + en.spec().name() + " is too large to cost ("
					+ e.getMessage() + "): check its channel counts, kernel sizes and the input size");
		}
	}

	private Evaluation evaluateUnchecked(ExpandedNetwork en, BooleanSupplier stop) {
		if (device.kind() != DeviceKind.FPGA) {
			return perSubgraph(en, stop, false);
		}
		return switch (arch.kind()) {
			case OVERLAY -> overlay(en, stop);
			case DATAFLOW -> dataflow(en, stop);
			case PER_SUBGRAPH -> perSubgraph(en, stop, true);
		};
	}

	/** The overlay the ILP builds for this network (cached), or a failed result. */
	public OverlayIlp.Result overlayDesign(List<Layer> layers, BooleanSupplier stop) {
		ResourceBudget budget = subgraphs.budget();
		StringBuilder key = new StringBuilder(device.toString()).append('|').append(budget);
		long[] held = org.hao.engine.cost.BranchBuffers.heldBytes(layers);
		for (int i = 0; i < layers.size(); i++) {
			// everything a layer's overlay cost depends on (shapes, options such as groups, its inputs' shapes, the
			// branch outputs held in the buffer beside it)
			key.append('|').append(org.hao.engine.ilp.IlpKey.LayerSignature.of(layers.get(i))).append(" held ")
					.append(held[i]);
		}
		String k = key.toString();
		OverlayIlp.Result r = OVERLAY_CACHE.get(k);
		if (r != null) {
			return r;
		}
		r = OverlayIlp.solve(layers, overlay, budget, SubgraphEvaluator.ILP_TIME_LIMIT_MS, stop);
		if (r.ok() || r.status() == org.hao.engine.ilp.IlpResult.Status.INFEASIBLE) {
			if (OVERLAY_CACHE.size() > OVERLAY_CACHE_MAX) {
				OVERLAY_CACHE.clear();
			}
			OVERLAY_CACHE.put(k, r);
		}
		return r;
	}

	/** Cost of one subgraph's layers on a given overlay (search phase 1: the other subgraphs fixed). */
	public double latencyOnOverlay(ExpandedNetwork en, ExpandedSubgraph sg, Accelerator a) {
		List<Layer> all = en.layers();
		long[] held = org.hao.engine.cost.BranchBuffers.heldBytes(all);
		double lat = 0;
		for (Layer l : sg.layers()) {
			int i = all.indexOf(l);
			lat += overlay.cost(l, a, i == 0, i == all.size() - 1, held[i]).latencyMs();
		}
		return lat;
	}

	public OverlayCostModel overlayModel() {
		return overlay;
	}

	private Evaluation overlay(ExpandedNetwork en, BooleanSupplier stop) {
		OverlayIlp.Result r = overlayDesign(en.layers(), stop);
		if (!r.ok()) {
			return stop.getAsBoolean() ? null : Evaluation.failed(FailureKinds.of(r.status()), r.message());
		}
		return onOverlay(en, r.accelerator(), r.status().name(), r.message(), "the co-design ILP for this network");
	}

	/**
	 * The network on a given overlay (no ILP): exact for that accelerator, which is buildable whatever the network
	 * (a wider datapath runs narrower operands). The search's phase 3 uses the reference accelerator this way.
	 */
	public Evaluation evaluateOn(ExpandedNetwork en, Accelerator a) {
		try {
			String why = a.dsp() > subgraphs.budget().dspLimit() || a.bram18k() > subgraphs.budget().bram18kLimit()
					|| a.lut() > subgraphs.budget().lutLimit()
							? "the accelerator " + a.describe() + " exceeds the budget" : null;
			return why != null ? Evaluation.failed(FailureKind.DOES_NOT_FIT, why)
					: onOverlay(en, a, "REFERENCE", null, "the co-design ILP for the base network (reference)");
		} catch (ArithmeticException | IllegalArgumentException e) {
			return Evaluation.failed(FailureKind.DOES_NOT_FIT,
					"network " + en.spec().name() + " is too large to cost (" + e.getMessage() + ")");
		}
	}

	private Evaluation onOverlay(ExpandedNetwork en, Accelerator a, String status, String message, String chosenBy) {
		List<Layer> layers = en.layers();
		SubgraphCost net = overlay.networkCost(layers, a);
		List<Part> parts = new ArrayList<>();
		int i = 0;
		for (ExpandedSubgraph sg : en.subgraphs()) {
			List<LayerCost> lc = net.layers().subList(i, i + sg.layers().size());
			i += sg.layers().size();
			parts.add(new Part(sg, sum(lc, a.dsp(), a.bram18k(), a.lut()), List.of(), status));
		}
		AcceleratorConfig acc = OverlayConfigs.of(a, a.name().equals("overlay") ? chosenBy : "pinned by the device");
		// latency: one inference on one core; fps and energy: every core busy (the resources count every core too)
		double fps = overlay.throughputFps(net, a);
		return new Evaluation(net.latencyMs(), fps, a.dsp(), a.bram18k(), a.lut(),
				overlay.throughputEnergyMj(net, a, fps), parts, acc, a, 0, message, null, null, null);
	}

	private Evaluation dataflow(ExpandedNetwork en, BooleanSupplier stop) {
		List<OpSpec> ops = new ArrayList<>();
		en.subgraphs().forEach(s -> ops.addAll(s.spec().ops()));
		SubgraphSpec whole = new SubgraphSpec(en.spec().name(), ExecutionMode.PIPELINED, ops, null);
		List<Layer> layers = en.layers();
		ExpandedSubgraph all = new ExpandedSubgraph(whole, en.subgraphs().get(0).choice(),
				en.subgraphs().get(0).input(), layers, en.output());
		SubgraphEvaluator.Evaluation e = subgraphs.evaluate(all, stop);
		if (!e.ok()) {
			return stop.getAsBoolean() ? null : Evaluation.failed(e.failureKind(),
					"dataflow accelerator of network " + en.spec().name() + ": " + e.failure());
		}
		FpgaCostModel fpga = new FpgaCostModel(device);
		double slowest = e.cost().layers().stream().mapToDouble(LayerCost::latencyMs).max().orElse(0);
		double throughputMs = Math.max(slowest, fpga.ddrMs(e.cost().ddrBytes()));
		List<Part> parts = new ArrayList<>();
		int i = 0;
		List<AcceleratorConfig.LayerEngine> engines = new ArrayList<>();
		for (ExpandedSubgraph sg : en.subgraphs()) {
			int n = sg.layers().size();
			List<LayerCost> lc = e.cost().layers().subList(i, i + n);
			List<ParallelismChoice> pc = e.parallelism().subList(i, i + n);
			parts.add(new Part(
					sg, sum(lc, lc.stream().mapToInt(LayerCost::dsp).sum(),
							lc.stream().mapToInt(LayerCost::bram18k).sum(), lc.stream().mapToInt(LayerCost::lut).sum()),
					pc, e.ilp().status().name()));
			for (int j = 0; j < n; j++) {
				engines.add(new AcceleratorConfig.LayerEngine(sg.layers().get(j).name(), pc.get(j).pa(), pc.get(j).pe(),
						lc.get(j).dsp(), lc.get(j).bram18k(), lc.get(j).lut()));
			}
			i += n;
		}
		AcceleratorConfig acc = new AcceleratorConfig(ArchitectureKind.DATAFLOW.keyword(),
				"dataflow (one engine per layer)", "the dataflow ILP for this network", device.fpga().clockMhz(), null,
				null, null, null, null, null, null, null, null, engines, throughputMs, null, e.cost().dsp(),
				e.cost().bram18k(), e.cost().lut());
		// frames are pipelined: in steady state the device draws its running power for one frame interval per frame
		double running = device.power().runningWatts();
		double energyMj = e.cost().energyMj() - running * e.cost().latencyMs() + running * throughputMs;
		return new Evaluation(e.cost().latencyMs(), 1000.0 / throughputMs, e.cost().dsp(), e.cost().bram18k(),
				e.cost().lut(), energyMj, parts, acc, null, 0, e.ilp().message(), null, null, null);
	}

	private Evaluation perSubgraph(ExpandedNetwork en, BooleanSupplier stop, boolean fpga) {
		double lat = 0, energy = 0;
		int dsp = 0, bram = 0, lut = 0;
		List<Part> parts = new ArrayList<>();
		for (ExpandedSubgraph sg : en.subgraphs()) {
			if (stop.getAsBoolean()) {
				return null;
			}
			SubgraphEvaluator.Evaluation e = subgraphs.evaluate(sg, stop);
			if (!e.ok()) {
				return stop.getAsBoolean() ? null
						: Evaluation.failed(e.failureKind(),
								"subgraph " + sg.name() + " " + HaoSearch.describe(sg.choice()) + ": " + e.failure(),
								sg.name());
			}
			lat += e.cost().latencyMs();
			energy += e.cost().energyMj();
			dsp = Math.max(dsp, e.cost().dsp());
			bram = Math.max(bram, e.cost().bram18k());
			lut = Math.max(lut, e.cost().lut());
			parts.add(new Part(sg, e.cost(), e.parallelism(), e.ilp() == null ? "GPU" : e.ilp().status().name()));
		}
		AcceleratorConfig acc;
		double reconfigMs = 0;
		if (fpga) {
			int switches = en.subgraphs().size() > 1 ? en.subgraphs().size() : 0;
			double per = arch.reconfiguration().ms();
			reconfigMs = switches * per;
			lat += reconfigMs;
			energy += device.power().staticWatts() * reconfigMs;
			acc = new AcceleratorConfig(ArchitectureKind.PER_SUBGRAPH.keyword(),
					"one accelerator per subgraph, reconfigured per switch", "the subgraph ILPs",
					device.fpga().clockMhz(), null, null, null, null, null, null, null, null, null, null, null,
					new AcceleratorConfig.ReconfigurationConfig(switches, per, reconfigMs), dsp, bram, lut);
		} else {
			acc = AcceleratorConfig.mobileGpu(device.name());
		}
		String msg = fpga ? String.format(Locale.ROOT, "%d reconfigurations per frame, %.3f ms",
				parts.size() > 1 ? parts.size() : 0, reconfigMs) : null;
		return new Evaluation(lat, 1000.0 / lat, dsp, bram, lut, energy, parts, acc, null, reconfigMs, msg, null, null,
				null);
	}

	private static SubgraphCost sum(List<LayerCost> lc, int dsp, int bram, int lut) {
		double lat = 0, energy = 0;
		long macs = 0, ddr = 0;
		for (LayerCost c : lc) {
			lat += c.latencyMs();
			energy += c.energyMj();
			macs += c.macs();
			ddr += c.ddrBytes();
		}
		return new SubgraphCost(lat, macs, dsp, bram, lut, ddr, energy, lc);
	}
}
