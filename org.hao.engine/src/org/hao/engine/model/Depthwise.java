package org.hao.engine.model;

/** Depthwise k x k convolution (one filter per channel) with 'same' padding. */
public record Depthwise(String name, int kernel, int stride) implements OpSpec {
    public Depthwise {
        Checks.name("name", name);
        Checks.positive("kernel", kernel);
        Checks.positive("stride", stride);
    }
}
