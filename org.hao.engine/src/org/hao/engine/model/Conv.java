package org.hao.engine.model;

/** Dense k x k convolution with 'same' padding. */
public record Conv(String name, int outChannels, int kernel, int stride) implements OpSpec {
    public Conv {
        Checks.name("name", name);
        Checks.positive("outChannels", outChannels);
        Checks.positive("kernel", kernel);
        Checks.positive("stride", stride);
    }
}
