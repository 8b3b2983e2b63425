package org.hao.engine.tests.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * Seeded random networks that are valid by construction (strides only while the feature map is large enough), small
 * enough that a search with real SCIP takes well under a second, with a small search space per subgraph.
 */
public final class RandomNetworks {
	private RandomNetworks() {
	}

	public static NetworkSpec network(long seed) {
		Random r = new Random(seed);
		int size = 16 << r.nextInt(3); // 16, 32, 64
		int channels = 1 + r.nextInt(4);
		List<SubgraphSpec> subgraphs = new ArrayList<>();
		int nsg = 1 + r.nextInt(3);
		int op = 0;
		for (int s = 0; s < nsg; s++) {
			List<OpSpec> ops = new ArrayList<>();
			int nops = 1 + r.nextInt(3);
			for (int i = 0; i < nops; i++) {
				int stride = size >= 8 && r.nextBoolean() ? 2 : 1;
				int kernel = 1 + 2 * r.nextInt(3); // 1, 3, 5
				int out = 8 * (1 + r.nextInt(8));
				String name = "op" + op++;
				ops.add(switch (r.nextInt(4)) {
					case 0 -> new Conv(name, out, kernel, stride);
					case 1 -> new Pointwise(name, out);
					case 2 -> new Depthwise(name, Math.max(3, kernel), stride);
					default -> new MBConv(name, 1 + r.nextInt(6), Math.max(3, kernel), stride, out, r.nextBoolean(),
							1 + r.nextInt(2));
				});
				size = (size + stride - 1) / stride;
			}
			subgraphs.add(new SubgraphSpec("s" + s,
					r.nextBoolean() ? ExecutionMode.PIPELINED : ExecutionMode.SEQUENTIAL, ops, space(r)));
		}
		if (r.nextBoolean()) {
			subgraphs.add(new SubgraphSpec("head", ExecutionMode.SEQUENTIAL,
					List.of(new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 10 + r.nextInt(1000))),
					SubgraphSpace.NONE));
		}
		return new NetworkSpec("random" + seed, new Shape(channels, size0(seed), size0(seed)), subgraphs);
	}

	/** The input size the generator started from (re-derived from the seed: the first draw). */
	private static int size0(long seed) {
		return 16 << new Random(seed).nextInt(3);
	}

	private static SubgraphSpace space(Random r) {
		List<BitWidths> bits = r.nextBoolean() ? List.of(new BitWidths(4, 8), BitWidths.INT8) : List.of();
		List<Pruning> prune = r.nextBoolean() ? List.of(Pruning.NONE, new Pruning(4, 4, 0.5)) : List.of();
		List<Double> widths = r.nextBoolean() ? List.of(0.5, 1.0) : List.of();
		return new SubgraphSpace(List.of(), List.of(), widths, List.of(), bits, prune);
	}
}
