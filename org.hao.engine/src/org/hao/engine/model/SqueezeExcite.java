package org.hao.engine.model;

import java.util.List;

/**
 * Stand-alone squeeze-excite: global pool, FC C -> {@code hidden}, FC hidden -> C, sigmoid-like gate, channel scale
 * (torchvision {@code SqueezeExcitation}). Shape preserving.
 */
public record SqueezeExcite(String name, int hidden, List<String> inputs) implements OpSpec {
	public SqueezeExcite {
		Checks.name("name", name);
		Checks.positive("hidden", hidden);
		inputs = OpSpec.inputList(inputs);
		if (inputs.size() > 1) {
			throw new IllegalArgumentException("squeeze " + name + " reads one input");
		}
	}
}
