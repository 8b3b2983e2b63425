package org.hao.engine.model;

/**
 * Inverted-residual block (MobileNetV2): pointwise expand, depthwise k x k, optional squeeze-excite, pointwise
 * project, residual add when shapes allow; repeated {@code repeat} times, the first repetition carries the stride.
 */
public record MBConv(String name, int expansion, int kernel, int stride, int outChannels, boolean squeezeExcite,
        int repeat) implements OpSpec {
    public MBConv {
        Checks.name("name", name);
        Checks.positive("expansion", expansion);
        Checks.positive("kernel", kernel);
        Checks.positive("stride", stride);
        Checks.positive("outChannels", outChannels);
        Checks.positive("repeat", repeat);
    }
}
