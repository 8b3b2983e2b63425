package org.hao.engine.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * One axis of a subgraph's search space: its options and how an option sets a choice. A new kind of search-space
 * entry is one more dimension in {@link #of}; enumeration, sampling and the space's size follow from the list.
 *
 * @param name the axis (kernel, expansion, width, depth, bits, pruning, "pruning conv1", "bits conv1")
 * @param options the values; an axis the space leaves open has the base value as its one option
 * @param apply sets the option on a choice being built
 */
record SpaceDimension<T>(String name, List<T> options, BiConsumer<Builder, T> apply) {

	/** A choice being built from one option per dimension. */
	static final class Builder {
		int kernel;
		int expansion;
		double widthMultiplier;
		int depth;
		BitWidths bits;
		Pruning pruning;
		final Map<String, Pruning> opPruning = new LinkedHashMap<>();
		final Map<String, BitWidths> opBits = new LinkedHashMap<>();

		SubgraphChoice build() {
			return new SubgraphChoice(kernel, expansion, widthMultiplier, depth, bits, pruning, opPruning, opBits);
		}
	}

	/** Sets option {@code i} on {@code b}. */
	void set(Builder b, int i) {
		apply.accept(b, options.get(i));
	}

	/**
	 * The dimensions of a subgraph's space, in the enumeration order (the last varies slowest): kernel, expansion, width
	 * multiplier, depth, bit-widths, pruning, then each op's pruning and each op's bit-widths.
	 */
	static List<SpaceDimension<?>> of(SubgraphSpec sg) {
		SubgraphChoice b = SubgraphChoice.base(sg);
		SubgraphSpace sp = sg.space();
		List<SpaceDimension<?>> dims = new java.util.ArrayList<>();
		dims.add(new SpaceDimension<>("kernel", orBase(sp.kernels(), b.kernel()), (c, v) -> c.kernel = v));
		dims.add(new SpaceDimension<>("expansion", orBase(sp.expansions(), b.expansion()), (c, v) -> c.expansion = v));
		dims.add(new SpaceDimension<>("width", orBase(sp.widthMultipliers(), b.widthMultiplier()),
				(c, v) -> c.widthMultiplier = v));
		dims.add(new SpaceDimension<>("depth", orBase(sp.depths(), b.depth()), (c, v) -> c.depth = v));
		dims.add(new SpaceDimension<>("bits", orBase(sp.bitWidths(), b.bits()), (c, v) -> c.bits = v));
		dims.add(new SpaceDimension<>("pruning", orBase(sp.pruning(), b.pruning()), (c, v) -> c.pruning = v));
		sp.opPruning().forEach(
				(op, opts) -> dims.add(new SpaceDimension<>("pruning " + op, opts, (c, v) -> c.opPruning.put(op, v))));
		sp.opBits().forEach(
				(op, opts) -> dims.add(new SpaceDimension<>("bits " + op, opts, (c, v) -> c.opBits.put(op, v))));
		return dims;
	}

	private static <T> List<T> orBase(List<T> options, T base) {
		return options.isEmpty() ? List.of(base) : options;
	}

	/** The choice at mixed-radix index {@code index} (the first dimension varies fastest). */
	static SubgraphChoice choice(List<SpaceDimension<?>> dims, long index) {
		Builder b = new Builder();
		long x = index;
		for (SpaceDimension<?> d : dims) {
			int n = d.options().size();
			d.set(b, (int) (x % n));
			x /= n;
		}
		return b.build();
	}
}
