package org.hao.engine.estimate;

import java.util.List;

/**
 * Base-configuration estimate of one subgraph; {@code status} is the ILP status (or "GPU"), {@code message} the
 * solver's words (e.g. the infeasibility explanation). Resources of an infeasible subgraph are its minimum needs.
 */
public record SubgraphEstimate(String subgraph, String mode, String status, double latencyMs, int dsp, int bram18k,
		int lut, double energyMj, List<LayerEstimate> layers, String message) {
	public SubgraphEstimate {
		layers = List.copyOf(layers);
	}
}
