package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.bench.Examples;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.cost.SubgraphCost;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.BitWidths;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.junit.jupiter.api.Test;

/** The worked examples of cost-model.md on the fixture ZU3EG_HLS (200 MHz, 6.0 GB/s, packing {16:1, 8:2, 4:4}). */
class FpgaCostModelTest {
	private static final double EPS = 1e-9;
	private final FpgaCostModel model = new FpgaCostModel(Devices.ZU3EG_HLS);

	@Test
	void example1Conv() {
		LayerCost c = model.cost(Layers.conv(), new ParallelismChoice(3, 16));
		assertEquals(225_792, c.cycles()); // 112*112 * 9 * ceil(3/3) * ceil(32/16)
		assertEquals(10_838_016, c.macs());
		assertEquals(1.12896, c.computeMs(), EPS); // 225792 / 200e3
		assertEquals(552_800, c.ddrBytes()); // 864 weights + 150528 in + 401408 out
		assertEquals(0.0921333333333, c.memoryMs(), 1e-12);
		assertEquals(1.12896, c.latencyMs(), EPS); // compute-bound
		assertEquals(24, c.dsp()); // 48 lanes / 2 per DSP
		assertEquals(11 + 3 + 4, c.bram18k()); // weights 11 (port), line 3 x 1, output 4
		assertEquals(2148, c.lut()); // 500 + 48*21 + 16*40
		assertEquals(2.301708032, c.energyMj(), EPS);
	}

	@Test
	void example2Depthwise() {
		LayerCost c = model.cost(Layers.depthwise(), new ParallelismChoice(1, 16));
		assertEquals(169_344, c.cycles()); // 56*56 * 9 * ceil(96/16)
		assertEquals(0.84672, c.computeMs(), EPS);
		assertEquals(1_506_144, c.ddrBytes());
		assertEquals(0.251024, c.memoryMs(), EPS);
		assertEquals(8, c.dsp());
		assertEquals(4 + 18 + 6, c.bram18k());
		assertEquals(1460, c.lut());
		assertThrows(IllegalArgumentException.class,
				() -> model.cost(Layers.depthwise(), new ParallelismChoice(2, 16)));
	}

	@Test
	void example3PointwiseDenseAndBlockPruned() {
		ParallelismChoice p = new ParallelismChoice(8, 8);
		LayerCost dense = model.cost(Layers.pointwise(Pruning.NONE), p);
		assertEquals(169_344, dense.cycles()); // 3136 * 18 * 3
		assertEquals(32, dense.dsp());

		// 8x8 blocks align with PA = PE = 8: half the blocks -> half the tiles skipped.
		Layer aligned = Layers.pointwise(new Pruning(8, 8, 0.5));
		LayerCost a = model.cost(aligned, p);
		assertEquals(84_672, a.cycles());
		assertEquals(5_419_008, a.macs());
		assertEquals(528_576, a.ddrBytes()); // 1728 kept weights + 451584 in + 75264 out
		assertEquals(1.0, model.skippedFraction(aligned, p) / 0.5, EPS);

		// 4x4 blocks: every 8x8 tile overlaps 2x2 blocks, skipped only if all four are pruned: 0.5^4.
		LayerCost small = model.cost(Layers.pointwise(new Pruning(4, 4, 0.5)), p);
		assertEquals(158_760, small.cycles()); // 169344 * (1 - 0.0625)
		assertEquals(10_160_640, small.macs());

		// 12-row blocks against 8 input lanes: tile rows overlap 1,2,1 blocks (period 24): 12 tiles x1, 6 tiles x2.
		Layer straddling = Layers.pointwise(new Pruning(12, 8, 0.5));
		assertEquals(5.0 / 12, model.skippedFraction(straddling, p), EPS); // (36*0.5 + 18*0.25) / 54
		assertEquals(98_784, model.cost(straddling, p).cycles());
	}

	@Test
	void example4FullyConnectedIsMemoryBound() {
		LayerCost c = model.cost(Layers.fullyConnected(), new ParallelismChoice(16, 8));
		assertEquals(10_000, c.cycles()); // 80 * 125
		assertEquals(0.05, c.computeMs(), EPS);
		assertEquals(1_282_280, c.ddrBytes());
		assertEquals(0.2137133333333, c.latencyMs(), 1e-12); // memory-bound
		assertEquals(64, c.dsp());
		assertEquals(29 + 0 + 2, c.bram18k()); // streamed weight tile: port-bound 1024/36
		assertEquals(4276, c.lut());
	}

	@Test
	void example5SqueezeExcite() {
		LayerCost c = model.cost(Layers.squeezeExcite(), new ParallelismChoice(4, 8));
		assertEquals(4_848, c.cycles()); // 24*3 + 6*12 + 2*196*12
		assertEquals(4_608, c.macs()); // 2 * 96 * 24
		assertEquals(16, c.dsp());
	}

	@Test
	void example6GlobalPoolUsesNoDsp() {
		LayerCost c = model.cost(Layers.globalPool(), new ParallelismChoice(1, 16));
		assertEquals(3_920, c.cycles()); // 1 * 49 * 80
		assertEquals(0, c.dsp());
		assertEquals(0, c.macs());
		assertEquals(4, c.bram18k()); // output buffer only
		assertEquals(1364, c.lut()); // 500 + 16*14 + 16*40
	}

	@Test
	void example7AddReadsTwoInputs() {
		LayerCost c = model.cost(Layers.add(), new ParallelismChoice(1, 8));
		assertEquals(9_408, c.cycles());
		assertEquals(225_792, c.ddrBytes());
		assertEquals(0.04704, c.latencyMs(), EPS);
		assertEquals(892, c.lut());
		assertEquals(2, c.bram18k());
	}

	@Test
	void fourBitPacksTwiceAsManyMacsPerDsp() {
		Layer w4 = Layers.layer(LayerKind.POINTWISE, 144, 24, 56, 56, 1, 1, new BitWidths(4, 4), Pruning.NONE);
		Layer w4a8 = Layers.layer(LayerKind.POINTWISE, 144, 24, 56, 56, 1, 1, new BitWidths(4, 8), Pruning.NONE);
		ParallelismChoice p = new ParallelismChoice(8, 8);
		assertEquals(16, model.cost(w4, p).dsp()); // 64 / 4
		assertEquals(32, model.cost(w4a8, p).dsp()); // widest operand 8 bit -> 64 / 2
		assertEquals(1728 + 263_424, model.cost(w4, p).ddrBytes()); // half the bytes of example 3 + weights/2
	}

	@Test
	void latencyIsNonIncreasingInParallelism() {
		for (Layer l : List.of(Layers.conv(), Layers.pointwise(Pruning.NONE), Layers.pointwise(new Pruning(4, 4, 0.7)),
				Layers.fullyConnected(), Layers.squeezeExcite())) {
			for (int pa = 1; pa <= 64; pa *= 2) {
				double previous = Double.MAX_VALUE;
				for (int pe = 1; pe <= 64; pe *= 2) {
					double latency = model.cost(l, new ParallelismChoice(pa, pe)).latencyMs();
					assertTrue(latency <= previous + 1e-12, l + " pa " + pa + " pe " + pe);
					previous = latency;
				}
			}
		}
		double previous = Double.MAX_VALUE;
		for (int pe = 1; pe <= 96; pe++) {
			double latency = model.cost(Layers.depthwise(), new ParallelismChoice(1, pe)).latencyMs();
			assertTrue(latency <= previous + 1e-12, "depthwise pe " + pe);
			previous = latency;
		}
		// and strictly faster somewhere, so the loop above is not vacuous
		assertTrue(model.cost(Layers.conv(), new ParallelismChoice(1, 1)).latencyMs() > model
				.cost(Layers.conv(), new ParallelismChoice(3, 32)).latencyMs());
	}

	@Test
	void candidatesAreCappedSortedAndNonDominated() {
		Layer pw = Layers.pointwise(Pruning.NONE);
		List<ParallelismChoice> all = model.candidates(pw, 12);
		List<ParallelismChoice> candidates = all.stream().filter(p -> !p.streamWeights()).toList();
		assertTrue(candidates.size() <= 12 && candidates.size() >= 8, candidates.toString());
		assertEquals(new ParallelismChoice(1, 1), candidates.get(0));
		long lastCycles = Long.MAX_VALUE;
		int lastDsp = -1;
		for (ParallelismChoice p : candidates) {
			LayerCost c = model.cost(pw, p);
			assertTrue(c.dsp() >= lastDsp, "sorted by DSP: " + candidates);
			assertTrue(c.cycles() < lastCycles, "each candidate strictly faster: " + candidates);
			assertTrue(c.dsp() <= Devices.ZU3EG_HLS.fpga().usableDsp());
			assertEquals(0, ceilWaste(144, p.pa()), "no input lanes wasting a pass: " + p);
			assertEquals(0, ceilWaste(24, p.pe()), "no output lanes wasting a pass: " + p);
			lastCycles = c.cycles();
			lastDsp = c.dsp();
		}
		// streamed twins: the same lanes as an on-chip candidate, and only where streaming saves BRAM18K
		for (ParallelismChoice s : all.stream().filter(ParallelismChoice::streamWeights).toList()) {
			ParallelismChoice onChip = new ParallelismChoice(s.pa(), s.pe());
			assertTrue(candidates.contains(onChip), s.toString());
			assertTrue(model.bram18k(pw, s) < model.bram18k(pw, onChip), s.toString());
		}
		// the fastest candidate needs no more than the usable DSPs: 306 DSP -> 612 lanes at 8 bit.
		ParallelismChoice fastest = candidates.get(candidates.size() - 1);
		assertTrue(fastest.lanes() <= 612 && fastest.lanes() >= 256, fastest.toString());
		List<ParallelismChoice> dw = model.candidates(Layers.depthwise(), 16).stream().filter(p -> !p.streamWeights())
				.toList();
		assertTrue(dw.stream().allMatch(p -> p.pa() == 1));
		assertEquals(new ParallelismChoice(1, 96), dw.get(dw.size() - 1));
		assertEquals(1, model.candidates(pw, 1).stream().filter(p -> !p.streamWeights()).count());
		// a layer used once per frame (FC) streams anyway: no twin
		assertTrue(model.candidates(Layers.fullyConnected(), 12).stream().noneMatch(ParallelismChoice::streamWeights));
	}

	/**
	 * Example 9 of cost-model.md: weights on chip or streamed, 960 -> 160 pointwise on 7x7, INT8, pipelined.
	 * Weights 960*160 = 153,600 (1,228,800 bits).
	 */
	@Test
	void example9StreamedWeightsTradeBramForBandwidth() {
		Layer l = Layers.lateProjection();
		ParallelismChoice onChip = new ParallelismChoice(8, 8);
		ParallelismChoice streamed = onChip.streamed();
		// on chip: max(ceil(1,228,800 / 16384) = 75, ceil(64*8 / 36) = 15) = 75 weight BRAM18K
		// streamed: double-buffered tile of 960 x 8 weights: 2*7680*8 = 122,880 bits -> max(8, 15) = 15
		assertEquals(60, model.bram18k(l, onChip) - model.bram18k(l, streamed));
		LayerCost a = model.cost(l, onChip, ExecutionMode.PIPELINED);
		LayerCost b = model.cost(l, streamed, ExecutionMode.PIPELINED);
		assertEquals(153_600, a.ddrBytes()); // weights once per frame
		assertEquals(1_075_200, b.ddrBytes()); // once per output row: 153,600 * 7
		// cycles 49 * ceil(960/8) * ceil(160/8) = 117,600 -> 0.588 ms; streaming 1,075,200 B / 6.0 GB/s = 0.1792 ms
		assertEquals(0.588, a.latencyMs(), EPS);
		assertEquals(0.588, b.latencyMs(), EPS); // compute-bound at 64 lanes: streaming is free
		ParallelismChoice wide = new ParallelismChoice(16, 16);
		// 49 * 60 * 10 = 29,400 cycles = 0.147 ms < 0.1792 ms: at 256 lanes the weight stream is the bottleneck
		assertEquals(0.147, model.cost(l, wide, ExecutionMode.PIPELINED).latencyMs(), EPS);
		assertEquals(0.1792, model.cost(l, wide.streamed(), ExecutionMode.PIPELINED).latencyMs(), EPS);
		assertEquals(a.dsp(), b.dsp());
	}

	/** Lanes beyond the smallest count giving the same number of passes. */
	private static int ceilWaste(int channels, int lanes) {
		int passes = (channels + lanes - 1) / lanes;
		return lanes - (channels + passes - 1) / passes;
	}

	@Test
	void pipelinedSubgraphIsMaxStagePlusFillAndSequentialIsSum() {
		ExpandedNetwork n = NetworkExpander.expand(Examples.mobileNetV2Stages());
		List<Layer> s2 = n.subgraph("s2").layers(); // expand, dw s2, project, expand, dw, project, add
		List<ParallelismChoice> p = s2.stream().map(l -> l.kind() == LayerKind.DEPTHWISE || l.kind() == LayerKind.ADD
				? new ParallelismChoice(1, 8) : new ParallelismChoice(4, 8)).toList();
		SubgraphCost seq = model.subgraphCost(s2, p, ExecutionMode.SEQUENTIAL);
		double sum = 0;
		for (int i = 0; i < s2.size(); i++) {
			sum += model.cost(s2.get(i), p.get(i)).latencyMs();
		}
		assertEquals(sum, seq.latencyMs(), EPS);

		SubgraphCost pipe = model.subgraphCost(s2, p, ExecutionMode.PIPELINED);
		// Hand computation: stage cycles at 200 MHz.
		// 0 expand 16->96 @112: 12544*4*12 = 602112; 1 dw 96 s2 -> 56: 3136*9*12 = 338688;
		// 2 project 96->24 @56: 3136*24*3 = 225792; 3 expand 24->144: 3136*6*18 = 338688;
		// 4 dw 144: 3136*9*18 = 508032; 5 project 144->24: 3136*36*3 = 338688; 6 add: 3136*3 = 9408.
		long[] cycles = {602_112, 338_688, 225_792, 338_688, 508_032, 338_688, 9_408};
		// fill fractions ceil(k/2)/Hout: 1/112, 2/56, 1/56, 1/56, 2/56, 1/56, 1/56.
		double[] fill = {1.0 / 112, 2.0 / 56, 1.0 / 56, 1.0 / 56, 2.0 / 56, 1.0 / 56, 1.0 / 56};
		double expectedCycles = 602_112;
		for (int i = 0; i < cycles.length; i++) {
			expectedCycles += fill[i] * cycles[i];
		}
		assertEquals(expectedCycles / 200e3, pipe.latencyMs(), EPS);
		assertTrue(pipe.latencyMs() < seq.latencyMs());
		assertEquals(seq.dsp(), pipe.dsp());
		assertFalse(pipe.ddrBytes() >= seq.ddrBytes(), "pipelining keeps activations on chip");
	}
}
