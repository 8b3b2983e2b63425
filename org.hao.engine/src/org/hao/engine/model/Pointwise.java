package org.hao.engine.model;

import java.util.List;

/** 1 x 1 convolution, optionally grouped ({@code groups} G as in ShuffleNet v1). */
public record Pointwise(String name, int outChannels, int groups, Activation activation,
		List<String> inputs) implements OpSpec {
	public Pointwise {
		Checks.name("name", name);
		Checks.positive("outChannels", outChannels);
		Checks.positive("groups", groups);
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
	}

	/** Dense 1 x 1 convolution with ReLU reading the previous op. */
	public Pointwise(String name, int outChannels) {
		this(name, outChannels, 1, Activation.RELU, List.of());
	}
}
