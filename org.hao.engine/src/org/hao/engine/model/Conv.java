package org.hao.engine.model;

import java.util.List;

/**
 * Dense or grouped k x k convolution: {@code groups} G splits input and output channels into G groups (both must be
 * divisible by G; G = channels is a depthwise convolution, written {@link Depthwise}). {@code dilation} spaces the
 * window's taps; {@code padding} decides the output size (see {@link Padding}).
 */
public record Conv(String name, int outChannels, int kernel, int stride, int groups, int dilation, Padding padding,
		Activation activation, List<String> inputs) implements OpSpec {
	public Conv {
		Checks.name("name", name);
		Checks.positive("outChannels", outChannels);
		Checks.positive("kernel", kernel);
		Checks.positive("stride", stride);
		Checks.positive("groups", groups);
		Checks.positive("dilation", dilation);
		Checks.notNull("padding", padding);
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
	}

	/** Dense convolution with 'same' padding and ReLU, reading the previous op. */
	public Conv(String name, int outChannels, int kernel, int stride) {
		this(name, outChannels, kernel, stride, 1, 1, Padding.SAME, Activation.RELU, List.of());
	}
}
