package org.hao.engine.predict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SubgraphSpec;

/**
 * The capacity cap (docs/predictor.md, "Capacity cap"): a search choice that only removes capacity from what the
 * network has as written (a narrower width, a smaller kernel, expansion or depth, fewer weight or activation bits, a
 * pruning ratio above the written one) never makes a network more accurate; the prediction of a configuration is at
 * most the prediction of the same configuration with each such choice restored to the written value. Choices that add
 * capacity (width above 1, a larger kernel, more bits) and choices that add on some ops and remove on others are kept
 * as they are.
 */
final class CapacityCap {
	private CapacityCap() {
	}

	/**
	 * Each subgraph's choice with every capacity-removing dimension restored to the value written in the network
	 * ({@link SubgraphChoice#base}); null when no dimension of any subgraph removes capacity (nothing to cap).
	 */
	static Map<String, SubgraphChoice> restored(ExpandedNetwork net) {
		Map<String, SubgraphChoice> out = new LinkedHashMap<>();
		boolean any = false;
		for (ExpandedSubgraph sg : net.subgraphs()) {
			SubgraphChoice c = sg.choice();
			SubgraphChoice r = restored(sg.spec(), c);
			any |= !r.equals(c);
			out.put(sg.name(), r);
		}
		return any ? out : null;
	}

	/** One subgraph's choice with its capacity-removing dimensions restored to the written values. */
	static SubgraphChoice restored(SubgraphSpec spec, SubgraphChoice c) {
		SubgraphChoice w = SubgraphChoice.base(spec);
		int kernel = removes(spec, c.kernel(), MBConv::kernel) ? w.kernel() : c.kernel();
		int expansion = removes(spec, c.expansion(), MBConv::expansion) ? w.expansion() : c.expansion();
		int depth = removes(spec, c.depth(), MBConv::repeat) ? w.depth() : c.depth();
		double width = c.widthMultiplier() < w.widthMultiplier() ? w.widthMultiplier() : c.widthMultiplier();
		BitWidths bits = removes(c.bits(), w.bits()) ? w.bits() : c.bits();
		Pruning pruning = c.pruning().ratio() > w.pruning().ratio() ? w.pruning() : c.pruning();
		Map<String, Pruning> opPruning = new LinkedHashMap<>();
		c.opPruning().forEach((op, p) -> opPruning.put(op, p.ratio() > w.pruning().ratio() ? w.pruning() : p));
		Map<String, BitWidths> opBits = new LinkedHashMap<>();
		c.opBits().forEach((op, b) -> opBits.put(op, removes(b, w.bits()) ? w.bits() : b));
		return new SubgraphChoice(kernel, expansion, width, depth, bits, pruning, opPruning, opBits);
	}

	/**
	 * Whether setting every MBConv of the subgraph to {@code chosen} (KEEP: as written) removes capacity: at most the
	 * written value on every MBConv and below it on at least one.
	 */
	private static boolean removes(SubgraphSpec spec, int chosen, ToDoubleFunction<MBConv> written) {
		if (chosen == SubgraphChoice.KEEP) {
			return false;
		}
		boolean below = false;
		for (OpSpec op : spec.ops()) {
			if (op instanceof MBConv mb) {
				double v = written.applyAsDouble(mb);
				if (chosen > v) {
					return false;
				}
				below |= chosen < v;
			}
		}
		return below;
	}

	/** Whether {@code b} has no more bits than {@code written} on either operand and fewer on one. */
	private static boolean removes(BitWidths b, BitWidths written) {
		return b.weightBits() <= written.weightBits() && b.activationBits() <= written.activationBits()
				&& !b.equals(written);
	}
}
