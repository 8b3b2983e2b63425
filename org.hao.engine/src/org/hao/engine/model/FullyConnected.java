package org.hao.engine.model;

/** Fully connected layer over the flattened input. */
public record FullyConnected(String name, int outFeatures) implements OpSpec {
    public FullyConnected {
        Checks.name("name", name);
        Checks.positive("outFeatures", outFeatures);
    }
}
