package org.hao.engine.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hao.engine.model.Constraints;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

	@Test
	void nonPositiveSizesAreRejectedNamingTheField() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shape(3, 0, 224));
		assertEquals("height must be positive, was 0", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new Conv("c", 16, 3, -1));
		assertEquals("stride must be positive, was -1", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new MBConv("b", 6, 3, 1, 16, false, 0));
		assertEquals("repeat must be positive, was 0", e.getMessage());
	}

	@Test
	void pruningRatioMustBeBelowOne() {
		assertThrows(IllegalArgumentException.class, () -> new Pruning(4, 4, 1.0));
		assertThrows(IllegalArgumentException.class, () -> new Pruning(0, 4, 0.5));
		assertEquals(0.25, new Pruning(4, 4, 0.75).density(), 1e-12);
		assertTrue(Pruning.NONE.isNone());
	}

	@Test
	void dspPackingRoundsBitsUpToAnAvailableKey() {
		FpgaSpec zu3eg = Devices.ZU3EG_HLS.fpga();
		assertEquals(4, zu3eg.macsPerDsp(4));
		assertEquals(2, zu3eg.macsPerDsp(5)); // 5 bits pack like 8
		assertEquals(2, zu3eg.macsPerDsp(8));
		assertEquals(1, zu3eg.macsPerDsp(12));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> zu3eg.macsPerDsp(32));
		assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
		assertEquals(306, zu3eg.usableDsp()); // floor(360 * 0.85)
		assertEquals(367, zu3eg.usableBram18k()); // floor(432 * 0.85)
	}

	@Test
	void gpuPeakAndEfficiencyLookups() {
		GpuSpec gpu = new GpuSpec(Map.of(8, 2000.0, 16, 1000.0), 30,
				Map.of(LayerKind.CONV, 0.5, LayerKind.DEPTHWISE, 0.1), 0.6);
		assertEquals(2000.0, gpu.peakGops(4), 0);
		assertEquals(1000.0, gpu.peakGops(16), 0);
		assertEquals(500.0, gpu.peakGops(32), 0); // widest key 16 at 1000 GOPS, emulated: 1000 * 16 / 32
		assertEquals(0.1, gpu.efficiency(LayerKind.POOL), 0); // missing -> smallest listed
		assertThrows(IllegalArgumentException.class,
				() -> new GpuSpec(Map.of(8, 1.0), 1, Map.of(LayerKind.CONV, 1.5), 0.5));
	}

	@Test
	void deviceKindMustMatchItsSpec() {
		PowerModel power = new PowerModel(1, 1, 1);
		assertThrows(IllegalArgumentException.class,
				() -> new Device("x", DeviceKind.MOBILE_GPU, Devices.ZU3EG_HLS.fpga(), null, power));
		assertThrows(IllegalArgumentException.class, () -> new Device("x", DeviceKind.FPGA, null, null, power));
	}

	@Test
	void tablesAreCopiedAndSorted() {
		Map<Integer, Integer> packing = new java.util.HashMap<>(Map.of(8, 2));
		FpgaSpec spec = new FpgaSpec(10, 10, 10, 10, 100, 1, 1, packing);
		packing.put(4, 4);
		assertEquals(2, spec.macsPerDsp(4), "later changes to the caller's map must not leak in");
		List<Integer> kernels = new ArrayList<>(List.of(3, 5));
		SubgraphSpace space = new SubgraphSpace(kernels, null, List.of(), List.of(), List.of(), List.of());
		kernels.add(7);
		assertEquals(List.of(3, 5), space.kernels());
		assertEquals(2, space.size());
	}

	@Test
	void constraintsLatencyBudgetIsTheTighterBound() {
		assertEquals(20.0, new Constraints(50.0, 25.0, null, null, null, null, null).latencyBudgetMs(), 1e-12);
		assertEquals(10.0, new Constraints(50.0, 10.0, null, null, null, null, null).latencyBudgetMs(), 1e-12);
		assertNull(Constraints.NONE.latencyBudgetMs());
		assertThrows(IllegalArgumentException.class, () -> new Constraints(0.0, null, null, null, null, null, null));
	}
}
