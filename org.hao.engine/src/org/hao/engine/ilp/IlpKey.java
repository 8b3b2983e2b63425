package org.hao.engine.ilp;

import java.util.List;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.Activation;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Shape;
import org.hao.engine.model.Pruning;

/**
 * Identity of a subgraph ILP for {@link IlpCache}: the layers' shapes, bit-widths and pruning (names do not matter: two
 * subgraphs of identical layers have the same problem), the device, the budget (caps), the objective (mode), the
 * number of parallelism candidates per layer and the time limit.
 */
public record IlpKey(List<LayerSignature> layers, Device device, ResourceBudget budget, IlpObjective objective,
		int maxCandidates, long timeLimitMs, List<Integer> liveOutputs) {

	/**
	 * @param liveOutputs indices of the layers whose output a later subgraph reads (written to DDR by a pipelined
	 *                    subgraph, which changes its DDR time)
	 */
	public IlpKey {
		layers = List.copyOf(layers);
		liveOutputs = liveOutputs == null ? List.of() : List.copyOf(liveOutputs);
	}

	/** A key of a subgraph none of whose middle outputs is read later. */
	public IlpKey(List<LayerSignature> layers, Device device, ResourceBudget budget, IlpObjective objective,
			int maxCandidates, long timeLimitMs) {
		this(layers, device, budget, objective, maxCandidates, timeLimitMs, List.of());
	}

	/**
	 * What of a layer enters its cost coefficients: its shapes and options, and where its inputs come from (the index
	 * of the producing layer in the subgraph, -1 from outside), which decides skip FIFOs and DDR edges.
	 */
	public record LayerSignature(LayerKind kind, int inChannels, int outChannels, int inHeight, int inWidth,
			int outHeight, int outWidth, int kernel, int stride, BitWidths bits, Pruning pruning, int groups,
			int dilation, Activation activation, int squeeze, List<Shape> inputShapes, List<Integer> inputIndices) {
		public static LayerSignature of(Layer l) {
			return of(l, List.of());
		}

		static LayerSignature of(Layer l, List<String> names) {
			return new LayerSignature(l.kind(), l.inChannels(), l.outChannels(), l.inHeight(), l.inWidth(),
					l.outHeight(), l.outWidth(), l.kernel(), l.stride(), l.bits(), l.pruning(), l.groups(),
					l.dilation(), l.activation(), l.squeezeChannels(), l.inputShapes(),
					l.inputs().stream().map(names::indexOf).toList());
		}
	}

	public static IlpKey of(List<Layer> layers, Device device, ResourceBudget budget, IlpObjective objective,
			int maxCandidates, long timeLimitMs) {
		return of(layers, device, budget, objective, maxCandidates, timeLimitMs, List.of());
	}

	/** As above, for a subgraph whose layers {@code liveOutputs} are read by later subgraphs. */
	public static IlpKey of(List<Layer> layers, Device device, ResourceBudget budget, IlpObjective objective,
			int maxCandidates, long timeLimitMs, List<Layer> liveOutputs) {
		List<String> names = layers.stream().map(Layer::name).toList();
		return new IlpKey(layers.stream().map(l -> LayerSignature.of(l, names)).toList(), device, budget, objective,
				maxCandidates, timeLimitMs, liveOutputs.stream().map(l -> names.indexOf(l.name())).toList());
	}
}
