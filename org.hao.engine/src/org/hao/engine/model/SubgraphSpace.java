package org.hao.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options a search may pick for one subgraph. An empty list means "keep the base value written in the network".
 * {@code opPruning} and {@code opBits} give block-pruning and bit-width options for single ops (layers) of the
 * subgraph, which replace the subgraph-wide {@code pruning} or {@code bitWidths} for that op; each op adds one
 * dimension to the space.
 */
public record SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
		List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning, Map<String, List<Pruning>> opPruning,
		Map<String, List<BitWidths>> opBits) {

	public static final SubgraphSpace NONE = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(), List.of(),
			List.of());

	/** Without per-op pruning (the engine API contract's original six fields). */
	public SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
			List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning) {
		this(kernels, expansions, widthMultipliers, depths, bitWidths, pruning, Map.of());
	}

	/** Without per-op bit-widths. */
	public SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
			List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning,
			Map<String, List<Pruning>> opPruning) {
		this(kernels, expansions, widthMultipliers, depths, bitWidths, pruning, opPruning, Map.of());
	}

	public SubgraphSpace {
		kernels = copy("kernels", kernels);
		expansions = copy("expansions", expansions);
		widthMultipliers = copy("widthMultipliers", widthMultipliers);
		depths = copy("depths", depths);
		bitWidths = copy("bitWidths", bitWidths);
		pruning = copy("pruning", pruning);
		kernels.forEach(k -> Checks.positive("kernels entry", k));
		expansions.forEach(e -> Checks.positive("expansions entry", e));
		widthMultipliers.forEach(w -> Checks.positive("widthMultipliers entry", w));
		depths.forEach(d -> Checks.positive("depths entry", d));
		opPruning = copyPerOp("opPruning", opPruning);
		opBits = copyPerOp("opBits", opBits);
	}

	private static <T> Map<String, List<T>> copyPerOp(String field, Map<String, List<T>> perOp) {
		Map<String, List<T>> ops = new LinkedHashMap<>();
		if (perOp != null) {
			perOp.forEach((op, options) -> {
				List<T> list = copy(field + "[" + op + "]", options);
				if (op == null || list.isEmpty()) {
					throw new IllegalArgumentException(field + " needs an op name and at least one option per op");
				}
				ops.put(op, list);
			});
		}
		return Collections.unmodifiableMap(ops);
	}

	private static <T> List<T> copy(String field, List<T> values) {
		if (values == null) {
			return List.of();
		}
		for (T value : values) {
			if (value == null) {
				throw new IllegalArgumentException(field + " must not contain null");
			}
		}
		return List.copyOf(values);
	}

	/** Number of combinations of this space (1 when every list is empty). */
	public long size() {
		long n = (long) Math.max(1, kernels.size()) * Math.max(1, expansions.size())
				* Math.max(1, widthMultipliers.size()) * Math.max(1, depths.size()) * Math.max(1, bitWidths.size())
				* Math.max(1, pruning.size());
		for (List<Pruning> options : opPruning.values()) {
			n *= options.size();
		}
		for (List<BitWidths> options : opBits.values()) {
			n *= options.size();
		}
		return n;
	}
}
