package org.hao.engine.search;

import org.hao.engine.results.ParetoPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.Activation;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.predict.Prediction;
import org.hao.engine.results.BitsConfig;
import org.hao.engine.results.LayerConfig;
import org.hao.engine.results.PointConfig;
import org.hao.engine.results.PredictionInfo;
import org.hao.engine.results.PruningConfig;
import org.hao.engine.results.SubgraphConfig;

/** Builds the results model's point from a network's evaluation and its accuracy prediction. */
final class PointBuilder {
	private PointBuilder() {
	}

	static ParetoPoint point(ExpandedNetwork en, NetworkEvaluator.Evaluation e, Prediction pr) {
		Map<String, SubgraphConfig> subgraphs = new LinkedHashMap<>();
		List<LayerConfig> layers = new ArrayList<>();
		for (NetworkEvaluator.Part part : e.parts()) {
			ExpandedSubgraph sg = part.subgraph();
			subgraphs.put(sg.name(), subgraph(sg, part));
			for (int i = 0; i < sg.layers().size(); i++) {
				layers.add(layer(sg.layers().get(i), sg.name(), part.cost().layers().get(i),
						part.parallelism().isEmpty() ? null : part.parallelism().get(i),
						e.overlayAccelerator() != null));
			}
		}
		PointConfig config = new PointConfig(e.accelerator(), subgraphs, layers, en.macs(), en.weights(),
				new PredictionInfo(pr.floatTop1(), pr.drop(), pr.quantization().describe(), pr.extrapolation(),
						pr.pruningDrop()));
		return new ParetoPoint(pr.top1(), pr.low(), pr.high(), e.latencyMs(), e.fps(), e.dsp(), e.bram18k(), e.lut(),
				e.energyMj(), ParetoPoint.framesPerJoule(e.energyMj()), ParetoPoint.averageWatts(e.energyMj(), e.fps()),
				config);
	}

	private static SubgraphConfig subgraph(ExpandedSubgraph sg, NetworkEvaluator.Part part) {
		SubgraphChoice c = sg.choice();
		Map<String, PruningConfig> opPruning = new LinkedHashMap<>();
		c.opPruning().forEach((op, p) -> opPruning.put(op, pruning(p)));
		Map<String, BitsConfig> opBits = new LinkedHashMap<>();
		c.opBits().forEach((op, b) -> opBits.put(op, bits(b)));
		return new SubgraphConfig(sg.spec().mode().name(), keep(c.kernel()), keep(c.expansion()), c.widthMultiplier(),
				keep(c.depth()), c.bits().weightBits(), c.bits().activationBits(), pruning(c.pruning()), opPruning,
				opBits, part.cost().latencyMs(), part.cost().dsp(), part.cost().bram18k(), part.cost().lut(),
				part.ilpStatus());
	}

	private static LayerConfig layer(Layer l, String subgraph, LayerCost lc, ParallelismChoice pc, boolean onOverlay) {
		long lineBufferBytes = ((long) l.kernel() * l.inWidth()
				* (l.kind() == LayerKind.FULLY_CONNECTED ? 1 : l.inChannels()) * l.bits().activationBits() + 7) / 8;
		return new LayerConfig(l.name(), subgraph, l.kind().name(), shape(l.inChannels(), l.inHeight(), l.inWidth()),
				shape(l.outChannels(), l.outHeight(), l.outWidth()), l.kernel(), l.stride(),
				l.inputs().isEmpty() ? null : List.copyOf(l.inputs()), l.groups() == 1 ? null : l.groups(),
				l.activation() == Activation.NONE ? null : l.activation().name().toLowerCase(Locale.ROOT),
				pc == null ? null : pc.pa(), pc == null ? null : pc.pe(),
				pc == null ? null : FpgaCostModel.streams(l, pc) ? "streamed" : "on_chip",
				pc == null && onOverlay ? OverlayCostModel.onDepthwiseEngine(l) ? "depthwise" : "conv" : null,
				l.bits().weightBits(), l.bits().activationBits(), l.pruning().ratio(), lc.latencyMs(), lc.dsp(),
				lc.bram18k(), lc.lut(), lc.ddrBytes(), (l.weights() * l.bits().weightBits() + 7) / 8, lineBufferBytes);
	}

	private static String shape(int c, int h, int w) {
		return c + "x" + h + "x" + w;
	}

	/** A kept dimension ("as written") is null. */
	private static Integer keep(int v) {
		return v == SubgraphChoice.KEEP ? null : v;
	}

	static PruningConfig pruning(Pruning p) {
		return new PruningConfig(p.blockRows(), p.blockCols(), p.ratio());
	}

	static BitsConfig bits(BitWidths b) {
		return new BitsConfig(b.weightBits(), b.activationBits());
	}
}
