package org.hao.engine.tests.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hao.engine.bench.Examples;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.LayerEstimate;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.FpgaSpec;
import org.junit.jupiter.api.Test;

class EstimatorTest {
	/** The default architecture: one overlay for the whole network; every subgraph's layers run on it. */
	@Test
	void baseEstimateOfMobileNetV2OnAnOverlay() {
		NetworkEstimate e = Estimator.estimate(Examples.mobileNetV2(null), Devices.ZU3EG_HLS);
		assertTrue(e.feasible(), e.findings().toString());
		assertEquals("overlay", e.accelerator().architecture());
		assertEquals(19, e.subgraphs().size());
		double sum = 0;
		for (SubgraphEstimate s : e.subgraphs()) {
			assertEquals("OPTIMAL", s.status());
			assertEquals(e.dsp(), s.dsp(), "one accelerator: every subgraph reports the same engines");
			sum += s.latencyMs();
			for (LayerEstimate l : s.layers()) {
				assertEquals(l.kind().equals("DEPTHWISE") ? "depthwise" : "conv", l.engine());
			}
		}
		assertTrue(e.dsp() <= 306 && e.bram18k() <= 367 && e.lut() <= 59976, e.toString());
		assertEquals(sum, e.latencyMs(), 1e-9);
		assertEquals(1000 / e.latencyMs(), e.fps(), 1e-9);
	}

	@Test
	void baseEstimateOfMobileNetV2PerSubgraph() {
		NetworkEstimate e = Estimator.estimate(Examples.mobileNetV2(null), Devices.ZU3EG_PER_SUBGRAPH);
		assertTrue(e.feasible(), e.findings().toString());
		assertEquals(19, e.subgraphs().size());
		double sum = 0;
		for (SubgraphEstimate s : e.subgraphs()) {
			assertEquals("OPTIMAL", s.status());
			assertTrue(s.dsp() <= 306, s.subgraph() + " uses " + s.dsp());
			sum += s.latencyMs();
			for (LayerEstimate l : s.layers()) {
				assertTrue(l.pe() >= 1);
			}
		}
		// 19 subgraphs: 19 reconfigurations of 7 ms per frame on top of the subgraphs' own latencies
		assertEquals(sum + 19 * Devices.ZU3EG_RECONFIGURATION.ms(), e.latencyMs(), 1e-9);
		assertEquals(7.0, Devices.ZU3EG_RECONFIGURATION.ms(), 1e-12);
		assertEquals(1000 / e.latencyMs(), e.fps(), 1e-9);
	}

	@Test
	void tooSmallDeviceGivesAFindingWithNumbers() {
		Device tiny = new Device("TINY", DeviceKind.FPGA,
				new FpgaSpec(2, 432, 70560, 141120, 200, 6, 0.85, Map.of(16, 1, 8, 2, 4, 4)), null,
				Devices.ZU3EG_HLS.power());
		NetworkEstimate e = Estimator.estimate(Examples.mobileNetV2(null), tiny, Constraints.NONE, new IlpCache());
		assertFalse(e.feasible());
		assertTrue(
				e.findings().stream().anyMatch(
						f -> f.contains("DSP") && f.contains("1 available (2 x 0.85 cap)") && f.contains("short by")),
				e.findings().toString());
	}
}
