package org.hao.engine.model;

/**
 * Everything one search needs. A null {@code constraints} means {@link Constraints#NONE}; a null
 * {@code quantization} means {@link Quantization#DEFAULT}.
 */
public record SearchSpec(String name, NetworkSpec network, Device device, Objective objective, Constraints constraints,
		String predictorCsv, long seed, double timeLimitSeconds, Quantization quantization) {
	public SearchSpec {
		Checks.name("name", name);
		Checks.notNull("network", network);
		Checks.notNull("device", device);
		Checks.notNull("objective", objective);
		constraints = constraints == null ? Constraints.NONE : constraints;
		Checks.positive("timeLimitSeconds", timeLimitSeconds);
		quantization = quantization == null ? Quantization.DEFAULT : quantization;
	}

	/** A search with the default quantization method. */
	public SearchSpec(String name, NetworkSpec network, Device device, Objective objective, Constraints constraints,
			String predictorCsv, long seed, double timeLimitSeconds) {
		this(name, network, device, objective, constraints, predictorCsv, seed, timeLimitSeconds, null);
	}
}
