package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.calibrate.BoardPowerFit;
import org.hao.engine.calibrate.BoardPowerFit.Measurement;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.PowerScope;
import org.junit.jupiter.api.Test;

/** Board power fitted to measured power (cost-model.md section 6, "Power from measurements"). */
class BoardPowerFitTest {
	private static final double EPS = 1e-9;

	@Test
	void dynamicPowerIsMacAndByteEnergyPerSecond() {
		PowerModel p = new PowerModel(8, 2, 40, 0, PowerScope.BOARD);
		// 2.555e12 binary MAC/s x 2 pJ / 8 = 0.63875 W; 86e6 B/s x 40 pJ = 0.00344 W
		assertEquals(0.63875 + 0.00344, BoardPowerFit.dynamicWatts(p, 2.555e12, 1, 86e6), EPS);
		// 3 mJ of dynamic energy per 4 ms frame = 0.75 W
		assertEquals(0.75, BoardPowerFit.dynamicWatts(3, 4), EPS);
		assertThrows(IllegalArgumentException.class, () -> BoardPowerFit.dynamicWatts(3, 0));
	}

	@Test
	void recoversIdleAndEnginePowerFromExactRows() {
		// a board with 9 W idle and 1.5 W per busy engine; rows with 0, 1 and 3 busy engines
		List<Measurement> rows = List.of(new Measurement("idle", 9, 0, 0, "t"),
				new Measurement("one", 9 + 1.5 + 0.4, 1, 0.4, "t"),
				new Measurement("three", 9 + 3 * (1.5 + 0.7), 3, 0.7, "t"));
		BoardPowerFit.Fit fit = BoardPowerFit.fitIdleAndEngines(rows);
		assertTrue(fit.staticFitted());
		assertEquals(9, fit.staticWatts(), EPS);
		assertEquals(1.5, fit.enginesWatts(), EPS);
		assertEquals(0, fit.rmsWatts(), EPS);
		assertEquals(9 + 3 * 2.2, fit.predictedWatts()[2], EPS);
		BoardPowerFit.Fit known = BoardPowerFit.fitEngines(9, rows);
		assertFalse(known.staticFitted());
		assertEquals(1.5, known.enginesWatts(), EPS);
	}

	@Test
	void leastSquaresResidualsWhenOneFigureMeetsSeveralWorkloads() {
		// one measured power for three workloads (as [KV260-PWR]'s 10.13 W under DPU load): idle 9.15 W given,
		// engines = mean of (10.13 - 9.15 - dynamic) = 0.98 - mean(0.7, 1.0, 1.3) = -0.02 W
		List<Measurement> rows = List.of(new Measurement("a", 10.13, 1, 0.7, "t"),
				new Measurement("b", 10.13, 1, 1.0, "t"), new Measurement("c", 10.13, 1, 1.3, "t"));
		BoardPowerFit.Fit fit = BoardPowerFit.fitEngines(9.15, rows);
		assertEquals(-0.02, fit.enginesWatts(), EPS);
		assertEquals(0.3, fit.residualWatts()[0], EPS);
		assertEquals(0, fit.residualWatts()[1], EPS);
		assertEquals(-0.3, fit.residualWatts()[2], EPS);
		assertEquals(Math.sqrt(0.06), fit.rmsWatts(), EPS);
		assertEquals(0.3 / 10.13, fit.maxRelativeError(rows), EPS);
		// busy engines weigh the fit: n y / n^2
		BoardPowerFit.Fit three = BoardPowerFit.fitEngines(0,
				List.of(new Measurement("x", 3, 1, 0, "t"), new Measurement("y", 9, 3, 0, "t")));
		assertEquals((1 * 3 + 3 * 9) / 10.0, three.enginesWatts(), EPS);
	}

	@Test
	void predictionWithAPowerModelUsesItsIdleAndEnginePower() {
		PowerModel p = new PowerModel(9.6, 2, 120, 1.32, PowerScope.BOARD);
		// three busy cores at 0.92 W each of MAC and DDR power: 9.6 + 3 x (1.32 + 0.92) = 16.32 W
		assertEquals(16.32, BoardPowerFit.predictedWatts(p, new Measurement("z", 16.4, 3, 0.92, "t")), EPS);
	}

	@Test
	void underdeterminedAndInvalidRowsAreErrors() {
		List<Measurement> idleOnly = List.of(new Measurement("idle", 9, 0, 0, "t"));
		assertThrows(IllegalArgumentException.class, () -> BoardPowerFit.fitEngines(9, idleOnly));
		List<Measurement> oneLevel = List.of(new Measurement("a", 10, 1, 0.5, "t"),
				new Measurement("b", 11, 1, 1, "t"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> BoardPowerFit.fitIdleAndEngines(oneLevel));
		assertTrue(e.getMessage().contains("two different numbers of busy engines"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new Measurement("m", 0, 1, 0, "t"));
		assertThrows(IllegalArgumentException.class, () -> new Measurement("m", 1, -1, 0, "t"));
		assertThrows(IllegalArgumentException.class, () -> new Measurement("m", 1, 1, -0.1, "t"));
	}
}
