package org.hao.engine.expand;

import java.util.List;

import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Shape;

/** A whole network after expansion: its subgraphs in order. */
public record ExpandedNetwork(NetworkSpec spec, List<ExpandedSubgraph> subgraphs) {
	public ExpandedNetwork {
		subgraphs = List.copyOf(subgraphs);
	}

	/** All layers of all subgraphs, in execution order. */
	public List<Layer> layers() {
		return subgraphs.stream().flatMap(s -> s.layers().stream()).toList();
	}

	/** Multiply-accumulates per frame (after pruning). */
	public long macs() {
		return subgraphs.stream().mapToLong(ExpandedSubgraph::macs).sum();
	}

	/** Parameters (after pruning). */
	public long weights() {
		return subgraphs.stream().mapToLong(ExpandedSubgraph::weights).sum();
	}

	public Shape output() {
		return subgraphs.get(subgraphs.size() - 1).output();
	}

	/** The subgraph with this name. */
	public ExpandedSubgraph subgraph(String name) {
		return subgraphs.stream().filter(s -> s.name().equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no subgraph " + name));
	}
}
