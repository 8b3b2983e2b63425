package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.arch.Architecture;
import org.hao.engine.bench.Examples;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `objective energy` and `energy <= N mJ` on every FPGA architecture (overlay, dataflow, per-subgraph). */
class EnergyObjectiveTest {
	private static Device device(String arch) {
		return switch (arch) {
			case "overlay" -> Devices.ZU3EG_HLS;
			case "dataflow" -> Devices.ZU3EG_HLS.withArchitecture(Architecture.DATAFLOW);
			default -> Devices.ZU3EG_PER_SUBGRAPH;
		};
	}

	private static SearchResult run(String arch, Objective o, Constraints c) {
		return HaoSearch.run(new SearchSpec("e", Examples.reduced(), device(arch), o, c, null, 4, 300),
				new SearchOptions(2, null), null, new CancelToken());
	}

	@ParameterizedTest
	@ValueSource(strings = {"overlay", "dataflow", "per-subgraph"})
	void minimumEnergyIsChosenAndTheBoundHolds(String arch) {
		SearchResult all = run(arch, Objective.MIN_ENERGY, Constraints.NONE);
		List<ParetoPoint> pts = all.points();
		assertFalse(pts.isEmpty(), arch + ": " + all.failures());
		assertNotNull(all.chosen());
		double min = pts.stream().mapToDouble(ParetoPoint::energyMj).min().orElseThrow();
		double max = pts.stream().mapToDouble(ParetoPoint::energyMj).max().orElseThrow();
		assertEquals(min, all.chosen().energyMj(), 1e-12, arch + ": objective energy takes the cheapest point");
		for (ParetoPoint p : pts) {
			assertTrue(p.energyMj() > 0 && p.energyMj() >= 2.0 * 1000 / p.fps() * (1 - 1e-9),
					arch + ": at least the 2 W static for one frame interval: " + p);
		}
		assertTrue(max > min, arch + ": the frontier's energies differ");
		// a bound between: the most accurate point within it is chosen (objective accuracy)
		double bound = (min + max) / 2;
		SearchResult r = run(arch, Objective.MAX_ACCURACY, new Constraints(null, null, null, null, null, null, bound));
		assertNotNull(r.chosen(), arch);
		assertTrue(r.chosen().energyMj() <= bound, arch + ": " + r.chosen().energyMj() + " mJ > " + bound);
		double bestWithin = r.points().stream().filter(p -> p.energyMj() <= bound).mapToDouble(ParetoPoint::accuracy)
				.max().orElseThrow();
		assertEquals(bestWithin, r.chosen().accuracy(), arch);
	}
}
