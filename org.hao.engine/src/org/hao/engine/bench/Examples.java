package org.hao.engine.bench;

import java.util.ArrayList;
import java.util.List;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/** Networks built in code for the benchmark and tests. */
public final class Examples {
	private Examples() {
	}

	/** MobileNetV2 stage table (Sandler et al. 2018, Table 2): t, c, n, s. */
	static final int[][] V2_STAGES = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
			{6, 160, 3, 2}, {6, 320, 1, 1}};

	/**
	 * MobileNetV2-1.0 at 224: stem, one PIPELINED subgraph per inverted-residual block (17), head (SEQUENTIAL).
	 *
	 * @param space the search space given to every stage with t = 6 (null = none)
	 */
	public static NetworkSpec mobileNetV2(SubgraphSpace space) {
		List<SubgraphSpec> sgs = new ArrayList<>();
		sgs.add(new SubgraphSpec("stem", ExecutionMode.SEQUENTIAL, List.of(new Conv("conv_stem", 32, 3, 2)),
				SubgraphSpace.NONE));
		for (int i = 0; i < V2_STAGES.length; i++) {
			int[] st = V2_STAGES[i];
			SubgraphSpace sp = space != null && st[0] == 6 ? space : SubgraphSpace.NONE;
			for (int b = 0; b < st[2]; b++) { // one inverted-residual block = one fused (pipelined) subgraph
				String n = (i + 1) + "_" + (b + 1);
				sgs.add(new SubgraphSpec("block" + n, ExecutionMode.PIPELINED,
						List.<OpSpec>of(new MBConv("mb" + n, st[0], 3, b == 0 ? st[3] : 1, st[1], false, 1)), sp));
			}
		}
		sgs.add(new SubgraphSpec(
				"head", ExecutionMode.SEQUENTIAL, List.of(new Pointwise("conv_head", 1280),
						new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)),
				SubgraphSpace.NONE));
		return new NetworkSpec("MobileNetV2-1.0", new Shape(3, 224, 224), sgs);
	}

	/** MobileNetV2's stage table (Sandler et al. 2018, Table 2), rows of t, c, n, s; a copy. */
	public static int[][] mobileNetV2Table() {
		int[][] copy = new int[V2_STAGES.length][];
		for (int i = 0; i < copy.length; i++) {
			copy[i] = V2_STAGES[i].clone();
		}
		return copy;
	}

	/**
	 * MobileNetV2-1.0 at 224 as torchvision builds it ({@code mobilenet_v2}), one PIPELINED subgraph per row of the
	 * stage table (an MBConv repeated n times), stem and head: the partition the expander and cost tests use.
	 */
	public static NetworkSpec mobileNetV2Stages() {
		List<SubgraphSpec> sgs = new ArrayList<>();
		sgs.add(pipelined("stem", new Conv("conv1", 32, 3, 2)));
		for (int i = 0; i < V2_STAGES.length; i++) {
			int[] b = V2_STAGES[i];
			sgs.add(pipelined("s" + (i + 1), new MBConv("b" + (i + 1), b[0], 3, b[3], b[1], false, b[2])));
		}
		sgs.add(pipelined("head", new Pointwise("conv_last", 1280), new Pool("avgpool", PoolKind.AVG, 0, 0, true),
				new FullyConnected("fc", 1000)));
		return new NetworkSpec("mobilenet_v2", new Shape(3, 224, 224), sgs);
	}

	private static SubgraphSpec pipelined(String name, OpSpec... ops) {
		return new SubgraphSpec(name, ExecutionMode.PIPELINED, List.of(ops), SubgraphSpace.NONE);
	}

	/** The benchmark's space per t=6 block: kernel {3,5} x expansion {4,6} x bits {W8A8, W4A4} = 8 choices. */
	public static SubgraphSpace benchSpace() {
		return new SubgraphSpace(List.of(3, 5), List.of(4, 6), List.of(), List.of(),
				List.of(BitWidths.INT8, new BitWidths(4, 4)), List.of());
	}

	/** A small network (3 searchable subgraphs) whose full cartesian product can be evaluated exactly. */
	public static NetworkSpec reduced() {
		SubgraphSpace sp = new SubgraphSpace(List.of(3, 5), List.of(3, 6), List.of(), List.of(),
				List.of(BitWidths.INT8, new BitWidths(4, 4)), List.of());
		List<SubgraphSpec> sgs = new ArrayList<>();
		sgs.add(new SubgraphSpec("stem", ExecutionMode.SEQUENTIAL, List.of(new Conv("conv_stem", 16, 3, 2)),
				SubgraphSpace.NONE));
		sgs.add(new SubgraphSpec("b1", ExecutionMode.PIPELINED,
				List.<OpSpec>of(new MBConv("m1", 6, 3, 2, 24, false, 2)), sp));
		sgs.add(new SubgraphSpec("b2", ExecutionMode.PIPELINED,
				List.<OpSpec>of(new MBConv("m2", 6, 3, 2, 40, false, 2)), sp));
		sgs.add(new SubgraphSpec("b3", ExecutionMode.SEQUENTIAL,
				List.<OpSpec>of(new MBConv("m3", 6, 3, 2, 80, false, 2)), sp));
		sgs.add(new SubgraphSpec(
				"head", ExecutionMode.SEQUENTIAL, List.of(new Pointwise("conv_head", 640),
						new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)),
				SubgraphSpace.NONE));
		return new NetworkSpec("reduced", new Shape(3, 128, 128), sgs);
	}
}
