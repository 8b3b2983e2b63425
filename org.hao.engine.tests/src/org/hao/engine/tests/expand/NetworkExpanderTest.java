package org.hao.engine.tests.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.Add;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.junit.jupiter.api.Test;

class NetworkExpanderTest {

	private static NetworkSpec net(Shape input, OpSpec... ops) {
		return new NetworkSpec("n", input,
				List.of(new SubgraphSpec("g", ExecutionMode.SEQUENTIAL, List.of(ops), SubgraphSpace.NONE)));
	}

	/**
	 * Published: 300M multiply-adds and 3.4M parameters (Sandler et al. 2018, Table 4); counters such as
	 * ptflops report 300.8M MACs. Our counts exclude batch norm and biases, and the pooling (no MACs); the weight
	 * count excludes the FC bias (1000) and BN parameters (about 34k), which the published 3.4M (torchvision:
	 * 3,504,872 with BN and biases) includes. Hence MACs within 1 % of 300M and weights between 3.40M and 3.50M.
	 */
	@Test
	void mobileNetV2MacsAndParamsMatchPublishedCounts() {
		ExpandedNetwork expanded = NetworkExpander.expand(Examples.mobileNetV2Stages());
		long macs = expanded.macs();
		long weights = expanded.weights();
		assertEquals(300e6, macs, 3e6, "MACs " + macs);
		assertTrue(weights > 3_400_000 && weights < 3_500_000, "weights " + weights);
		// Exact values of our conventions, computed layer by layer (see cost-model.md): fail on any drift.
		assertEquals(300_774_272L, macs);
		assertEquals(3_469_760L, weights);
		assertEquals(new Shape(1000, 1, 1), expanded.output());
	}

	@Test
	void mobileNetV2ShapesAndLayerStructure() {
		ExpandedNetwork expanded = NetworkExpander.expand(Examples.mobileNetV2Stages());
		assertEquals(new Shape(32, 112, 112), expanded.subgraph("stem").output());
		assertEquals(new Shape(16, 112, 112), expanded.subgraph("s1").output());
		assertEquals(new Shape(24, 56, 56), expanded.subgraph("s2").output());
		assertEquals(new Shape(32, 28, 28), expanded.subgraph("s3").output());
		assertEquals(new Shape(64, 14, 14), expanded.subgraph("s4").output());
		assertEquals(new Shape(96, 14, 14), expanded.subgraph("s5").output());
		assertEquals(new Shape(160, 7, 7), expanded.subgraph("s6").output());
		assertEquals(new Shape(320, 7, 7), expanded.subgraph("s7").output());
		// s1: t = 1 -> no expand layer, 32 -> 16 channels -> no residual add.
		assertEquals(List.of(LayerKind.DEPTHWISE, LayerKind.POINTWISE), kinds(expanded.subgraph("s1")));
		// s2: first repetition strided (no add), second has the residual add.
		assertEquals(List.of(LayerKind.POINTWISE, LayerKind.DEPTHWISE, LayerKind.POINTWISE, LayerKind.POINTWISE,
				LayerKind.DEPTHWISE, LayerKind.POINTWISE, LayerKind.ADD), kinds(expanded.subgraph("s2")));
		Layer dw = expanded.subgraph("s2").layers().get(1);
		assertEquals("b2.1.dw", dw.name());
		assertEquals(96, dw.inChannels());
		assertEquals(112, dw.inHeight());
		assertEquals(56, dw.outHeight());
		assertEquals(2, dw.stride());
		assertEquals(1, expanded.subgraph("s2").layers().get(4).stride());
		// 52 conv-like layers (1 + 17 dw + 16 expand + 17 project + conv_last) + 10 adds + pool + fc.
		assertEquals(64, expanded.layers().size());
		assertEquals(10, expanded.layers().stream().filter(l -> l.kind() == LayerKind.ADD).count());
	}

	private static List<LayerKind> kinds(ExpandedSubgraph s) {
		return s.layers().stream().map(Layer::kind).toList();
	}

	@Test
	void residualAddOfDifferentShapesNamesBothShapes() {
		NetworkSpec bad = net(new Shape(16, 32, 32), new Conv("c1", 16, 3, 1), new Conv("c2", 32, 3, 2),
				new Add("res", "c1"));
		ShapeException e = assertThrows(ShapeException.class, () -> NetworkExpander.expand(bad));
		assertEquals("res", e.opName());
		assertEquals("add 'res' of 'c2' with shape 32x16x16 and 'c1' with shape 16x32x32: shapes"
				+ " (channels x height x width) must be equal", e.getMessage());
	}

	@Test
	void absurdRepeatCountIsRefusedInsteadOfExhaustingMemory() {
		// 2^31 repetitions used to allocate layers until the JVM ran out of memory (found by the fuzz corpus)
		NetworkSpec endless = net(new Shape(16, 8, 8), new MBConv("m", 4, 3, 1, 16, false, Integer.MAX_VALUE));
		ShapeException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> assertThrows(ShapeException.class, () -> NetworkExpander.expand(endless)));
		assertEquals("m", e.opName());
		assertTrue(e.getMessage().contains("more than " + NetworkExpander.MAX_LAYERS + " layers"), e.getMessage());
	}

	@Test
	void residualAddOfEqualShapesBecomesAddLayer() {
		ExpandedNetwork ok = NetworkExpander.expand(
				net(new Shape(16, 32, 32), new Conv("c1", 16, 3, 1), new Conv("c2", 16, 3, 1), new Add("res", "c1")));
		Layer add = ok.layers().get(2);
		assertEquals(LayerKind.ADD, add.kind());
		assertEquals(16 * 32 * 32, add.elementOps());
	}

	@Test
	void unknownResidualSourceAndDuplicateNamesAreRejected() {
		ShapeException unknown = assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(8, 8, 8), new Add("res", "nowhere"))));
		assertEquals("res", unknown.opName());
		assertTrue(unknown.getMessage().contains("'nowhere'"), unknown.getMessage());
		ShapeException dup = assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(8, 8, 8), new Conv("c", 8, 3, 1), new Conv("c", 8, 3, 1))));
		assertTrue(dup.getMessage().startsWith("duplicate op name 'c'"), dup.getMessage());
	}

	@Test
	void strideLargerThanFeatureMapIsRejected() {
		ShapeException e = assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(8, 2, 2), new Depthwise("dw", 3, 4))));
		assertEquals("dw", e.opName());
		assertEquals("stride 4 is larger than the 2x2 feature map (input shape 8x2x2)", e.getMessage());
	}

	/** 1-D signals as 1 x N maps: a stride halves N and keeps the one row ('same' padding). */
	@Test
	void strideOnAOneRowMapKeepsTheRow() {
		assertEquals(new Shape(16, 1, 50),
				NetworkExpander.expand(net(new Shape(2, 1, 100), new Conv("c", 16, 3, 2))).output());
		assertEquals(new Shape(16, 1, 51),
				NetworkExpander.expand(net(new Shape(2, 1, 101), new Conv("c", 16, 3, 2))).output());
		assertEquals(new Shape(2, 1, 1),
				NetworkExpander.expand(net(new Shape(2, 1, 2), new Depthwise("dw", 3, 2))).output());
		assertEquals(new Shape(2, 25, 1),
				NetworkExpander.expand(net(new Shape(2, 50, 1), new Depthwise("dw", 3, 2))).output(),
				"N x 1 (column) maps too");
		assertEquals(new Shape(2, 1, 1),
				NetworkExpander.expand(net(new Shape(2, 1, 1), new Depthwise("dw", 3, 2))).output(),
				"1 x 1 stays 1 x 1");
		// neighbours that stay errors: the stride steps past a longer axis
		ShapeException e = assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(2, 1, 3), new Conv("c", 8, 3, 4))));
		assertEquals("stride 4 is larger than the 1x3 feature map (input shape 2x1x3)", e.getMessage());
		assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(2, 2, 100), new Conv("c", 8, 3, 4))));
	}

	@Test
	void samePaddingRoundsUp() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(3, 7, 9), new Conv("c", 8, 3, 2)));
		assertEquals(new Shape(8, 4, 5), n.output());
	}

	@Test
	void choiceSetsKernelExpansionDepthWidthBitsAndPruning() {
		NetworkSpec spec = Examples.mobileNetV2Stages();
		SubgraphChoice choice = new SubgraphChoice(5, 3, 0.5, 1, new BitWidths(4, 8), new Pruning(8, 8, 0.5));
		ExpandedSubgraph s3 = NetworkExpander.expand(spec, Map.of("s3", choice)).subgraph("s3");
		// width 0.5 of 32 -> 16; input 24 (s2 unchanged) x 3 = 72 hidden; one repetition.
		assertEquals(new Shape(16, 28, 28), s3.output());
		assertEquals(3, s3.layers().size());
		Layer expandLayer = s3.layers().get(0);
		Layer dw = s3.layers().get(1);
		assertEquals(72, expandLayer.outChannels());
		assertEquals(5, dw.kernel());
		assertEquals(new BitWidths(4, 8), dw.bits());
		assertEquals(Pruning.NONE, dw.pruning(), "depthwise has no weight matrix to prune");
		assertEquals(new Pruning(8, 8, 0.5), expandLayer.pruning());
		assertEquals(56 * 56 * 24 * 72, expandLayer.denseMacs());
		assertEquals(56 * 56 * 24 * 72 / 2, expandLayer.macs());
		// The next subgraph sees the narrower tensor.
		ExpandedSubgraph s4 = NetworkExpander.expand(spec, Map.of("s3", choice)).subgraph("s4");
		assertEquals(16, s4.input().channels());
	}

	@Test
	void widthMultiplierRoundsToMultiplesOfEight() {
		NetworkSpec spec = net(new Shape(3, 8, 8), new Conv("c", 24, 3, 1), new Pointwise("p", 100));
		SubgraphChoice w = new SubgraphChoice(0, 0, 0.35, 0, BitWidths.INT8, Pruning.NONE);
		List<Layer> layers = NetworkExpander.expand(spec, Map.of("g", w)).layers();
		assertEquals(8, layers.get(0).outChannels()); // 24 * 0.35 = 8.4 -> 8
		assertEquals(32, layers.get(1).outChannels()); // 35 -> 32 (>= 90 % of 35)
		SubgraphChoice w14 = new SubgraphChoice(0, 0, 1.4, 0, BitWidths.INT8, Pruning.NONE);
		assertEquals(144, NetworkExpander.expand(spec, Map.of("g", w14)).layers().get(1).outChannels()); // 140->144
	}

	@Test
	void squeezeExciteCountsItsTwoSmallFullyConnectedLayers() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(16, 14, 14), new MBConv("b", 6, 3, 1, 16, true, 1)));
		Layer se = n.layers().stream().filter(l -> l.kind() == LayerKind.SQUEEZE_EXCITE).findFirst().orElseThrow();
		assertEquals(96, se.inChannels());
		// default: a quarter of the block input (MnasNet / EfficientNet), not of the 96 expanded channels
		assertEquals(4, se.squeezeChannels());
		assertEquals(2 * 96 * 4, se.macs());
		assertEquals(2 * 96 * 4, se.weights());
		assertEquals(List.of(LayerKind.POINTWISE, LayerKind.DEPTHWISE, LayerKind.SQUEEZE_EXCITE, LayerKind.POINTWISE,
				LayerKind.ADD), n.layers().stream().map(Layer::kind).toList());
	}

	@Test
	void baseChoiceReadsTheWrittenValues() {
		SubgraphSpec s = Examples.mobileNetV2Stages().subgraphs().get(3);
		SubgraphChoice base = SubgraphChoice.base(s);
		assertEquals(3, base.kernel());
		assertEquals(6, base.expansion());
		assertEquals(3, base.depth());
		assertEquals(BitWidths.INT8, base.bits());
	}

	@Test
	void unknownSubgraphInChoicesIsRejected() {
		assertThrows(IllegalArgumentException.class,
				() -> NetworkExpander.expand(Examples.mobileNetV2Stages(), Map.of("nope", SubgraphChoice.KEEP_ALL)));
	}

	@Test
	void tenThousandLayerNetworkExpandsInLinearTime() {
		List<OpSpec> ops = new ArrayList<>();
		ops.add(new Conv("c0", 16, 3, 1));
		for (int i = 1; i < 5000; i++) {
			ops.add(new Conv("c" + i, 16, 3, 1));
			ops.add(new Add("a" + i, "c" + (i - 1)));
		}
		NetworkSpec spec = net(new Shape(16, 32, 32), ops.toArray(OpSpec[]::new));
		ExpandedNetwork n = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> NetworkExpander.expand(spec));
		assertEquals(9999, n.layers().size());
		assertEquals(5000L * 32 * 32 * 9 * 16 * 16, n.macs());
	}
}
