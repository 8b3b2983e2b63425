package org.hao.engine.tests.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.HaoSearch;
import org.junit.jupiter.api.Test;

/** Block shape and ratio per layer (op): overrides the subgraph's pruning for that op, and is searched. */
class PerOpPruningTest {
	private static final Pruning HALF_8x8 = new Pruning(8, 8, 0.5);
	private static final Pruning QUARTER_16x4 = new Pruning(16, 4, 0.25);

	private static NetworkSpec net(SubgraphSpace space) {
		// 16x8x8 input; pointwise p1 16 -> 32; MBConv m1 (expand 2: 32 -> 64, dw, project 64 -> 32, residual add)
		return new NetworkSpec("n", new Shape(16, 8, 8), List.of(new SubgraphSpec("g", ExecutionMode.SEQUENTIAL,
				List.of(new Pointwise("p1", 32), new MBConv("m1", 2, 3, 1, 32, false, 1)), space)));
	}

	@Test
	void opPruningReplacesTheSubgraphPruningForThatOpOnly() {
		SubgraphChoice c = SubgraphChoice.KEEP_ALL.withPruning(QUARTER_16x4).withOpPruning(Map.of("p1", HALF_8x8));
		ExpandedSubgraph sg = NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", c)).subgraphs().get(0);
		Map<String, Pruning> byLayer = new java.util.LinkedHashMap<>();
		for (Layer l : sg.layers()) {
			byLayer.put(l.name(), l.pruning());
		}
		// p1 takes its own 8x8 @ 0.5; m1's expand and project take the subgraph's 16x4 @ 0.25; dw and add none
		assertEquals(HALF_8x8, byLayer.get("p1"));
		assertEquals(QUARTER_16x4, byLayer.get("m1.expand"));
		assertEquals(QUARTER_16x4, byLayer.get("m1.project"));
		assertEquals(Pruning.NONE, byLayer.get("m1.dw"));
		assertEquals(Pruning.NONE, byLayer.get("m1.add"));
		// p1: 64 pixels x 16 x 32 = 32,768 dense MACs, half pruned: 16,384; 512 weights -> 256
		Layer p1 = sg.layers().get(0);
		assertEquals(32_768, p1.denseMacs());
		assertEquals(16_384, p1.macs());
		assertEquals(256, p1.weights());
	}

	@Test
	void opPruningMustNameAnOpOfTheSubgraph() {
		SubgraphChoice c = SubgraphChoice.KEEP_ALL.withOpPruning(Map.of("nope", HALF_8x8));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> NetworkExpander.expand(net(SubgraphSpace.NONE), Map.of("g", c)));
		assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
	}

	@Test
	void searchEnumeratesEveryOpOptionTimesTheSubgraphOptions() {
		// subgraph pruning {none, 16x4@0.25} x p1 {none, 8x8@0.5} x m1 {8x8@0.5} = 2 x 2 x 1 = 4 choices
		SubgraphSpace space = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(Pruning.NONE, QUARTER_16x4),
				Map.of("p1", List.of(Pruning.NONE, HALF_8x8), "m1", List.of(HALF_8x8)));
		assertEquals(4, space.size());
		List<SubgraphChoice> choices = HaoSearch.enumerate(net(space).subgraphs().get(0), 1);
		assertEquals(4, choices.size());
		assertEquals(4, choices.stream().distinct().count());
		for (SubgraphChoice c : choices) {
			assertEquals(HALF_8x8, c.pruningFor("m1"));
			assertTrue(List.of(Pruning.NONE, HALF_8x8).contains(c.pruningFor("p1")));
		}
		assertTrue(choices.stream()
				.anyMatch(c -> c.pruningFor("p1").equals(HALF_8x8) && c.pruning().equals(QUARTER_16x4)));
	}
}
