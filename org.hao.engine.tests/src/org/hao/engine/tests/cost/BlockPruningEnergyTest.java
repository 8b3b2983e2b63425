package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.GpuCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.hao.engine.search.SubgraphEvaluator;
import org.junit.jupiter.api.Test;

/**
 * Block pruning and energy arithmetic against hand computation (cost-model.md sections 4-6), on the pointwise layer
 * of example 3: 144 -> 24 channels at 56 x 56, INT8, 10,838,016 dense MACs, 3,456 dense weights, 451,584 input and
 * 75,264 output activation bytes.
 */
class BlockPruningEnergyTest {
	private static final double EPS = 1e-12;
	private final FpgaCostModel fpga = new FpgaCostModel(Devices.ZU3EG_HLS);

	@Test
	void pruningShrinksMacsWeightsAndDdrTraffic() {
		// ratio 0.5: MACs 10,838,016 * 0.5 = 5,419,008; weights 3,456 * 0.5 = 1,728 (one byte each at INT8)
		Layer l = Layers.pointwise(new Pruning(8, 8, 0.5));
		assertEquals(10_838_016, l.denseMacs());
		assertEquals(5_419_008, l.macs());
		assertEquals(3_456, l.denseWeights());
		assertEquals(1_728, l.weights());
		// FPGA DDR (layer by layer): weights 1,728 + input 451,584 + output 75,264 = 528,576 B (dense: 530,304 B)
		assertEquals(528_576, fpga.ddrBytes(l, ExecutionMode.SEQUENTIAL));
		assertEquals(530_304, fpga.ddrBytes(Layers.pointwise(Pruning.NONE), ExecutionMode.SEQUENTIAL));
		// pipelined: only the weights travel: 1,728 B
		assertEquals(1_728, fpga.ddrBytes(l, ExecutionMode.PIPELINED));
	}

	@Test
	void fpgaEnergyOfAlignedAndMisalignedBlocks() {
		ParallelismChoice p = new ParallelismChoice(8, 8);
		// dense: 3136 * ceil(144/8) * ceil(24/8) = 3136 * 18 * 3 = 169,344 cycles / 200 MHz = 0.84672 ms
		// energy = 2 W * 0.84672 + 10,838,016 MACs * 2 pJ + 530,304 B * 40 pJ
		//        = 1.69344 + 0.021676032 + 0.02121216 = 1.736328192 mJ
		LayerCost dense = fpga.cost(Layers.pointwise(Pruning.NONE), p);
		assertEquals(0.84672, dense.latencyMs(), EPS);
		assertEquals(1.736328192, dense.energyMj(), EPS);
		// 8x8 blocks at ratio 0.5 line up with PA = PE = 8: every skipped tile is one pruned block, skipped = 0.5
		// cycles 84,672 (0.42336 ms), executed MACs 5,419,008, DDR 528,576 B
		// energy = 2 * 0.42336 + 5,419,008 * 2e-9 + 528,576 * 40e-9 = 0.84672 + 0.010838016 + 0.02114304 = 0.878701056
		LayerCost aligned = fpga.cost(Layers.pointwise(new Pruning(8, 8, 0.5)), p);
		assertEquals(84_672, aligned.cycles());
		assertEquals(5_419_008, aligned.macs());
		assertEquals(0.878701056, aligned.energyMj(), EPS);
		// 12x8 blocks straddle the 8-row tiles: skipped = 5/12 (cost-model.md example 3), cycles 169,344 * 7/12
		// = 98,784 (0.49392 ms), executed MACs round(10,838,016 * 7/12) = 6,322,176, DDR still 528,576 B
		// energy = 2 * 0.49392 + 6,322,176 * 2e-9 + 528,576 * 40e-9 = 0.98784 + 0.012644352 + 0.02114304 = 1.021627392
		LayerCost misaligned = fpga.cost(Layers.pointwise(new Pruning(12, 8, 0.5)), p);
		assertEquals(98_784, misaligned.cycles());
		assertEquals(6_322_176, misaligned.macs());
		assertEquals(1.021627392, misaligned.energyMj(), EPS);
	}

	@Test
	void gpuPruningGainGoesThroughTheCompilerEfficiency() {
		// example GPU, pruning efficiency 0.6: executed MACs = round(10,838,016 * (1 - 0.5 * 0.6)) = 7,586,611
		// latency = max(2 * 7,586,611 / 1.2e9 = 0.0126443517 ms, 528,576 B / 30e6 = 0.0176192 ms) = 0.0176192 ms
		// energy = 1 W * 0.0176192 + 7,586,611 * 1 pJ + 528,576 * 30 pJ = 0.0176192 + 0.007586611 + 0.01585728
		//        = 0.041063091 mJ (dense: 0.044810496 mJ)
		LayerCost c = new GpuCostModel(GpuCostModelTest.EXAMPLE_GPU).cost(Layers.pointwise(new Pruning(8, 8, 0.5)));
		assertEquals(7_586_611, c.macs());
		assertEquals(0.0176192, c.latencyMs(), EPS);
		assertEquals(0.041063091, c.energyMj(), EPS);
	}

	/** One SEQUENTIAL subgraph with a pointwise 16 -> 16 layer at 14 x 14 (INT8), expanded with {@code pruning}. */
	private static ExpandedSubgraph smallPointwise(Pruning pruning) {
		NetworkSpec net = new NetworkSpec("pw", new Shape(16, 14, 14), List.of(
				new SubgraphSpec("g", ExecutionMode.SEQUENTIAL, List.of(new Pointwise("pw", 16)), SubgraphSpace.NONE)));
		return NetworkExpander.expand(net, Map.of("g", SubgraphChoice.KEEP_ALL.withPruning(pruning))).subgraphs()
				.get(0);
	}

	@Test
	void theIlpSeesPrunedCycleCountsAndPicksTheAlignedParallelism() {
		// At most 8 DSP = 16 INT8 lanes. Dense, every 16-lane shape takes 196 * (16/PA) * (16/PE) = 3,136 cycles;
		// the ILP gets the cheapest in LUT, PA x PE = 16 x 1: 3,136 / 200 MHz = 0.01568 ms (memory: 6,400 B / 6 GB/s
		// = 0.00107 ms, not binding).
		// 4x4 blocks at ratio 0.5: a 4 x 4 tile is one block, skipped with p = 0.5 -> 1,568 cycles = 0.00784 ms;
		// the 16 x 1 tile overlaps 4 blocks, skipped with p = 0.5^4 = 0.0625 -> 3,136 * 0.9375 = 2,940 cycles.
		// 16x1 blocks are the mirror image: 16 x 1 is aligned (1,568 cycles), 4 x 4 overlaps 4 blocks.
		Constraints dspCap = new Constraints(null, null, 8, null, null, null, null);
		SubgraphEvaluator ev = new SubgraphEvaluator(Devices.ZU3EG_HLS, dspCap, new IlpCache());
		SubgraphEvaluator.Evaluation dense = ev.evaluate(smallPointwise(Pruning.NONE), () -> false);
		assertEquals(new ParallelismChoice(16, 1), dense.parallelism().get(0));
		assertEquals(0.01568, dense.cost().latencyMs(), EPS);
		SubgraphEvaluator.Evaluation square = ev.evaluate(smallPointwise(new Pruning(4, 4, 0.5)), () -> false);
		assertEquals(new ParallelismChoice(4, 4), square.parallelism().get(0));
		assertEquals(0.00784, square.cost().latencyMs(), EPS);
		assertEquals(0.0147, fpga.cost(square.subgraph().layers().get(0), new ParallelismChoice(16, 1)).latencyMs(),
				EPS, "the dense optimum would only skip 6.25 % of its tiles");
		SubgraphEvaluator.Evaluation column = ev.evaluate(smallPointwise(new Pruning(16, 1, 0.5)), () -> false);
		assertEquals(new ParallelismChoice(16, 1), column.parallelism().get(0));
		assertEquals(0.00784, column.cost().latencyMs(), EPS);
	}

	@Test
	void everyParetoPointReportsEnergyPerFrameAndFramesPerJoule() {
		// A one-layer network on the example GPU: the only point is the dense pointwise layer:
		// 0.01806336 ms (55,360.69 fps), 0.044810496 mJ per frame, 1000 / 0.044810496 = 22,316.2002 frames per joule
		NetworkSpec net = new NetworkSpec("pw", new Shape(144, 56, 56), List.of(
				new SubgraphSpec("g", ExecutionMode.SEQUENTIAL, List.of(new Pointwise("pw", 24)), SubgraphSpace.NONE)));
		SearchSpec spec = new SearchSpec("e", net, GpuCostModelTest.EXAMPLE_GPU, Objective.MIN_ENERGY, Constraints.NONE,
				null, 0, 30);
		SearchResult r = HaoSearch.run(spec, new SearchOptions(1, null), null, new CancelToken());
		assertEquals(1, r.points().size(), r.failures().toString());
		ParetoPoint p = r.points().get(0);
		assertEquals(0.01806336, p.latencyMs(), EPS);
		assertEquals(0.044810496, p.energyMj(), EPS);
		assertEquals(22_316.2002045, p.framesPerJoule(), 1e-6);
		assertNotNull(r.chosen());
		assertTrue(r.chosen().energyMj() > 0);
	}
}
