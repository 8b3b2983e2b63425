package org.hao.engine.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Pruning;
import org.hao.engine.search.ParetoPoint;

/**
 * The per-subgraph choices of a frontier point, read back from its configuration ({@code config.subgraphs}: kernel,
 * expansion, depth ("as written" = keep), width multiplier, bit-widths, block pruning, per-op pruning and bits), so
 * that the point's network can be expanded and exported.
 */
public final class PointChoices {
    private PointChoices() {
    }

    /** Subgraph name -> choice of {@code point}. */
    @SuppressWarnings("unchecked")
    public static Map<String, SubgraphChoice> of(ParetoPoint point) {
        Object subgraphs = point.config().get("subgraphs");
        if (!(subgraphs instanceof Map<?, ?> all)) {
            throw new IllegalArgumentException("the point has no per-subgraph configuration");
        }
        Map<String, SubgraphChoice> choices = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            Map<String, Object> c = (Map<String, Object>) value;
            Map<String, Pruning> opPruning = new LinkedHashMap<>();
            if (c.get("op_pruning") instanceof Map<?, ?> ops) {
                ops.forEach((op, p) -> opPruning.put((String) op, pruning((Map<String, Object>) p)));
            }
            Map<String, BitWidths> opBits = new LinkedHashMap<>();
            if (c.get("op_bits") instanceof Map<?, ?> ops) {
                ops.forEach((op, b) -> opBits.put((String) op, bits((Map<String, Object>) b)));
            }
            choices.put((String) name, new SubgraphChoice(keep(c.get("kernel")), keep(c.get("expansion")),
                    ((Number) c.get("width_multiplier")).doubleValue(), keep(c.get("depth")), bits(c),
                    pruning((Map<String, Object>) c.get("pruning")), opPruning, opBits));
        });
        return choices;
    }

    private static int keep(Object v) {
        return v instanceof Number n ? n.intValue() : SubgraphChoice.KEEP;
    }

    private static BitWidths bits(Map<String, Object> m) {
        return new BitWidths(((Number) m.get("weight_bits")).intValue(), ((Number) m.get("act_bits")).intValue());
    }

    private static Pruning pruning(Map<String, Object> m) {
        return new Pruning(((Number) m.get("block_rows")).intValue(), ((Number) m.get("block_cols")).intValue(),
                ((Number) m.get("ratio")).doubleValue());
    }
}
