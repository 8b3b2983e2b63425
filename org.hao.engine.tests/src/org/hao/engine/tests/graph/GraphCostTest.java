package org.hao.engine.tests.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hao.engine.cost.BranchBuffers;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.GpuCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SqueezeExcite;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.junit.jupiter.api.Test;

/** Costs of graph layers: every input is read, concat is free, branches are buffered, big layers are costable. */
class GraphCostTest {
	private static final Device GPU = new Device("GPU", DeviceKind.MOBILE_GPU, null,
			new GpuSpec(Map.of(8, 2000.0), 30.0, Map.of(LayerKind.CONV, 0.5, LayerKind.POINTWISE, 0.6), 0.0),
			new PowerModel(1, 1, 1));
	private final FpgaCostModel fpga = new FpgaCostModel(Devices.ZU3EG_HLS);

	private static NetworkSpec inception(ExecutionMode mode) {
		// Inception-style block: 1x1 branch, 1x1 -> 3x3 branch, concat
		return new NetworkSpec("inc", new Shape(64, 28, 28),
				List.of(new SubgraphSpec("block", mode,
						List.of(new Pointwise("b1", 32),
								new Pointwise("b2_reduce", 16, 1, Activation.RELU, List.of(OpSpec.NETWORK_INPUT)),
								GraphNetworkTest.conv("b2", 32, 3, 1, 1), GraphNetworkTest.conv("b3", 32, 5, 1, 2),
								new Concat("cat", List.of("b1", "b3"))),
						SubgraphSpace.NONE)));
	}

	/**
	 * Overlay: a branch output waits in the feature buffer while the other branch runs (b1 beside b2_reduce, b2 and
	 * b3 until the concat), so those layers keep their own input and output on chip only when they fit beside it.
	 */
	@Test
	void aWaitingBranchOccupiesTheOverlaysBuffer() {
		ExpandedNetwork n = NetworkExpander.expand(inception(ExecutionMode.SEQUENTIAL));
		long[] held = BranchBuffers.heldBytes(n.layers());
		long b1 = 32L * 28 * 28; // 8-bit activations
		assertArrayEquals(new long[]{0, b1, b1, b1, 0}, held, java.util.Arrays.toString(held));
		long[] chain = BranchBuffers.heldBytes(NetworkExpander.expand(new NetworkSpec("chain", new Shape(8, 4, 4),
				List.of(new SubgraphSpec("s", ExecutionMode.SEQUENTIAL,
						List.of(new Pointwise("a", 8), new Pointwise("b", 8), new Pointwise("c", 8)),
						SubgraphSpace.NONE))))
				.layers());
		assertArrayEquals(new long[3], chain, "a chain holds nothing");
		// b3 (32x28x28 in and out = 50,176 B) fits a 64 KiB buffer alone, not beside b1 (25,088 B)
		Layer b3 = GraphNetworkTest.layer(n, "b3");
		org.hao.engine.cost.OverlayCostModel overlay = new org.hao.engine.cost.OverlayCostModel(Devices.ZU3EG_HLS,
				org.hao.engine.arch.OverlaySpec.FREE);
		long alone = overlay.ddrBytes(b3, 64, false, false, 0);
		long beside = overlay.ddrBytes(b3, 64, false, false, b1);
		assertEquals(5L * 5 * 32 * 32, alone, "weights only");
		assertEquals(alone + 2 * 32L * 28 * 28, beside, "input and output go through DDR");
	}

	@Test
	void concatMovesNothingAndItsConsumerReadsEveryInput() {
		ExpandedNetwork n = NetworkExpander.expand(inception(ExecutionMode.SEQUENTIAL));
		Layer cat = GraphNetworkTest.layer(n, "cat");
		LayerCost c = fpga.cost(cat, new ParallelismChoice(1, 1));
		assertEquals(0, c.latencyMs());
		assertEquals(0, c.ddrBytes());
		assertEquals(0, c.dsp() + c.bram18k() + c.lut());
		assertEquals(List.of(new ParallelismChoice(1, 1)), fpga.candidates(cat, 16));
		assertTrue(new GpuCostModel(GPU).cost(cat).latencyMs() > 0, "a GPU copies");
	}

	@Test
	void threeInputAddReadsAllThree() {
		NetworkSpec spec = new NetworkSpec("a", new Shape(8, 4, 4),
				List.of(new SubgraphSpec(
						"g", ExecutionMode.SEQUENTIAL, List.of(new Pointwise("a", 8), new Pointwise("b", 8),
								new Pointwise("c", 8), new Add("sum", null, Activation.NONE, List.of("a", "b", "c"))),
						SubgraphSpace.NONE)));
		Layer sum = GraphNetworkTest.layer(NetworkExpander.expand(spec), "sum");
		// 3 inputs + 1 output of 8x4x4 at 8 bit
		assertEquals(4 * 8 * 4 * 4, fpga.ddrBytes(sum, ExecutionMode.SEQUENTIAL));
		assertEquals(4 * 8 * 4 * 4, new GpuCostModel(GPU).ddrBytes(sum));
	}

	@Test
	void pipelinedBranchesKeepTheShortBranchInAFifo() {
		List<Layer> layers = NetworkExpander.expand(inception(ExecutionMode.PIPELINED)).layers();
		// b1 arrives after 1 row, b3 after b2_reduce (1) + b2 (2) + b3 (3) = 6 rows: b1 waits 5 rows of 32x28 bytes
		assertEquals(5 * 28 * 32 * 8 / 16384 + 1, BranchBuffers.fifoBram18k(layers));
		// the block reads its input once from DDR, although three layers read it
		assertEquals(1, BranchBuffers.externalInputs(layers).size());
		assertEquals(64L * 28 * 28 + 64L * 28 * 28, fpga.pipelineEdgeBytes(layers));
	}

	/**
	 * Two pipelined subgraphs; the second adds the first's output p2 and its middle output p1 (a shortcut that leaves
	 * the first subgraph from its middle), or p2 twice.
	 */
	private static NetworkSpec shortcutAcrossSubgraphs(String second) {
		return new NetworkSpec("x", new Shape(16, 32, 32), List.of(
				new SubgraphSpec("a", ExecutionMode.PIPELINED,
						List.of(new Pointwise("p1", 16), new Pointwise("p2", 16)), SubgraphSpace.NONE),
				new SubgraphSpec("b", ExecutionMode.PIPELINED,
						List.of(new Add("sum", null, Activation.NONE, List.of("p2", second)), new Pointwise("p3", 16)),
						SubgraphSpace.NONE)));
	}

	/**
	 * A pipelined subgraph's middle output read by a later subgraph outlives the subgraph: its writer stores it in DDR
	 * (16 x 32 x 32 bytes at 8 bit), besides the reader's load, in the cost model, the ILP and the search's costs.
	 */
	@Test
	void middleOutputReadByALaterSubgraphIsWrittenToDdr() {
		ExpandedNetwork shortcut = NetworkExpander.expand(shortcutAcrossSubgraphs("p1"));
		ExpandedNetwork plain = NetworkExpander.expand(shortcutAcrossSubgraphs("p2"));
		var a = shortcut.subgraph("a");
		assertEquals(List.of("p1"), a.liveOutputs().stream().map(Layer::name).toList());
		assertEquals(List.of(), plain.subgraph("a").liveOutputs());
		assertEquals(List.of(), shortcut.subgraph("b").liveOutputs());
		long tensor = 16L * 32 * 32;
		assertEquals(fpga.pipelineEdgeBytes(a.layers()) + tensor, fpga.pipelineEdgeBytes(a.layers(), a.liveOutputs()));
		// the reader loads both inputs from DDR either way
		assertEquals(2 * tensor + tensor, fpga.pipelineEdgeBytes(shortcut.subgraph("b").layers()));
		var evaluator = new org.hao.engine.search.SubgraphEvaluator(Devices.ZU3EG_HLS, null,
				new org.hao.engine.ilp.IlpCache());
		var withShortcut = evaluator.evaluate(a, () -> false);
		var without = evaluator.evaluate(plain.subgraph("a"), () -> false);
		assertTrue(withShortcut.ok() && without.ok());
		assertEquals(without.cost().ddrBytes() + tensor, withShortcut.cost().ddrBytes());
		assertTrue(withShortcut.cost().energyMj() > without.cost().energyMj());
	}

	/** VGG-16 fc6 (512x7x7 -> 4096) used to fail with "integer overflow" while costing over-budget candidates. */
	@Test
	void vggFc6IsCostable() {
		NetworkSpec vgg = new NetworkSpec("vgg_fc6", new Shape(512, 7, 7), List.of(new SubgraphSpec("fc6",
				ExecutionMode.SEQUENTIAL, List.of(new FullyConnected("fc6", 4096)), SubgraphSpace.NONE)));
		Layer fc6 = NetworkExpander.expand(vgg).layers().get(0);
		List<ParallelismChoice> candidates = fpga.candidates(fc6, 16);
		assertFalse(candidates.isEmpty());
		assertEquals(25088L * 4096, fpga.cost(fc6, new ParallelismChoice(1, 1)).cycles()); // about 103 M
		NetworkEstimate e = Estimator.estimate(vgg, Devices.ZU3EG_HLS);
		assertTrue(e.feasible(), e.findings().toString());
		assertTrue(e.latencyMs() > 0);
	}

	/**
	 * Regression (issue 11): squeeze-excite weights (two FCs, each weight used once per frame) were all kept on chip;
	 * they stream through a double-buffered tile like a fully connected layer of the same size.
	 */
	@Test
	void squeezeExciteWeightsStreamLikeAFullyConnectedLayer() {
		NetworkSpec spec = new NetworkSpec("se", new Shape(960, 7, 7), List.of(new SubgraphSpec("g",
				ExecutionMode.SEQUENTIAL, List.of(new SqueezeExcite("se", 240, List.of())), SubgraphSpace.NONE)));
		Layer se = NetworkExpander.expand(spec).layers().get(0);
		assertEquals(2L * 960 * 240, se.weights()); // 3.7 Mbit at 8 bit: 225 BRAM18K if kept
		ParallelismChoice p = new ParallelismChoice(1, 1);
		// tile: 2 x max(C, s) x PE weights = 15,360 bits -> 1 BRAM18K; plus the output row buffer
		assertTrue(fpga.bram18k(se, p) < 10, "BRAM18K " + fpga.bram18k(se, p));
	}

	@Test
	void hardSwishCostsLutsAndSigmoidATable() {
		NetworkSpec spec = new NetworkSpec("act", new Shape(16, 8, 8),
				List.of(new SubgraphSpec("g", ExecutionMode.SEQUENTIAL,
						List.of(new Pointwise("relu", 16), new Pointwise("hswish", 16, 1, Activation.HSWISH, List.of()),
								new Pointwise("sigmoid", 16, 1, Activation.SIGMOID, List.of())),
						SubgraphSpace.NONE)));
		List<Layer> l = NetworkExpander.expand(spec).layers();
		ParallelismChoice p = new ParallelismChoice(4, 4);
		assertEquals(fpga.lut(l.get(0), p) + 4 * FpgaCostModel.LUT_PER_HARD_ACTIVATION_LANE, fpga.lut(l.get(1), p));
		assertEquals(fpga.bram18k(l.get(0), p) + 2, fpga.bram18k(l.get(2), p));
		GpuCostModel gpu = new GpuCostModel(GPU);
		assertTrue(gpu.cost(l.get(1)).computeMs() > gpu.cost(l.get(0)).computeMs());
	}
}
