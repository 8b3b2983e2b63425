package org.hao.engine.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.NetworkGraph;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Padding;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.SeReference;
import org.hao.engine.model.Shape;
import org.hao.engine.model.Shuffle;
import org.hao.engine.model.Split;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.junit.jupiter.api.Test;

/**
 * Graph networks: named inputs, projection shortcuts, concat, split, shuffle, groups, padding, ceil-mode pooling and
 * dilation. Expected figures are PyTorch's (torchvision definitions; the MACs and output sizes by hand from
 * nn.Conv2d's formula out = floor((in + 2p - d (k - 1) - 1) / s) + 1).
 */
class GraphNetworkTest {

	static NetworkSpec net(Shape input, OpSpec... ops) {
		return new NetworkSpec("n", input,
				List.of(new SubgraphSpec("g", ExecutionMode.SEQUENTIAL, List.of(ops), SubgraphSpace.NONE)));
	}

	static Conv conv(String name, int out, int k, int s, int pad, String... inputs) {
		return new Conv(name, out, k, s, 1, 1, Padding.of(pad), Activation.RELU, List.of(inputs));
	}

	static Layer layer(ExpandedNetwork n, String name) {
		return n.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
	}

	/** torchvision resnet18 layer2.0: 64x56x56 -> 128x28x28 with a 1x1 stride-2 projection shortcut. */
	@Test
	void resNetProjectionShortcutReadsTheBlockInput() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(64, 56, 56), conv("c1", 128, 3, 2, 1),
				conv("c2", 128, 3, 1, 1), conv("down", 128, 1, 2, 0, OpSpec.NETWORK_INPUT),
				new Add("sum", null, Activation.RELU, List.of("c2", "down"))));
		Layer down = layer(n, "down");
		assertEquals(List.of("input"), down.inputs());
		assertEquals(new Shape(128, 28, 28), new Shape(down.outChannels(), down.outHeight(), down.outWidth()));
		assertEquals(28L * 28 * 64 * 128, down.macs()); // 6,422,528 as PyTorch's hooks count
		assertEquals(64L * 128, down.weights());
		assertEquals(28L * 28 * 9 * 64 * 128, layer(n, "c1").macs());
		Layer sum = layer(n, "sum");
		assertEquals(List.of("c2", "down"), sum.inputs());
		assertEquals(2 * 128L * 28 * 28, sum.allInputActivations());
		assertEquals(new Shape(128, 28, 28), n.output());
	}

	@Test
	void mismatchedAddNamesBothInputs() {
		NetworkSpec bad = net(new Shape(64, 56, 56), conv("c1", 128, 3, 2, 1), conv("c2", 128, 3, 1, 1),
				conv("down", 64, 1, 2, 0, "input"), new Add("sum", null, Activation.NONE, List.of("c2", "down")));
		ShapeException e = assertThrows(ShapeException.class, () -> NetworkExpander.expand(bad));
		assertEquals("sum", e.opName());
		assertTrue(e.getMessage().contains("'c2' with shape 128x28x28")
				&& e.getMessage().contains("'down' with shape 64x28x28"), e.getMessage());
	}

	/** torchvision squeezenet1_1: valid stem, ceil-mode pool, fire module with a concat of two branches. */
	@Test
	void squeezeNetStemPoolAndFireModule() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(3, 224, 224),
				new Conv("conv1", 64, 3, 2, 1, 1, Padding.VALID, Activation.RELU, List.of()),
				new Pool("pool1", PoolKind.MAX, 3, 2, false, Padding.VALID, true, List.of()),
				new Pointwise("squeeze", 16), new Pointwise("e1", 64), conv("e3", 64, 3, 1, 1, "squeeze"),
				new Concat("fire2", List.of("e1", "e3"))));
		assertEquals(111, layer(n, "conv1").outHeight()); // PyTorch: (224 - 3) / 2 + 1
		assertEquals(55, layer(n, "pool1").outHeight()); // ceil((111 - 3) / 2) + 1
		Layer cat = layer(n, "fire2");
		assertEquals(LayerKind.CONCAT, cat.kind());
		assertEquals(List.of("e1", "e3"), cat.inputs());
		assertEquals(new Shape(128, 55, 55), n.output());
		assertEquals(0, cat.macs());
		assertEquals(55L * 55 * 9 * 16 * 64, layer(n, "e3").macs());
	}

	@Test
	void ceilModeDropsAWindowStartingInThePadding() {
		// 4 -> kernel 2 stride 2 pad 1 ceil: PyTorch gives 3 (not 4: the 4th window would start in the padding)
		ExpandedNetwork n = NetworkExpander.expand(
				net(new Shape(8, 4, 4), new Pool("p", PoolKind.MAX, 2, 2, false, Padding.of(1), true, List.of())));
		assertEquals(3, n.output().height());
	}

	@Test
	void mismatchedConcatNamesBothInputs() {
		NetworkSpec bad = net(new Shape(16, 32, 32), conv("a", 8, 3, 1, 1), conv("b", 8, 3, 2, 1, "input"),
				new Concat("cat", List.of("a", "b")));
		ShapeException e = assertThrows(ShapeException.class, () -> NetworkExpander.expand(bad));
		assertEquals("concat 'cat' of 'a' with shape 8x32x32 and 'b' with shape 8x16x16: heights and widths must be"
				+ " equal", e.getMessage());
	}

	/** RegNet's grouped 3x3: 4 groups cost a quarter of the dense MACs and weights. */
	@Test
	void groupedConvolutionCountsOneGroupPerOutput() {
		ExpandedNetwork n = NetworkExpander.expand(
				net(new Shape(64, 28, 28), new Conv("g", 64, 3, 1, 4, 1, Padding.of(1), Activation.RELU, List.of())));
		Layer g = layer(n, "g");
		assertEquals(28L * 28 * 9 * 16 * 64, g.macs());
		assertEquals(9L * 16 * 64, g.weights());
		assertThrows(ShapeException.class, () -> NetworkExpander.expand(
				net(new Shape(64, 28, 28), new Conv("g", 66, 3, 1, 4, 1, Padding.of(1), Activation.RELU, List.of()))));
	}

	@Test
	void dilationWidensTheWindow() {
		// DeepLab-style 3x3 dilation 2 padding 2 keeps 33 -> 33; without padding 33 - 4 = 29
		ExpandedNetwork same = NetworkExpander.expand(
				net(new Shape(8, 33, 33), new Conv("d", 8, 3, 1, 1, 2, Padding.of(2), Activation.RELU, List.of())));
		assertEquals(33, same.output().height());
		ExpandedNetwork valid = NetworkExpander.expand(
				net(new Shape(8, 33, 33), new Conv("d", 8, 3, 1, 1, 2, Padding.VALID, Activation.RELU, List.of())));
		assertEquals(29, valid.output().height());
		assertEquals(5, valid.layers().get(0).effectiveKernel());
	}

	/** ShuffleNetV2 unit (stride 1): split, a branch on one half, concat, shuffle. */
	@Test
	void shuffleNetUnitSplitsAndShuffles() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(116, 28, 28), new Split("left", 1, 2, List.of()),
				new Split("right", 2, 2, List.of("input")), new Pointwise("pw1", 58), conv("dw_as_conv", 58, 3, 1, 1),
				new Pointwise("pw2", 58), new Concat("cat", List.of("left", "pw2")),
				new Shuffle("shuffle", 2, List.of())));
		assertEquals(58, layer(n, "left").outChannels());
		assertEquals(List.of("right"), layer(n, "pw1").inputs());
		assertEquals(new Shape(116, 28, 28), n.output());
		assertEquals(List.of(), NetworkGraph.unusedOps(n.spec()));
		assertThrows(ShapeException.class,
				() -> NetworkExpander.expand(net(new Shape(115, 8, 8), new Split("s", 1, 2, List.of()))));
	}

	@Test
	void cycleIsNamedOpByOp() {
		NetworkSpec cyclic = net(new Shape(8, 8, 8), conv("a", 8, 1, 1, 0, "b"), conv("b", 8, 1, 1, 0, "a"));
		ShapeException e = assertThrows(ShapeException.class, () -> NetworkExpander.expand(cyclic));
		assertEquals("a", e.opName());
		assertTrue(e.getMessage().contains("cycle a -> b -> a"), e.getMessage());
		assertEquals(List.of("a", "b", "a"), NetworkGraph.cycleThrough(cyclic, "a"));
	}

	@Test
	void laterButAcyclicReferenceIsAnOrderError() {
		NetworkSpec late = net(new Shape(8, 8, 8), conv("a", 8, 1, 1, 0, "b"), conv("b", 8, 1, 1, 0, "input"));
		ShapeException e = assertThrows(ShapeException.class, () -> NetworkExpander.expand(late));
		assertTrue(e.getMessage().contains("which comes later"), e.getMessage());
		assertFalse(e.getMessage().contains("cycle"), e.getMessage());
	}

	@Test
	void deadBranchIsReported() {
		NetworkSpec dead = net(new Shape(8, 8, 8), conv("a", 8, 1, 1, 0), conv("unused", 8, 3, 1, 1),
				conv("b", 8, 1, 1, 0, "a"));
		assertEquals(List.of("unused"), NetworkGraph.unusedOps(dead));
	}

	/** MnasNet-A1 / EfficientNet: hidden = block input x 0.25; MobileNetV3: make_divisible(expanded / 4). */
	@Test
	void squeezeExciteWidthFollowsItsReference() {
		ExpandedNetwork mnas = NetworkExpander.expand(net(new Shape(40, 28, 28),
				new MBConv("b", 6, 5, 1, 40, true, 1, 0.25, SeReference.BLOCK_INPUT, Activation.RELU, List.of())));
		assertEquals(10, layer(mnas, "b.se").squeezeChannels());
		ExpandedNetwork v3 = NetworkExpander.expand(net(new Shape(40, 28, 28),
				new MBConv("b", 3, 5, 1, 40, true, 1, 0.25, SeReference.EXPANDED, Activation.HSWISH, List.of())));
		assertEquals(32, layer(v3, "b.se").squeezeChannels()); // torchvision: _make_divisible(120 // 4, 8) = 32
		assertEquals(Activation.HSWISH, layer(v3, "b.dw").activation());
		assertEquals(Activation.NONE, layer(v3, "b.project").activation());
	}

	/** MobileNetV3-Large's 80 -> 184 block: a decimal expansion ratio of 2.3. */
	@Test
	void decimalExpansionRatio() {
		ExpandedNetwork n = NetworkExpander.expand(net(new Shape(80, 14, 14),
				new MBConv("b", 2.3, 3, 1, 80, false, 1, 0.25, SeReference.BLOCK_INPUT, Activation.HSWISH, List.of())));
		assertEquals(184, layer(n, "b.expand").outChannels());
	}
}
