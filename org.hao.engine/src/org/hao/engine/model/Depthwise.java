package org.hao.engine.model;

import java.util.List;

/** Depthwise k x k convolution (one filter per channel); {@code dilation} and {@code padding} as for {@link Conv}. */
public record Depthwise(String name, int kernel, int stride, int dilation, Padding padding, Activation activation,
		List<String> inputs) implements OpSpec {
	public Depthwise {
		Checks.name("name", name);
		Checks.positive("kernel", kernel);
		Checks.positive("stride", stride);
		Checks.positive("dilation", dilation);
		Checks.notNull("padding", padding);
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
	}

	/** 'Same' padding, ReLU, reading the previous op. */
	public Depthwise(String name, int kernel, int stride) {
		this(name, kernel, stride, 1, Padding.SAME, Activation.RELU, List.of());
	}
}
