package org.hao.engine.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hao.engine.arch.Architecture;
import org.hao.engine.arch.DpuConfigurations;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Overheads;
import org.hao.engine.bench.Examples;
import org.hao.engine.calibrate.OverlayCalibration;
import org.hao.engine.calibrate.OverlayCalibration.Row;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.NetworkSpec;
import org.junit.jupiter.api.Test;

/** hao calibrate's fit: it recovers figures planted in synthetic measurements, and leave-one-out predicts held-out rows. */
class CalibrationTest {
	private static Device dpu(String config, double clock, double gbps) {
		DpuConfigurations.Config c = DpuConfigurations.get(config);
		OverlaySpec s = new OverlaySpec(c.name(), c.conv(), c.depthwise(), clock, 1, 0, Overheads.DPU_FITTED,
				c.resources());
		return new Device(config + "@" + gbps, DeviceKind.FPGA,
				new FpgaSpec(2520, 1824, 274_080, 548_160, clock, gbps, 0.85, Map.of(16, 1, 8, 2, 4, 4)), null,
				Devices.ZU3EG_HLS.power(), Architecture.overlay(s));
	}

	/** Rows whose latency is the model's own with known figures: the fit must find those figures again. */
	@Test
	void fitRecoversPlantedFigures() {
		Overheads planted = new Overheads(1500, 0.4, 0.6);
		List<NetworkSpec> nets = List.of(Examples.mobileNetV2(null), Examples.reduced());
		List<Device> devices = List.of(dpu("DPU B4096", 300, 17), dpu("DPU B1600", 287, 4.26),
				dpu("DPU B512", 200, 40));
		List<Row> rows = new ArrayList<>();
		for (NetworkSpec n : nets) {
			for (Device d : devices) {
				Row probe = new Row("p", n, d, 1, "synthetic");
				rows.add(new Row(n.name() + "@" + d.name(), n, d, OverlayCalibration.predict(probe, planted),
						"synthetic"));
			}
		}
		OverlayCalibration.Fit fit = OverlayCalibration.fit(rows, Overheads.DPU_FITTED);
		assertEquals(1500, fit.overheads().layerOverheadCycles(), 15);
		assertEquals(0.4, fit.overheads().ddrEfficiency(), 0.004);
		assertEquals(0.6, fit.overheads().depthwiseEfficiency(), 0.006);
		double[] measured = rows.stream().mapToDouble(Row::measuredMs).toArray();
		// leave-one-out: the row on the compute-bound B512 alone pins the depthwise efficiency, so holding it out costs
		// that row about 7 %; the others stay exact
		double looMape = OverlayCalibration.mape(OverlayCalibration.leaveOneOut(rows, Overheads.DPU_FITTED), measured);
		assertTrue(looMape < 5.0, "LOO MAPE " + looMape);
		assertEquals(1.0, OverlayCalibration.spearman(fit.predictedMs(), measured), 1e-9);
	}

	@Test
	void aDeviceWithoutAFixedAcceleratorCannotBeCalibrated() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new Row("r", Examples.reduced(), Devices.ZU3EG_HLS, 1.0, "s"));
		assertTrue(e.getMessage().contains("no fixed accelerator"), e.getMessage());
	}
}
