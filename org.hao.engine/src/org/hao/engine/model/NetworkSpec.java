package org.hao.engine.model;

import java.util.List;

/** A network: an input shape and an ordered list of subgraphs. */
public record NetworkSpec(String name, Shape input, List<SubgraphSpec> subgraphs) {
	public NetworkSpec {
		Checks.name("name", name);
		Checks.notNull("input", input);
		Checks.notNull("subgraphs", subgraphs);
		if (subgraphs.isEmpty()) {
			throw new IllegalArgumentException("network " + name + ": subgraphs must not be empty");
		}
		if (subgraphs.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("network " + name + ": subgraphs must not contain null");
		}
		subgraphs = List.copyOf(subgraphs);
	}
}
