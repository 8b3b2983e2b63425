package org.hao.engine.expand;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SubgraphSpec;

/**
 * One point of a subgraph's search space. {@code kernel}, {@code expansion} and {@code depth} apply to every MBConv
 * of the subgraph; {@link #KEEP} (0) keeps each MBConv's written value. {@code widthMultiplier} scales the output
 * channels of Conv, Pointwise and MBConv ops. {@code bits} and {@code pruning} apply to every layer of the subgraph
 * (pruning only to layers with a weight matrix: conv, pointwise, fully connected); {@code opPruning} and
 * {@code opBits} replace the subgraph's pruning or bit-widths for the layers of the named ops (per-layer block
 * pruning and mixed precision).
 */
public record SubgraphChoice(int kernel, int expansion, double widthMultiplier, int depth, BitWidths bits,
		Pruning pruning, Map<String, Pruning> opPruning, Map<String, BitWidths> opBits) {

	/** Without per-op pruning (the engine API contract's original six fields). */
	public SubgraphChoice(int kernel, int expansion, double widthMultiplier, int depth, BitWidths bits,
			Pruning pruning) {
		this(kernel, expansion, widthMultiplier, depth, bits, pruning, Map.of(), Map.of());
	}

	/** Without per-op bit-widths. */
	public SubgraphChoice(int kernel, int expansion, double widthMultiplier, int depth, BitWidths bits, Pruning pruning,
			Map<String, Pruning> opPruning) {
		this(kernel, expansion, widthMultiplier, depth, bits, pruning, opPruning, Map.of());
	}

	/** "Use the value written on each op." */
	public static final int KEEP = 0;

	public SubgraphChoice {
		if (kernel < 0) {
			throw new IllegalArgumentException("kernel must be positive or KEEP (0), was " + kernel);
		}
		if (expansion < 0) {
			throw new IllegalArgumentException("expansion must be positive or KEEP (0), was " + expansion);
		}
		if (depth < 0) {
			throw new IllegalArgumentException("depth must be positive or KEEP (0), was " + depth);
		}
		if (!(widthMultiplier > 0) || Double.isInfinite(widthMultiplier)) {
			throw new IllegalArgumentException("widthMultiplier must be positive, was " + widthMultiplier);
		}
		if (bits == null) {
			throw new IllegalArgumentException("bits must not be null");
		}
		if (pruning == null) {
			throw new IllegalArgumentException("pruning must not be null");
		}
		opPruning = copyPerOp("opPruning", opPruning);
		opBits = copyPerOp("opBits", opBits);
	}

	private static <T> Map<String, T> copyPerOp(String field, Map<String, T> perOp) {
		if (perOp == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
		Map<String, T> ops = new LinkedHashMap<>();
		perOp.forEach((op, value) -> {
			if (op == null || value == null) {
				throw new IllegalArgumentException(field + " must not hold null ops or values");
			}
			ops.put(op, value);
		});
		return Collections.unmodifiableMap(ops);
	}

	/** The pruning of the layers of op {@code opName}: its own entry, else the subgraph's. */
	public Pruning pruningFor(String opName) {
		return opPruning.getOrDefault(opName, pruning);
	}

	/** The bit-widths of the layers of op {@code opName}: its own entry, else the subgraph's. */
	public BitWidths bitsFor(String opName) {
		return opBits.getOrDefault(opName, bits);
	}

	/** Names of the ops with their own pruning or bit-widths. */
	public Set<String> opsWithOwnChoices() {
		Set<String> ops = new LinkedHashSet<>(opPruning.keySet());
		ops.addAll(opBits.keySet());
		return ops;
	}

	/** Everything as written in the network: width 1, INT8, no pruning. */
	public static final SubgraphChoice KEEP_ALL = new SubgraphChoice(KEEP, KEEP, 1.0, KEEP, BitWidths.INT8,
			Pruning.NONE);

	/**
	 * The base values written in the network. Kernel, expansion and depth are the common value of the subgraph's
	 * MBConvs when they all agree (so the choice prints meaningfully), otherwise {@link #KEEP}.
	 */
	public static SubgraphChoice base(SubgraphSpec spec) {
		return new SubgraphChoice(common(spec, MBConv::kernel), commonExpansion(spec), 1.0,
				common(spec, MBConv::repeat), BitWidths.INT8, Pruning.NONE);
	}

	/** The common expansion of the MBConvs when all agree and it is a whole number, else {@link #KEEP}. */
	private static int commonExpansion(SubgraphSpec spec) {
		boolean fractional = spec.ops().stream()
				.anyMatch(op -> op instanceof MBConv mb && mb.expansion() != Math.rint(mb.expansion()));
		return fractional ? KEEP : common(spec, mb -> (int) mb.expansion());
	}

	private static int common(SubgraphSpec spec, ToIntFunction<MBConv> value) {
		int found = KEEP;
		for (OpSpec op : spec.ops()) {
			if (op instanceof MBConv mb) {
				int v = value.applyAsInt(mb);
				if (found != KEEP && found != v) {
					return KEEP;
				}
				found = v;
			}
		}
		return found;
	}

	public SubgraphChoice withBits(BitWidths newBits) {
		return new SubgraphChoice(kernel, expansion, widthMultiplier, depth, newBits, pruning, opPruning, opBits);
	}

	public SubgraphChoice withPruning(Pruning newPruning) {
		return new SubgraphChoice(kernel, expansion, widthMultiplier, depth, bits, newPruning, opPruning, opBits);
	}

	public SubgraphChoice withOpPruning(Map<String, Pruning> newOpPruning) {
		return new SubgraphChoice(kernel, expansion, widthMultiplier, depth, bits, pruning, newOpPruning, opBits);
	}

	int kernelFor(MBConv op) {
		return kernel == KEEP ? op.kernel() : kernel;
	}

	double expansionFor(MBConv op) {
		return expansion == KEEP ? op.expansion() : expansion;
	}

	int depthFor(MBConv op) {
		return depth == KEEP ? op.repeat() : depth;
	}
}
