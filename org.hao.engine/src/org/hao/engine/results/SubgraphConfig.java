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

	/**
	 * The choices in a few characters, what the CLI and the report list per point: kernel, expansion, width and depth
	 * where the space changed them, the bit-widths, block pruning, then ops with their own bits or pruning, e.g.
	 * {@code k5,e6,w0.75,W4A8,prune0.50(4x4),conv1:W8A8}.
	 */
	public String choices() {
		java.util.List<String> parts = new java.util.ArrayList<>();
		if (kernel != null) {
			parts.add("k" + kernel);
		}
		if (expansion != null) {
			parts.add("e" + expansion);
		}
		if (widthMultiplier != 1.0) {
			parts.add("w" + widthMultiplier);
		}
		if (depth != null) {
			parts.add("d" + depth);
		}
		parts.add("W" + weightBits + "A" + actBits);
		if (pruning != null && pruning.ratio() > 0) {
			parts.add(String.format(java.util.Locale.ROOT, "prune%.2f(%dx%d)", pruning.ratio(), pruning.blockRows(),
					pruning.blockCols()));
		}
		opBits.forEach((op, b) -> parts.add(op + ":W" + b.weightBits() + "A" + b.actBits()));
		opPruning.forEach((op, p) -> parts.add(String.format(java.util.Locale.ROOT, "%s:prune%.2f(%dx%d)", op,
				p.ratio(), p.blockRows(), p.blockCols())));
		return String.join(",", parts);
	}

	/** Every subgraph's {@link #choices()}, e.g. {@code s1=k5,W4A8 s2=W8A8}. */
	public static String choices(Map<String, SubgraphConfig> subgraphs) {
		StringBuilder b = new StringBuilder();
		subgraphs.forEach((name, c) -> b.append(b.isEmpty() ? "" : " ").append(name).append('=').append(c.choices()));
		return b.toString();
	}
}
