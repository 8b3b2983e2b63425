package org.hao.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * The quantization setting "first and last layer at 8 bit" ({@code first-last 8bit}, the default) applied to what the
 * search costs and exports, not only to what the predictor assumes: the op holding the network's first layer with
 * weights and the op holding its last (usually the stem conv and the classifier) get a per-op bit-width of W8A8 in
 * their subgraph's space whenever that space offers bit-widths below 8. Their latency, resources, energy and the
 * exported CONFIG are then those of the 8-bit layers the accuracy prediction is for. A per-op {@code bits} entry the
 * user wrote for such an op is replaced (with a warning). Ops wider than 8 bit in a 16-bit option are costed at 8
 * bit too (the setting says 8 bit, as HAWQ, QDrop and MQBench keep them).
 */
final class FirstLastBits {
	static final BitWidths W8A8 = new BitWidths(8, 8);

	/** The search with the setting applied, and what it replaced. */
	record Applied(SearchSpec spec, List<String> warnings) {
	}

	private FirstLastBits() {
	}

	static Applied apply(SearchSpec spec) {
		if (!spec.quantization().firstLast8Bit()) {
			return new Applied(spec, List.of());
		}
		ExpandedNetwork base;
		try {
			base = NetworkExpander.expand(spec.network());
		} catch (ShapeException | IllegalArgumentException e) {
			return new Applied(spec, List.of()); // the search reports the fault
		}
		List<Layer> weighted = base.layers().stream().filter(l -> l.denseWeights() > 0).toList();
		if (weighted.isEmpty()) {
			return new Applied(spec, List.of());
		}
		List<String> ops = List.of(weighted.get(0).sourceOp(), weighted.get(weighted.size() - 1).sourceOp());
		List<String> warnings = new ArrayList<>();
		List<SubgraphSpec> subgraphs = new ArrayList<>();
		for (SubgraphSpec sg : spec.network().subgraphs()) {
			SubgraphSpace space = sg.space();
			Map<String, List<BitWidths>> opBits = new LinkedHashMap<>(space.opBits());
			for (String op : ops) {
				if (sg.ops().stream().noneMatch(o -> o.name().equals(op)) || !offersBelow8(space, op)) {
					continue;
				}
				if (opBits.containsKey(op) && !opBits.get(op).equals(List.of(W8A8))) {
					warnings.add("op " + op + " holds the network's " + (op.equals(ops.get(0)) ? "first" : "last")
							+ " layer with weights and the search keeps it at 8 bit (quantization first-last 8bit):"
							+ " its bits entry " + opBits.get(op) + " is not searched");
				}
				opBits.put(op, List.of(W8A8));
			}
			subgraphs.add(opBits.equals(space.opBits()) ? sg
					: new SubgraphSpec(sg.name(), sg.mode(), sg.ops(),
							new SubgraphSpace(space.kernels(), space.expansions(), space.widthMultipliers(),
									space.depths(), space.bitWidths(), space.pruning(), space.opPruning(), opBits)));
		}
		NetworkSpec net = spec.network();
		NetworkSpec network = new NetworkSpec(net.name(), net.input(), subgraphs);
		return new Applied(new SearchSpec(spec.name(), network, spec.device(), spec.objective(), spec.constraints(),
				spec.predictorCsv(), spec.seed(), spec.timeLimitSeconds(), spec.quantization()), warnings);
	}

	/** Whether the space could put {@code op} below 8 bit (weights or activations). */
	private static boolean offersBelow8(SubgraphSpace space, String op) {
		List<BitWidths> options = space.opBits().containsKey(op) ? space.opBits().get(op) : space.bitWidths();
		return options.stream().anyMatch(b -> b.weightBits() < 8 || b.activationBits() < 8)
				|| space.opBits().containsKey(op) && !space.opBits().get(op).equals(List.of(W8A8));
	}
}
