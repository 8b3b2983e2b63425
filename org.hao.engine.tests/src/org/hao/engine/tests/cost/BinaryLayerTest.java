package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.LutMacs;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.junit.jupiter.api.Test;

/**
 * Binary and ternary layers on FPGA layer engines (cost-model.md section 2, "Binary and ternary layers"): XNOR /
 * popcount MACs in LUTs by FINN-R's LUT model, no DSP, one MAC per lane per cycle.
 */
class BinaryLayerTest {
	private static final BitWidths W1A1 = new BitWidths(1, 1);
	private final FpgaCostModel fpga = new FpgaCostModel(Devices.ZU3EG_HLS);

	@Test
	void lutsPerLaneFollowFinnR() {
		// 1.1 x ((2 ceil((W+A)/6) - 1)(W+A) + 2(W+A)): W1A1 1.1 x (2 + 4); W1A2 1.1 x (3 + 6); W2A2 1.1 x (4 + 8)
		assertEquals(6.6, LutMacs.lutsPerLane(W1A1), 1e-12);
		assertEquals(9.9, LutMacs.lutsPerLane(new BitWidths(1, 2)), 1e-12);
		assertEquals(13.2, LutMacs.lutsPerLane(new BitWidths(2, 2)), 1e-12);
		assertTrue(LutMacs.inLuts(new BitWidths(2, 1)));
		assertFalse(LutMacs.inLuts(new BitWidths(2, 4)), "a 4-bit operand goes to the DSPs");
		assertFalse(LutMacs.inLuts(Layers.layer(LayerKind.POOL, 64, 64, 14, 7, 2, 2, W1A1, Pruning.NONE)),
				"pooling multiplies nothing");
	}

	@Test
	void binaryPointwiseWorkedExample() {
		// cost-model.md section 3, example 10: pointwise 144 -> 24 at 56 x 56, W1A1, PA = PE = 8, ZU3EG engine constant
		Layer b = Layers.layer(LayerKind.POINTWISE, 144, 24, 56, 56, 1, 1, W1A1, Pruning.NONE);
		ParallelismChoice p = new ParallelismChoice(8, 8);
		LayerCost c = fpga.cost(b, p);
		assertEquals(0, c.dsp(), "XNOR / popcount in LUTs");
		assertEquals(169_344, c.cycles(), "one MAC per lane per cycle, as a DSP lane");
		// 500 control + 64 lanes x (1 + 1 + ceil(log2 144) = 10) accumulator bits + 8 x 40 requantisation
		// + ceil(64 x 6.6 = 422.4) = 423 multiplier and adder-tree LUTs
		assertEquals(1_883, c.lut());
		LayerCost int8 = fpga.cost(Layers.pointwise(Pruning.NONE), p);
		assertEquals(32, int8.dsp());
		assertEquals(2_356, int8.lut()); // 500 + 64 x 24 + 320
		// DDR: 3,456 weight bits = 432 B, 451,584 input bits = 56,448 B, 75,264 output bits = 9,408 B
		assertEquals(66_288, c.ddrBytes());
		// energy (2 W, 2 pJ per 8-bit MAC, 40 pJ/B): 2 x 0.84672 + 10,838,016 x 2 pJ x 1/8 + 66,288 x 40 pJ
		assertEquals(1.69344 + 0.002709504 + 0.00265152, c.energyMj(), 1e-12);
		assertEquals(1.698801024, c.energyMj(), 1e-12);
	}

	@Test
	void binaryCandidatesGoBeyondTheDspPacking() {
		// 256 -> 256 pointwise at 14 x 14: the DSPs pack at most 306 x 4 = 1,224 lanes (4-bit entry); the LUTs hold
		// floor(59,976 / 6.6) = 9,087 binary lanes
		Layer b = Layers.layer(LayerKind.POINTWISE, 256, 256, 14, 14, 1, 1, W1A1, Pruning.NONE);
		assertEquals(9_087, LutMacs.maxLanes(Devices.ZU3EG_HLS.fpga(), W1A1));
		List<ParallelismChoice> cands = fpga.candidates(b, 16);
		int widest = 0;
		for (ParallelismChoice p : cands) {
			LayerCost c = fpga.cost(b, p);
			assertEquals(0, c.dsp(), p.toString());
			assertTrue(c.lut() <= Devices.ZU3EG_HLS.fpga().usableLut(), p + " needs " + c.lut() + " LUT");
			widest = Math.max(widest, p.lanes());
		}
		assertTrue(widest > 1_224 && widest <= 9_087, "widest candidate " + widest);
	}
}
