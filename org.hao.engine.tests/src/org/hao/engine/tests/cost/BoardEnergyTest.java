package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hao.engine.cost.EnergyModel;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.PowerScope;
import org.hao.engine.results.ParetoPoint;
import org.junit.jupiter.api.Test;

/** The power model with idle and engine power and a scope (cost-model.md section 6, worked examples). */
class BoardEnergyTest {
	private static final double EPS = 1e-12;
	/**
	 * The library's Ultra96 board: 8 W idle, no engine power beyond the MAC and DDR energy (fitted on the KV260's DPU),
	 * 2 pJ per 8-bit MAC, 40 pJ per DDR byte, board scope.
	 */
	private static final PowerModel ULTRA96 = new PowerModel(8.0, 2.0, 40.0, 0.0, PowerScope.BOARD);

	@Test
	void idlePlusEnginesPlusPerMacPlusPerByte() {
		// 10 ms, 300 M INT8 MACs, 5 MB: (8 + 0) x 10 = 80 mJ; 300e6 x 2 pJ = 0.6 mJ; 5e6 x 40 pJ = 0.2 mJ
		double e = EnergyModel.energyMj(ULTRA96, 10, 300_000_000, 5_000_000, BitWidths.INT8);
		assertEquals(80.8, e, EPS);
		assertEquals(1000 / 80.8, ParetoPoint.framesPerJoule(e), EPS); // 12.376 frames/J
		assertEquals(8.08, EnergyModel.averageWatts(e, 10), EPS);
		assertEquals(8.0, ULTRA96.runningWatts(), EPS);
		// the same work as binary MACs: 300e6 x 2 pJ / 8 = 0.075 mJ
		assertEquals(80 + 0.075 + 0.2, EnergyModel.energyMj(ULTRA96, 10, 300_000_000, 5_000_000, new BitWidths(1, 1)),
				EPS);
		// with an engine power (the FINN device's fitted 3.16 W): (8 + 3.16) x 10 = 111.6 mJ + 0.8 mJ
		PowerModel finn = new PowerModel(8.0, 2.0, 40.0, 3.16, PowerScope.BOARD);
		assertEquals(112.4, EnergyModel.energyMj(finn, 10, 300_000_000, 5_000_000, BitWidths.INT8), EPS);
	}

	@Test
	void mobileGpuWorkedExample() {
		// the library's Adreno650: 1 W idle + 4.07 W engines (fitted), 1.8 pJ, 24 pJ/B; 9 ms, 300 M MACs, 30 MB
		PowerModel adreno650 = new PowerModel(1.0, 1.8, 24, 4.07, PowerScope.BOARD);
		double e = EnergyModel.energyMj(adreno650, 9, 300_000_000, 30_000_000, BitWidths.INT8);
		assertEquals(45.63 + 0.54 + 0.72, e, EPS); // 46.89 mJ, 21.3 frames/J
		assertEquals(46.89 / 9, EnergyModel.averageWatts(e, 9), EPS); // 5.21 W
	}

	@Test
	void theOriginalThreeFigureModelHasNoEnginePowerAndNoScope() {
		PowerModel p = new PowerModel(2, 2, 40);
		assertEquals(0, p.enginesWatts());
		assertEquals(PowerScope.UNSPECIFIED, p.scope());
		assertEquals(PowerScope.UNSPECIFIED, new PowerModel(1, 1, 1, 1, null).scope());
		assertThrows(IllegalArgumentException.class, () -> new PowerModel(1, 1, 1, -0.5, PowerScope.CHIP));
	}
}
