package org.hao.engine.model;

import java.util.List;

/**
 * One part of an even channel split ({@code torch.chunk}, ONNX {@code Split}): part {@code part} (1-based) of
 * {@code parts} equal parts of the input's channels. A split into two branches is written as two split ops.
 */
public record Split(String name, int part, int parts, List<String> inputs) implements OpSpec {
	public Split {
		Checks.name("name", name);
		Checks.positive("parts", parts);
		Checks.positive("part", part);
		if (part > parts) {
			throw new IllegalArgumentException("split " + name + ": part " + part + " of " + parts);
		}
		inputs = OpSpec.inputList(inputs);
		if (inputs.size() > 1) {
			throw new IllegalArgumentException("split " + name + " reads one input");
		}
	}
}
