package org.hao.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options a search may pick for one subgraph. An empty list means "keep the base value written in the network".
 * {@code opPruning} gives block-pruning options for single ops (layers) of the subgraph, which replace the
 * subgraph-wide {@code pruning} for that op; each op adds one dimension to the space.
 */
public record SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
        List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning, Map<String, List<Pruning>> opPruning) {

    public static final SubgraphSpace NONE = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    /** Without per-op pruning (the engine API contract's original six fields). */
    public SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
            List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning) {
        this(kernels, expansions, widthMultipliers, depths, bitWidths, pruning, Map.of());
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
        Map<String, List<Pruning>> ops = new LinkedHashMap<>();
        if (opPruning != null) {
            opPruning.forEach((op, options) -> {
                List<Pruning> list = copy("opPruning[" + op + "]", options);
                if (op == null || list.isEmpty()) {
                    throw new IllegalArgumentException("opPruning needs an op name and at least one option per op");
                }
                ops.put(op, list);
            });
        }
        opPruning = Collections.unmodifiableMap(ops);
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
        return n;
    }
}
