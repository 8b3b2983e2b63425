package org.hao.engine.model;

import java.util.List;

/** Concatenation along channels of two or more tensors of equal height and width. */
public record Concat(String name, List<String> inputs) implements OpSpec {
	public Concat {
		Checks.name("name", name);
		inputs = OpSpec.inputList(inputs);
		if (inputs.size() < 2) {
			throw new IllegalArgumentException("concat " + name + " needs at least two inputs");
		}
	}
}
