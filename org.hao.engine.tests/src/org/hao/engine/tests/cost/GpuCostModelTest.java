package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.hao.engine.cost.GpuCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.Pruning;
import org.junit.jupiter.api.Test;

/** GPU worked examples of cost-model.md on the round-number example GPU described there. */
class GpuCostModelTest {
	static final Device EXAMPLE_GPU = new Device("EXAMPLE_GPU", DeviceKind.MOBILE_GPU, null,
			new GpuSpec(Map.of(8, 2000.0, 16, 1000.0), 30.0, Map.of(LayerKind.CONV, 0.5, LayerKind.POINTWISE, 0.6,
					LayerKind.DEPTHWISE, 0.1, LayerKind.FULLY_CONNECTED, 0.3), 0.6),
			new PowerModel(1.0, 1.0, 30.0));
	private static final double EPS = 1e-12;
	private final GpuCostModel model = new GpuCostModel(EXAMPLE_GPU);

	@Test
	void pointwiseIsComputeBound() {
		LayerCost c = model.cost(Layers.pointwise(Pruning.NONE));
		assertEquals(10_838_016, c.macs());
		assertEquals(0.01806336, c.computeMs(), EPS); // 2 * macs / (2000 GOPS * 0.6)
		assertEquals(530_304, c.ddrBytes());
		assertEquals(0.0176768, c.memoryMs(), EPS); // / 30 GB/s
		assertEquals(0.01806336, c.latencyMs(), EPS);
		assertEquals(0.044810496, c.energyMj(), EPS); // 1 W * t + macs * 1 pJ + bytes * 30 pJ
		assertEquals(0, c.dsp());
	}

	@Test
	void blockPruningSavesOnlyTheCompilerEfficiencyShare() {
		LayerCost c = model.cost(Layers.pointwise(new Pruning(8, 8, 0.5)));
		assertEquals(7_586_611, c.macs()); // 10838016 * (1 - 0.5 * 0.6), rounded
		assertEquals(2.0 * 7_586_611 / 1.2e9, c.computeMs(), EPS);
		assertEquals(528_576, c.ddrBytes()); // weights halve fully
		assertEquals(0.0176192, c.latencyMs(), EPS); // now memory-bound
	}

	@Test
	void depthwiseRunsFarBelowPeakAndIsMemoryBound() {
		LayerCost c = model.cost(Layers.depthwise());
		assertEquals(0.02709504, c.computeMs(), EPS); // 2 * 2709504 / (2000 GOPS * 0.1)
		assertEquals(0.0502048, c.latencyMs(), EPS); // 1506144 bytes / 30 GB/s
	}

	@Test
	void kindsMissingFromTheTableUseTheSmallestEfficiency() {
		LayerCost c = model.cost(Layers.add()); // 75264 adds at 2000 GOPS * 0.1
		assertEquals(75_264 / 2e8, c.computeMs(), EPS);
	}

	@Test
	void launchOverheadIsPaidOncePerLayer() {
		// Same GPU with a 50 us launch per layer. Pointwise example: 0.05 ms + max(0.01806336, 0.0176768) ms
		// = 0.06806336 ms; energy 1 W * 0.06806336 ms + 10,838,016 * 1 pJ + 530,304 B * 30 pJ
		// = 0.06806336 + 0.010838016 + 0.01590912 = 0.094810496 mJ (static power runs during the launch too).
		GpuSpec g = EXAMPLE_GPU.gpu();
		Device slow = new Device("SLOW", DeviceKind.MOBILE_GPU, null,
				new GpuSpec(g.peakGopsByBits(), g.bandwidthGBps(), g.efficiencyByKind(), g.pruningEfficiency(), 50),
				EXAMPLE_GPU.power());
		LayerCost c = new GpuCostModel(slow).cost(Layers.pointwise(Pruning.NONE));
		assertEquals(0.01806336, c.computeMs(), EPS);
		assertEquals(0.06806336, c.latencyMs(), EPS);
		assertEquals(0.094810496, c.energyMj(), EPS);
		// three layers: three launches on top of the three roofline times (pointwise compute-bound 0.01806336,
		// depthwise memory-bound 0.0502048, add memory-bound 3 x 75,264 B / 30 GB/s = 0.0075264 ms)
		var sub = new GpuCostModel(slow)
				.subgraphCost(java.util.List.of(Layers.pointwise(Pruning.NONE), Layers.depthwise(), Layers.add()));
		assertEquals(0.15 + 0.01806336 + 0.0502048 + 0.0075264, sub.latencyMs(), EPS);
	}

	@Test
	void rejectsFpgaDevice() {
		assertThrows(IllegalArgumentException.class, () -> new GpuCostModel(Devices.ZU3EG_HLS));
	}
}
