package org.hao.engine.cost;

import java.util.List;

/** Cost of one subgraph under one configuration; {@code layers} are the per-layer costs in order. */
public record SubgraphCost(double latencyMs, long macs, int dsp, int bram18k, int lut, long ddrBytes, double energyMj,
		List<LayerCost> layers) {
	public SubgraphCost {
		layers = List.copyOf(layers);
	}
}
