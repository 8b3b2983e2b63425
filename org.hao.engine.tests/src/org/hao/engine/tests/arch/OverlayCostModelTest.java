package org.hao.engine.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.ConvEngine;
import org.hao.engine.arch.DepthwiseEngine;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Overheads;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.junit.jupiter.api.Test;

/** The worked overlay examples of cost-model.md, section 6 (fixture device ZU3EG_HLS: 200 MHz, 6.0 GB/s). */
class OverlayCostModelTest {
	private static final Overheads O = new Overheads(786, 0.295, 0.5);
	private static final OverlayCostModel MODEL = new OverlayCostModel(Devices.ZU3EG_HLS,
			new OverlaySpec(null, null, null, null, 1, null, O, null));

	private static Layer layer(LayerKind k, int cin, int cout, int hin, int hout, int kernel, int stride) {
		return new Layer("l", "l", "s", k, cin, cout, hin, hin, hout, hout, kernel, stride, BitWidths.INT8,
				Pruning.NONE);
	}

	private static Accelerator acc(int pp, int icp, int ocp, int dpp, int dcp, int bufferKiB) {
		return MODEL.accelerator("overlay", new ConvEngine(pp, icp, ocp), new DepthwiseEngine(dpp, dcp), bufferKiB, 8);
	}

	/** Example 1: pointwise 144 -> 24 at 56 x 56 on conv 8 x 16 x 16, through DDR and with a 1 MiB buffer. */
	@Test
	void pointwiseThroughDdrAndOnChip() {
		Layer pw = layer(LayerKind.POINTWISE, 144, 24, 56, 56, 1, 1);
		assertEquals(7056, MODEL.computeCycles(pw, new ConvEngine(8, 16, 16), new DepthwiseEngine(8, 16)));
		LayerCost ddr = MODEL.cost(pw, acc(8, 16, 16, 8, 16, 0), false, false);
		assertEquals(530_304, ddr.ddrBytes());
		assertEquals(0.03528, ddr.computeMs(), 1e-12);
		assertEquals(530_304 / 1.77e6, ddr.memoryMs(), 1e-12);
		assertEquals(0.00393 + 530_304 / 1.77e6, ddr.latencyMs(), 1e-12);
		LayerCost onChip = MODEL.cost(pw, acc(8, 16, 16, 8, 16, 1024), false, false);
		assertEquals(3_456, onChip.ddrBytes());
		assertEquals(0.00393 + 0.03528, onChip.latencyMs(), 1e-12);
		// the network's first layer reads its input from DDR even when it would fit
		assertEquals(3_456 + 451_584, MODEL.cost(pw, acc(8, 16, 16, 8, 16, 1024), true, false).ddrBytes());
	}

	/** Example 2: depthwise 96 x 112 x 112 -> 56 x 56, k3 s2, on depthwise 8 x 16 at efficiency 0.5. */
	@Test
	void depthwiseWithItsEfficiency() {
		Layer dw = layer(LayerKind.DEPTHWISE, 96, 96, 112, 56, 3, 2);
		assertEquals(42_336, MODEL.computeCycles(dw, new ConvEngine(8, 16, 16), new DepthwiseEngine(8, 16)));
	}

	/** Example 3: FC 1280 -> 1000 is one pixel: 7 of 8 pixel lanes idle, ceil(1000/16) = 63 channel groups. */
	@Test
	void fullyConnectedWastesPixelLanes() {
		Layer fc = layer(LayerKind.FULLY_CONNECTED, 1280, 1000, 1, 1, 1, 1);
		assertEquals(5_040, MODEL.computeCycles(fc, new ConvEngine(8, 16, 16), new DepthwiseEngine(8, 16)));
	}

	/** Example 4: resources of conv 4 x 8 x 8, depthwise 4 x 8 and a 256 KiB buffer at 8 bit. */
	@Test
	void resourcesAreTheSumOfTheEngines() {
		Accelerator a = acc(4, 8, 8, 4, 8, 256);
		assertEquals(Map.of("dsp", 128, "bram18k", 52, "lut", 10_048), res(a.convResources()));
		assertEquals(Map.of("dsp", 16, "bram18k", 26, "lut", 768), res(a.depthwiseResources()));
		assertEquals(128, a.bufferResources().bram18k());
		assertEquals(144, a.dsp());
		assertEquals(206, a.bram18k());
		assertEquals(10_816, a.lut());
	}

	/** Block pruning aligned with the ICP x OCP tiles halves a free overlay's cycles; a DPU (no sparse mode) runs densely. */
	@Test
	void blockPruningSkipsTilesOnlyOnAFreeOverlay() {
		Layer pruned = new Layer("l", "l", "s", LayerKind.POINTWISE, 144, 32, 56, 56, 56, 56, 1, 1, BitWidths.INT8,
				new Pruning(16, 16, 0.5));
		ConvEngine c = new ConvEngine(8, 16, 16);
		DepthwiseEngine d = new DepthwiseEngine(8, 16);
		long dense = 56L * 7 * 9 * 2;
		assertEquals(dense / 2, MODEL.computeCycles(pruned, c, d));
		var dpu = org.hao.engine.arch.DpuConfigurations.get("DPU B4096");
		OverlayCostModel fixed = new OverlayCostModel(Devices.ZU3EG_HLS,
				new OverlaySpec(dpu.name(), dpu.conv(), dpu.depthwise(), null, 1, 0, O, dpu.resources()));
		assertEquals(dense, fixed.computeCycles(pruned, c, d));
		// and it loads every weight: 144 x 32 dense bytes, not the 2,304 left after pruning
		assertEquals(144 * 32, fixed.ddrBytes(pruned, 1024, false, false));
		assertEquals(144 * 32 / 2, MODEL.ddrBytes(pruned, 1024, false, false));
	}

	@Test
	void aFixedInt8AcceleratorGainsNothingFromNarrowerLayers() {
		// the DPUCZDX8G computes INT8 only: a W4A4 layer is held, moved and multiplied as INT8 there, while a free
		// overlay built for 4 bits moves half the bytes
		Layer int8 = new Layer("l", "l", "s", LayerKind.POINTWISE, 144, 32, 56, 56, 56, 56, 1, 1, BitWidths.INT8,
				Pruning.NONE);
		Layer w4a4 = new Layer("l", "l", "s", LayerKind.POINTWISE, 144, 32, 56, 56, 56, 56, 1, 1, new BitWidths(4, 4),
				Pruning.NONE);
		var dpu = org.hao.engine.arch.DpuConfigurations.get("DPU B4096");
		OverlayCostModel fixed = new OverlayCostModel(Devices.ZU3EG_HLS,
				new OverlaySpec(dpu.name(), dpu.conv(), dpu.depthwise(), null, 1, 0, O, dpu.resources()));
		assertEquals(BitWidths.INT8, fixed.computedBits(w4a4));
		assertEquals(fixed.ddrBytes(int8, 0, false, false), fixed.ddrBytes(w4a4, 0, false, false));
		var a = fixed.accelerator(dpu.name(), dpu.conv(), dpu.depthwise(), 512, 8);
		var c8 = fixed.cost(int8, a, false, false);
		var c4 = fixed.cost(w4a4, a, false, false);
		assertEquals(c8.latencyMs(), c4.latencyMs(), 1e-12);
		assertEquals(c8.energyMj(), c4.energyMj(), 1e-12);
		// the free overlay stores and moves 4-bit operands
		assertEquals(new BitWidths(4, 4), MODEL.computedBits(w4a4));
		assertEquals(MODEL.ddrBytes(int8, 0, false, false) / 2, MODEL.ddrBytes(w4a4, 0, false, false));
	}

	private static Map<String, Integer> res(org.hao.engine.arch.Resources r) {
		return Map.of("dsp", r.dsp(), "bram18k", r.bram18k(), "lut", r.lut());
	}
}
