package org.hao.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise sum. Operands: {@link #inputs()} (or the previous op when empty) plus {@code from} when given; at
 * least two in all. {@code add r from x} is the residual add of x to the running tensor.
 */
public record Add(String name, String from, Activation activation, List<String> inputs) implements OpSpec {
	public Add {
		Checks.name("name", name);
		if (from != null) {
			Checks.name("from", from);
		}
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
		if (from == null && inputs.size() < 2) {
			throw new IllegalArgumentException("add " + name + " needs two operands ('from' or two inputs)");
		}
	}

	/** Residual add of {@code from} to the running tensor. */
	public Add(String name, String from) {
		this(name, from, Activation.NONE, List.of());
	}

	/**
	 * The named operands: inputs then {@code from}; with no inputs the previous op is implied first (the expander
	 * puts it in front).
	 */
	public List<String> operands() {
		List<String> all = new ArrayList<>(inputs);
		if (from != null) {
			all.add(from);
		}
		return List.copyOf(all);
	}
}
