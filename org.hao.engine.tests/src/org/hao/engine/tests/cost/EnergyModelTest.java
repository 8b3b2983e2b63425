package org.hao.engine.tests.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hao.engine.cost.EnergyModel;
import org.hao.engine.model.BitWidths;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.PowerModel;
import org.hao.engine.results.ParetoPoint;
import org.junit.jupiter.api.Test;

class EnergyModelTest {
	private static final double EPS = 1e-12;

	@Test
	void staticPlusPerMacPlusPerByte() {
		// ZU3EG: 2 W, 2 pJ/MAC8, 40 pJ/byte. 20 ms, 300M MACs, 5 MB:
		// 2 * 20 = 40 mJ; 300e6 * 2 pJ = 0.6 mJ; 5e6 * 40 pJ = 0.2 mJ.
		assertEquals(40.8, EnergyModel.energyMj(Devices.ZU3EG_HLS, 20, 300_000_000, 5_000_000, BitWidths.INT8), EPS);
	}

	@Test
	void macEnergyScalesWithTheWidestOperand() {
		PowerModel dynamicOnly = new PowerModel(0, 2.0, 0);
		assertEquals(0.3, EnergyModel.energyMj(dynamicOnly, 5, 300_000_000, 0, new BitWidths(4, 4)), EPS);
		assertEquals(0.6, EnergyModel.energyMj(dynamicOnly, 5, 300_000_000, 0, new BitWidths(4, 8)), EPS);
		assertEquals(1.2, EnergyModel.energyMj(dynamicOnly, 5, 300_000_000, 0, new BitWidths(16, 8)), EPS);
	}

	@Test
	void framesPerJoule() {
		assertEquals(25.0, ParetoPoint.framesPerJoule(40.0), EPS);
	}
}
