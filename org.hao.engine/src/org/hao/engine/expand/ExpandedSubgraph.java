package org.hao.engine.expand;

import java.util.List;

import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpec;

/** A subgraph after expansion under one choice: its layers in execution order and its input/output shapes. */
public record ExpandedSubgraph(SubgraphSpec spec, SubgraphChoice choice, Shape input, List<Layer> layers,
        Shape output) {
    public ExpandedSubgraph {
        layers = List.copyOf(layers);
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
