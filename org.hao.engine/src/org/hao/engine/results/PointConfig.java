package org.hao.engine.results;

import java.util.List;
import java.util.Map;

/**
 * The full configuration of a frontier point: what to build and train.
 *
 * @param accelerator the accelerator it runs on
 * @param subgraphs chosen block options per subgraph, in network order
 * @param layers every expanded layer, in network order
 * @param macs multiply-accumulates per frame (after pruning)
 * @param params weights (after pruning)
 * @param prediction how its accuracy was predicted
 */
public record PointConfig(AcceleratorConfig accelerator, Map<String, SubgraphConfig> subgraphs,
		List<LayerConfig> layers, long macs, long params, PredictionInfo prediction) {
	public PointConfig {
		subgraphs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(subgraphs));
		layers = List.copyOf(layers);
	}
}
