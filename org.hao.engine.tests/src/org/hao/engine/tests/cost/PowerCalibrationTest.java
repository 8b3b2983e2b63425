package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.hao.engine.calibrate.PowerCalibration;
import org.hao.engine.calibrate.PowerCalibration.Figure;
import org.hao.engine.calibrate.PowerCalibration.Row;
import org.hao.engine.calibrate.WorkloadRates;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.PowerScope;
import org.hao.engine.bench.Devices;
import org.hao.engine.bench.Examples;
import org.junit.jupiter.api.Test;

/**
 * {@link PowerCalibration}: which power figures a set of measurements determines, and the fitted values. The rows are
 * generated from known figures on workloads whose MAC and DDR rates differ the way compute- and memory-bound
 * networks do, with a +-0.5 % measurement error, so the fit must find figures it was not given.
 */
class PowerCalibrationTest {
	/** Figures of a made-up board: 9 W idle, 0.6 W per busy engine, 2.5 pJ per 8-bit MAC, 110 pJ per DDR byte. */
	private static final PowerModel TRUE = new PowerModel(9, 2.5, 110, 0.6, PowerScope.BOARD);
	/** What the library would give before calibration. */
	private static final PowerModel GIVEN = new PowerModel(8, 2, 40, 0, PowerScope.BOARD);

	private static Row row(String id, int busy, double gmac8, double gbytes, double error) {
		Row exact = new Row(id, 1, busy, gmac8 * 1e9, gbytes * 1e9, "generated");
		double w = PowerCalibration.predict(TRUE, exact) * (1 + error);
		return new Row(id, w, busy, gmac8 * 1e9, gbytes * 1e9, "generated");
	}

	/**
	 * Idle, and a light, a compute-bound and a memory-bound workload on one, two and three engines: the measurement
	 * campaign that separates all four figures at 1 % power resolution.
	 */
	private static List<Row> separable() {
		double[] errors = {0.002, -0.005, 0.004, -0.003, 0.005, -0.004, 0.002, -0.002, 0.003, -0.004};
		List<Row> rows = new ArrayList<>();
		rows.add(row("idle", 0, 0, 0, errors[0]));
		for (int n = 1; n <= 3; n++) {
			rows.add(row("light-x" + n, n, 50, 0.2, errors[3 * n - 2]));
			rows.add(row("compute-x" + n, n, 1500, 0.2, errors[3 * n - 1]));
			rows.add(row("memory-x" + n, n, 50, 12, errors[3 * n]));
		}
		return rows;
	}

	@Test
	void separableMeasurementsDetermineAllFourFigures() {
		PowerCalibration.Result fit = PowerCalibration.fit(separable(), GIVEN);
		assertEquals(EnumSet.allOf(Figure.class), fit.fitted());
		for (Figure f : Figure.values()) {
			var e = fit.estimate(f);
			double truth = switch (f) {
				case STATIC -> TRUE.staticWatts();
				case ENGINES -> TRUE.enginesWatts();
				case MAC -> TRUE.picojoulesPerMac8();
				case DDR -> TRUE.picojoulesPerDdrByte();
			};
			System.out.printf(java.util.Locale.ROOT, "%s %.3f +- %.3f (true %.1f)%n", f, e.value(), e.standardError(),
					truth);
			assertTrue(Math.abs(e.value() - truth) <= 3 * e.standardError(),
					f + ": " + e.value() + " +- " + e.standardError() + " vs " + truth);
		}
		// leave-one-out predictions stay within 2 % of every measurement
		for (int i = 0; i < separable().size(); i++) {
			double m = separable().get(i).measuredWatts();
			assertEquals(m, fit.leaveOneOutWatts()[i], 0.02 * m, separable().get(i).id());
		}
	}

	@Test
	void onePowerForEveryWorkloadDeterminesNeitherMacNorDdr() {
		// a source giving one "under load" power for three networks, copied to each row (as [KV260-PWR])
		List<Row> rows = List.of(new Row("idle", 9.15, 0, 0, 0, "s"), new Row("a", 10.13, 1, 150e9, 1.0e9, "s"),
				new Row("b", 10.13, 1, 100e9, 1.3e9, "s"), new Row("c", 10.13, 1, 330e9, 1.6e9, "s"));
		PowerCalibration.Result fit = PowerCalibration.fit(rows, GIVEN);
		assertFalse(fit.fitted().contains(Figure.MAC), fit.estimates().toString());
		assertFalse(fit.fitted().contains(Figure.DDR), fit.estimates().toString());
		assertEquals(GIVEN.picojoulesPerMac8(), fit.power().picojoulesPerMac8(), 0, "kept");
		assertEquals(EnumSet.of(Figure.STATIC, Figure.ENGINES), fit.fitted(), fit.estimates().toString());
		assertEquals(9.15, fit.power().staticWatts(), 0.05);
		assertEquals(List.of(List.of("a", "b", "c")), fit.merged(), "one measurement, quoted three times");
	}

	@Test
	void rowsWhoseMacAndDdrRatesMoveTogetherCannotSeparateThem() {
		// every workload moves 1 DDR byte per 400 MAC-8: the two energies are one direction of the data
		List<Row> rows = new ArrayList<>();
		rows.add(row("idle", 0, 0, 0, 0));
		for (double g : new double[]{200, 500, 800, 1100, 1400}) {
			rows.add(row("w" + g, 1, g, g / 400, (g % 300 == 0 ? 0.003 : -0.003)));
		}
		PowerCalibration.Result fit = PowerCalibration.fit(rows, GIVEN);
		assertFalse(fit.fitted().containsAll(EnumSet.of(Figure.MAC, Figure.DDR)), fit.estimates().toString());
	}

	@Test
	void withoutAnIdleRowOrAChangeInBusyEnginesTheIdlePowerIsKept() {
		List<Row> rows = List.of(row("a", 1, 1200, 0.5, 0), row("b", 1, 250, 3.5, 0.004),
				row("c", 1, 700, 1.8, -0.003));
		PowerCalibration.Result fit = PowerCalibration.fit(rows, GIVEN);
		assertFalse(fit.fitted().contains(Figure.STATIC) && fit.fitted().contains(Figure.ENGINES),
				"idle and engine power are one constant here: " + fit.estimates());
	}

	@Test
	void badRowsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new Row("x", 0, 1, 1, 1, "s"));
		assertThrows(IllegalArgumentException.class, () -> new Row("x", 5, -1, 1, 1, "s"));
		assertThrows(IllegalArgumentException.class, () -> PowerCalibration.fit(List.of(), GIVEN));
	}

	@Test
	void workloadRatesComeFromTheEnginesOwnEvaluation() {
		// MobileNetV2 (INT8) on the test FPGA: MAC-8 per frame x fps, per engine; DDR bytes likewise
		var device = Devices.ZU3EG_HLS;
		var network = NetworkExpander.expand(Examples.mobileNetV2Stages());
		WorkloadRates w = WorkloadRates.of(device, network);
		assertEquals(1, w.busyEngines());
		assertTrue(w.fps() > 0);
		long macs = network.layers().stream().mapToLong(l -> l.macs()).sum();
		// INT8 network: one MAC-8 per MAC
		assertEquals(macs * w.fps(), w.mac8PerSecond(), 1e-6 * macs * w.fps());
		assertTrue(w.ddrBytesPerSecond() > 0);
	}
}
