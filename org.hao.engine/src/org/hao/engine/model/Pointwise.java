package org.hao.engine.model;

/** 1 x 1 convolution. */
public record Pointwise(String name, int outChannels) implements OpSpec {
    public Pointwise {
        Checks.name("name", name);
        Checks.positive("outChannels", outChannels);
    }
}
