package org.hao.engine.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Pruning;
import org.hao.engine.results.PruningConfig;
import org.hao.engine.results.ParetoPoint;

/**
 * The per-subgraph choices of a frontier point, read back from its configuration ({@code config.subgraphs}: kernel,
 * expansion, depth ("as written" = keep), width multiplier, bit-widths, block pruning, per-op pruning and bits), so
 * that the point's network can be expanded and exported.
 */
public final class PointChoices {
	private PointChoices() {
	}

	/** Subgraph name -> choice of {@code point}. */
	public static Map<String, SubgraphChoice> of(ParetoPoint point) {
		if (point.config() == null || point.config().subgraphs().isEmpty()) {
			throw new IllegalArgumentException("the point has no per-subgraph configuration");
		}
		Map<String, SubgraphChoice> choices = new LinkedHashMap<>();
		point.config().subgraphs().forEach((name, c) -> {
			Map<String, Pruning> opPruning = new LinkedHashMap<>();
			c.opPruning().forEach((op, p) -> opPruning.put(op, pruning(p)));
			Map<String, BitWidths> opBits = new LinkedHashMap<>();
			c.opBits().forEach((op, b) -> opBits.put(op, new BitWidths(b.weightBits(), b.actBits())));
			choices.put(name,
					new SubgraphChoice(keep(c.kernel()), keep(c.expansion()), c.widthMultiplier(), keep(c.depth()),
							new BitWidths(c.weightBits(), c.actBits()), pruning(c.pruning()), opPruning, opBits));
		});
		return choices;
	}

	/** "As written" (null) is the expander's KEEP. */
	private static int keep(Integer v) {
		return v == null ? SubgraphChoice.KEEP : v;
	}

	private static Pruning pruning(PruningConfig p) {
		return new Pruning(p.blockRows(), p.blockCols(), p.ratio());
	}
}
