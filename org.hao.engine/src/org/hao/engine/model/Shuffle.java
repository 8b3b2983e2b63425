package org.hao.engine.model;

import java.util.List;

/** Channel shuffle of ShuffleNet: channels viewed as groups x (C / groups), transposed, flattened. */
public record Shuffle(String name, int groups, List<String> inputs) implements OpSpec {
	public Shuffle {
		Checks.name("name", name);
		Checks.positive("groups", groups);
		inputs = OpSpec.inputList(inputs);
		if (inputs.size() > 1) {
			throw new IllegalArgumentException("shuffle " + name + " reads one input");
		}
	}
}
