package org.hao.engine.model;

import java.util.List;

/** A named group of ops that gets one accelerator configuration (one ILP). */
public record SubgraphSpec(String name, ExecutionMode mode, List<OpSpec> ops, SubgraphSpace space) {
	public SubgraphSpec {
		Checks.name("name", name);
		Checks.notNull("mode", mode);
		Checks.notNull("ops", ops);
		if (ops.isEmpty()) {
			throw new IllegalArgumentException("subgraph " + name + ": ops must not be empty");
		}
		if (ops.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("subgraph " + name + ": ops must not contain null");
		}
		ops = List.copyOf(ops);
		space = space == null ? SubgraphSpace.NONE : space;
	}
}
