package org.hao.engine.results;

import java.util.Map;

/**
 * One subgraph's chosen block options and its share of the cost. A null kernel, expansion or depth means "as
 * written" (the search space leaves it alone).
 *
 * @param mode execution mode (PIPELINED or SEQUENTIAL)
 * @param widthMultiplier channel width multiplier
 * @param opPruning ops with their own pruning (empty when none)
 * @param opBits ops with their own bit-widths (empty when none)
 * @param latencyMs the subgraph's share of the frame latency (ms)
 * @param ilpStatus status of the ILP that sized it (OPTIMAL, FEASIBLE, REFERENCE, GPU, ...)
 */
public record SubgraphConfig(String mode, Integer kernel, Integer expansion, double widthMultiplier, Integer depth,
		int weightBits, int actBits, PruningConfig pruning, Map<String, PruningConfig> opPruning,
		Map<String, BitsConfig> opBits, double latencyMs, int dsp, int bram18k, int lut, String ilpStatus) {
	public SubgraphConfig {
		opPruning = opPruning == null ? Map.of()
				: java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(opPruning));
		opBits = opBits == null ? Map.of()
				: java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(opBits));
	}
}
