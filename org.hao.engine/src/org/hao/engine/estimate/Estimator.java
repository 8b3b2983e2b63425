package org.hao.engine.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.SubgraphIlp;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;
import org.hao.engine.search.NetworkEvaluator;
import org.hao.engine.search.SubgraphEvaluator;

/**
 * Inline estimates of the base configuration (every subgraph as written) on the device's architecture, through the
 * same {@link NetworkEvaluator} as the search, with findings an editor can show. Uses shared ILP caches, so
 * re-estimating while the user types only solves what changed.
 *
 * @throws org.hao.engine.expand.ShapeException from {@link #estimate} when the network does not expand
 */
public final class Estimator {
	private static final IlpCache SHARED = new IlpCache();

	private Estimator() {
	}

	public static NetworkEstimate estimate(NetworkSpec network, Device device) {
		return estimate(network, device, Constraints.NONE);
	}

	/** The estimate within a search's resource caps (DSP / BRAM18K / LUT), with the process-wide ILP cache. */
	public static NetworkEstimate estimate(NetworkSpec network, Device device, Constraints constraints) {
		return estimate(network, device, constraints, SHARED);
	}

	public static NetworkEstimate estimate(NetworkSpec network, Device device, Constraints constraints,
			IlpCache cache) {
		ExpandedNetwork en = NetworkExpander.expand(network);
		List<String> findings = new ArrayList<>();
		String solver;
		boolean fpga = device.kind() == DeviceKind.FPGA;
		if (fpga) {
			try {
				solver = ScipNatives.ensureLoaded();
			} catch (ScipUnavailableException e) {
				findings.add(e.getMessage());
				return new NetworkEstimate(network.name(), device.name(), "unavailable", Double.NaN, Double.NaN, 0, 0,
						0, Double.NaN, Double.NaN, false, List.of(), findings, null, en.macs(), en.weights());
			}
		} else {
			solver = "none (mobile GPU)";
		}
		double acc;
		try {
			acc = AccuracyPredictor.builtIn().predict(en);
		} catch (RuntimeException e) {
			acc = Double.NaN;
			findings.add("accuracy predictor unavailable: " + e.getMessage());
		}
		NetworkEvaluator ev = new NetworkEvaluator(device, constraints, cache);
		NetworkEvaluator.Evaluation e = ev.evaluate(en, () -> false);
		if (!e.ok()) {
			findings.add(e.failure());
			// the subgraph that does not fit (per-subgraph architecture); overlay and dataflow fail as a whole network
			List<SubgraphEstimate> out = new ArrayList<>();
			en.subgraphs().stream().filter(sg -> sg.name().equals(e.failedSubgraph()))
					.forEach(sg -> out.add(new SubgraphEstimate(sg.name(), sg.spec().mode().name(), "INFEASIBLE",
							Double.NaN, 0, 0, 0, Double.NaN, List.of(), e.failure())));
			return new NetworkEstimate(network.name(), device.name(), solver, Double.NaN, Double.NaN, 0, 0, 0,
					Double.NaN, acc, false, out, findings, null, en.macs(), en.weights());
		}
		List<SubgraphEstimate> out = new ArrayList<>();
		for (NetworkEvaluator.Part part : e.parts()) {
			List<LayerEstimate> les = new ArrayList<>();
			for (int i = 0; i < part.subgraph().layers().size(); i++) {
				Layer l = part.subgraph().layers().get(i);
				LayerCost c = part.cost().layers().get(i);
				ParallelismChoice p = part.parallelism().isEmpty() ? null : part.parallelism().get(i);
				String engine = p != null ? p.toString() : e.overlayAccelerator() != null
						? (OverlayCostModel.onDepthwiseEngine(l) ? "depthwise" : "conv") : "gpu";
				les.add(new LayerEstimate(l.name(), l.sourceOp(), part.subgraph().name(), c.latencyMs(), c.dsp(),
						c.bram18k(), c.lut(), p == null ? 0 : p.pa(), p == null ? 0 : p.pe(),
						p != null && FpgaCostModel.streams(l, p), l.macs(), c.energyMj(), l.kind().name(),
						l.inChannels() + "x" + l.inHeight() + "x" + l.inWidth(),
						l.outChannels() + "x" + l.outHeight() + "x" + l.outWidth(), l.weights(), engine));
			}
			out.add(new SubgraphEstimate(part.subgraph().name(), part.subgraph().spec().mode().name(), part.ilpStatus(),
					part.cost().latencyMs(), part.cost().dsp(), part.cost().bram18k(), part.cost().lut(),
					part.cost().energyMj(), les, null));
		}
		if (e.message() != null) {
			findings.add(e.message());
		}
		if (fpga) {
			findings.add(String.format(Locale.ROOT, "base configuration: %.3f ms (%.1f fps) on %s, %d of %d usable DSP",
					e.latencyMs(), e.fps(), e.accelerator().architecture(), e.dsp(), device.fpga().usableDsp()));
		}
		return new NetworkEstimate(network.name(), device.name(), solver, e.latencyMs(), e.fps(), e.dsp(), e.bram18k(),
				e.lut(), e.energyMj(), acc, true, out, findings, e.accelerator(), en.macs(), en.weights());
	}

	/** The ILP time limit used for estimates (ms). */
	public static long timeLimitMs() {
		return SubgraphEvaluator.ILP_TIME_LIMIT_MS < SubgraphIlp.DEFAULT_TIME_LIMIT_MS
				? SubgraphEvaluator.ILP_TIME_LIMIT_MS : SubgraphIlp.DEFAULT_TIME_LIMIT_MS;
	}
}
