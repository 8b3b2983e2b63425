package org.hao.engine.model;

/** Everything one search needs. A null {@code constraints} means {@link Constraints#NONE}. */
public record SearchSpec(String name, NetworkSpec network, Device device, Objective objective, Constraints constraints,
        String predictorCsv, long seed, double timeLimitSeconds) {
    public SearchSpec {
        Checks.name("name", name);
        Checks.notNull("network", network);
        Checks.notNull("device", device);
        Checks.notNull("objective", objective);
        constraints = constraints == null ? Constraints.NONE : constraints;
        Checks.positive("timeLimitSeconds", timeLimitSeconds);
    }
}
