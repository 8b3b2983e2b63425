package org.hao.engine.model;

import java.util.List;

/** Fully connected layer over the flattened input. */
public record FullyConnected(String name, int outFeatures, Activation activation,
		List<String> inputs) implements OpSpec {
	public FullyConnected {
		Checks.name("name", name);
		Checks.positive("outFeatures", outFeatures);
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
	}

	/** No activation, reading the previous op. */
	public FullyConnected(String name, int outFeatures) {
		this(name, outFeatures, Activation.NONE, List.of());
	}
}
