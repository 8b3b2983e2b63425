package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hao.engine.cost.EnergyModel;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.PowerScope;
import org.junit.jupiter.api.Test;

/** The power model with idle and engine power and a scope (cost-model.md section 6, worked examples). */
class BoardEnergyTest {
	private static final double EPS = 1e-12;
	/** The library's Ultra96 board: 8 W idle, 0.5 W engines, 2 pJ per 8-bit MAC, 40 pJ per DDR byte, board scope. */
	private static final PowerModel ULTRA96 = new PowerModel(8.0, 2.0, 40.0, 0.5, PowerScope.BOARD);

	@Test
	void idlePlusEnginesPlusPerMacPlusPerByte() {
		// 10 ms, 300 M INT8 MACs, 5 MB: (8 + 0.5) x 10 = 85 mJ; 300e6 x 2 pJ = 0.6 mJ; 5e6 x 40 pJ = 0.2 mJ
		double e = EnergyModel.energyMj(ULTRA96, 10, 300_000_000, 5_000_000, BitWidths.INT8);
		assertEquals(85.8, e, EPS);
		assertEquals(1000 / 85.8, EnergyModel.framesPerJoule(e), EPS); // 11.655 frames/J
		assertEquals(8.58, EnergyModel.averageWatts(e, 10), EPS);
		assertEquals(8.5, ULTRA96.runningWatts(), EPS);
		// the same work as binary MACs: 300e6 x 2 pJ / 8 = 0.075 mJ
		assertEquals(85 + 0.075 + 0.2, EnergyModel.energyMj(ULTRA96, 10, 300_000_000, 5_000_000, new BitWidths(1, 1)),
				EPS);
	}

	@Test
	void mobileGpuWorkedExample() {
		// the library's Adreno650: 1 W idle + 2 W engines, 1.8 pJ, 24 pJ/B; 9 ms, 300 M MACs, 30 MB
		PowerModel adreno650 = new PowerModel(1.0, 1.8, 24, 2.0, PowerScope.BOARD);
		double e = EnergyModel.energyMj(adreno650, 9, 300_000_000, 30_000_000, BitWidths.INT8);
		assertEquals(27 + 0.54 + 0.72, e, EPS); // 28.26 mJ, 35.4 frames/J
		assertEquals(3.14, EnergyModel.averageWatts(e, 9), EPS);
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
