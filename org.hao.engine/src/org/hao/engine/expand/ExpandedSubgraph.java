package org.hao.engine.expand;

import java.util.List;

import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpec;

/**
 * A subgraph after expansion under one choice: its layers in execution order and its input/output shapes.
 *
 * @param liveOutputs layers of this subgraph, other than its last, whose output an op of a later subgraph reads (a
 *                    branch that leaves the subgraph from its middle, such as a shortcut taken before the subgraph's
 *                    last block): the tensor must outlive the subgraph, so it goes to DDR and is costed at its writer
 *                    as well as at its reader
 */
public record ExpandedSubgraph(SubgraphSpec spec, SubgraphChoice choice, Shape input, List<Layer> layers, Shape output,
		List<Layer> liveOutputs) {
	public ExpandedSubgraph {
		layers = List.copyOf(layers);
		liveOutputs = liveOutputs == null ? List.of() : List.copyOf(liveOutputs);
	}

	/** A subgraph none of whose middle outputs is read later. */
	public ExpandedSubgraph(SubgraphSpec spec, SubgraphChoice choice, Shape input, List<Layer> layers, Shape output) {
		this(spec, choice, input, layers, output, List.of());
	}

	public String name() {
		return spec.name();
	}

	public long macs() {
		return layers.stream().mapToLong(Layer::macs).sum();
	}

	public long weights() {
		return layers.stream().mapToLong(Layer::weights).sum();
	}
}
