package org.hao.engine.model;

import java.util.List;

/**
 * Options a search may pick for one subgraph. An empty list means "keep the base value written in the network".
 */
public record SubgraphSpace(List<Integer> kernels, List<Integer> expansions, List<Double> widthMultipliers,
        List<Integer> depths, List<BitWidths> bitWidths, List<Pruning> pruning) {

    public static final SubgraphSpace NONE = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

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
        return (long) Math.max(1, kernels.size()) * Math.max(1, expansions.size())
                * Math.max(1, widthMultipliers.size()) * Math.max(1, depths.size()) * Math.max(1, bitWidths.size())
                * Math.max(1, pruning.size());
    }
}
