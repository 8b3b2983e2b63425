package org.hao.engine.tests.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.HaoSearch;
import org.junit.jupiter.api.Test;

/** Mixed precision inside a subgraph: bit-widths per layer (op) override the subgraph's, and are searched. */
class PerOpBitsTest {
	private static final BitWidths W4A8 = new BitWidths(4, 8);
	private static final BitWidths W16A16 = new BitWidths(16, 16);

	private static NetworkSpec net(SubgraphSpace space) {
		// 16x8x8 input; pointwise p1 16 -> 32; MBConv m1 (expand 2: 32 -> 64, dw, project 64 -> 32, residual add)
		return new NetworkSpec("n", new Shape(16, 8, 8), List.of(new SubgraphSpec("g", ExecutionMode.SEQUENTIAL,
				List.of(new Pointwise("p1", 32), new MBConv("m1", 2, 3, 1, 32, false, 1)), space)));
	}

	@Test
	void opBitsReplaceTheSubgraphBitsForEveryLayerOfThatOpOnly() {
		SubgraphChoice c = new SubgraphChoice(SubgraphChoice.KEEP, SubgraphChoice.KEEP, 1.0, SubgraphChoice.KEEP,
				W16A16, org.hao.engine.model.Pruning.NONE, Map.of(), Map.of("m1", W4A8));
		ExpandedSubgraph sg = NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", c)).subgraphs().get(0);
		Map<String, BitWidths> byLayer = new LinkedHashMap<>();
		for (Layer l : sg.layers()) {
			byLayer.put(l.name(), l.bits());
		}
		assertEquals(W16A16, byLayer.get("p1"));
		for (String layer : List.of("m1.expand", "m1.dw", "m1.project", "m1.add")) {
			assertEquals(W4A8, byLayer.get(layer), layer);
		}
	}

	@Test
	void theCostModelSeesEachLayersOwnPacking() {
		// ZU3EG packs {16:1, 8:2, 4:4}: p1 with 32 lanes needs 32 DSP at 16 bit, 16 at W8A8 (operands 8 bit)
		SubgraphChoice wide = SubgraphChoice.KEEP_ALL.withBits(W16A16);
		SubgraphChoice mixed = new SubgraphChoice(SubgraphChoice.KEEP, SubgraphChoice.KEEP, 1.0, SubgraphChoice.KEEP,
				W16A16, org.hao.engine.model.Pruning.NONE, Map.of(), Map.of("p1", BitWidths.INT8));
		FpgaCostModel model = new FpgaCostModel(Devices.ZU3EG_HLS);
		ParallelismChoice lanes = new ParallelismChoice(4, 8);
		Layer p1Wide = NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", wide)).subgraphs().get(0).layers()
				.get(0);
		Layer p1Mixed = NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", mixed)).subgraphs().get(0).layers()
				.get(0);
		assertEquals(32, model.cost(p1Wide, lanes).dsp());
		assertEquals(16, model.cost(p1Mixed, lanes).dsp());
	}

	@Test
	void opBitsMustNameAnOpOfTheSubgraph() {
		SubgraphChoice c = new SubgraphChoice(SubgraphChoice.KEEP, SubgraphChoice.KEEP, 1.0, SubgraphChoice.KEEP,
				BitWidths.INT8, org.hao.engine.model.Pruning.NONE, Map.of(), Map.of("nope", W4A8));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", c)));
		assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
	}

	@Test
	void searchEnumeratesEveryOpBitsOptionTimesTheSubgraphOptions() {
		// subgraph bits {W8A8, W16A16} x p1 {W4A8, W8A8} = 4 choices
		SubgraphSpace space = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(),
				List.of(BitWidths.INT8, W16A16), List.of(), Map.of(), Map.of("p1", List.of(W4A8, BitWidths.INT8)));
		assertEquals(4, space.size());
		List<SubgraphChoice> choices = HaoSearch.enumerate(net(space).subgraphs().get(0), 1);
		assertEquals(4, choices.stream().distinct().count());
		assertTrue(choices.stream().anyMatch(c -> c.bits().equals(W16A16) && c.bitsFor("p1").equals(W4A8)));
		assertTrue(choices.stream().allMatch(c -> c.bitsFor("m1").equals(c.bits())));
	}
}
