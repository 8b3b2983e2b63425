package org.hao.engine.model;

/**
 * Activation applied to an op's output (fused into the op). What each costs is in {@code docs/cost-model.md},
 * "Activations": ReLU, ReLU6 and none are a clamp inside the requantisation every layer already has; the others
 * need extra logic on an FPGA and extra element operations on a GPU.
 */
public enum Activation {
	NONE, RELU, RELU6, HSWISH, HSIGMOID, SILU, SIGMOID;

	/** True for the activations that are only a clamp (free inside requantisation). */
	public boolean isClamp() {
		return this == NONE || this == RELU || this == RELU6;
	}

	/** Activations built on a sigmoid (a lookup table on an FPGA). */
	public boolean isSigmoidLike() {
		return this == SILU || this == SIGMOID;
	}

	/**
	 * Element operations per output value on a GPU: 0 for a clamp (fused into the kernel's epilogue), 4 for the
	 * hard versions (add, clamp, multiply, scale: x * relu6(x + 3) / 6), 6 for the sigmoid family (exponential,
	 * add, reciprocal, multiply; counted as 6 ops). ASSUMPTION: operation counts of the formula, not measured.
	 */
	public int gpuOpsPerElement() {
		return switch (this) {
			case NONE, RELU, RELU6 -> 0;
			case HSWISH, HSIGMOID -> 4;
			case SILU, SIGMOID -> 6;
		};
	}
}
