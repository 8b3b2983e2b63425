package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.bench.Examples;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

class HaoSearchTest {
	static SearchSpec spec(Constraints c, long seed) {
		return new SearchSpec("t", Examples.reduced(), Devices.ZU3EG_HLS, Objective.MAX_ACCURACY, c, null, seed, 300);
	}

	@Test
	void frontierHasNoDominatedPointAndIsSorted() {
		SearchResult r = HaoSearch.run(spec(Constraints.NONE, 1), new SearchOptions(2, null), null, new CancelToken());
		assertTrue(r.points().size() >= 5, "frontier too small: " + r.points().size());
		assertTrue(r.complete());
		assertTrue(r.solverVersion().startsWith("SCIP"), r.solverVersion());
		for (ParetoPoint a : r.points()) {
			for (ParetoPoint b : r.points()) {
				assertFalse(a != b && a.dominates(b), a + " dominates " + b);
			}
			assertTrue(a.dsp() <= 306 && a.bram18k() <= 367 && a.lut() <= 59976, "budget exceeded: " + a);
			assertEquals(1000 / a.latencyMs(), a.fps(), 1e-9);
		}
		for (int i = 1; i < r.points().size(); i++) {
			assertTrue(r.points().get(i).latencyMs() >= r.points().get(i - 1).latencyMs());
			assertTrue(r.points().get(i).accuracy() > r.points().get(i - 1).accuracy());
		}
		assertNotNull(r.chosen());
		assertEquals(r.points().get(r.points().size() - 1), r.chosen()); // unconstrained: the most accurate
	}

	@Test
	void deterministicAcrossThreadCounts() {
		SearchResult one = HaoSearch.run(spec(Constraints.NONE, 9), new SearchOptions(1, null), null,
				new CancelToken());
		SearchResult four = HaoSearch.run(spec(Constraints.NONE, 9), new SearchOptions(4, null), null,
				new CancelToken());
		String a = ResultsJson.toJson(ResultsDocument.of(one)).replaceAll("\"elapsed_ms\": \\d+", "");
		String b = ResultsJson.toJson(ResultsDocument.of(four)).replaceAll("\"elapsed_ms\": \\d+", "");
		assertEquals(a, b);
	}

	@Test
	void chosenPointMeetsTheConstraint() {
		SearchResult all = HaoSearch.run(spec(Constraints.NONE, 3), new SearchOptions(2, null), null,
				new CancelToken());
		// a latency budget between the fastest and the slowest point
		List<ParetoPoint> pts = all.points();
		double budget = (pts.get(0).latencyMs() + pts.get(pts.size() - 1).latencyMs()) / 2;
		Constraints c = new Constraints(null, budget, null, null, null, null, null);
		SearchResult r = HaoSearch.run(spec(c, 3), new SearchOptions(2, null), null, new CancelToken());
		assertNotNull(r.chosen());
		assertTrue(r.chosen().latencyMs() <= budget);
		for (ParetoPoint p : r.points()) {
			if (p.latencyMs() <= budget) {
				assertTrue(p.accuracy() <= r.chosen().accuracy());
			}
		}
		Constraints impossible = new Constraints(1e6, null, null, null, null, null, null);
		SearchResult none = HaoSearch.run(spec(impossible, 3), new SearchOptions(2, null), null, new CancelToken());
		assertNull(none.chosen());
		assertTrue(none.warnings().stream().anyMatch(w -> w.contains("no point meets")), none.warnings().toString());
	}

	@Test
	void energyBoundIsHonoured() {
		SearchResult all = HaoSearch.run(spec(Constraints.NONE, 5), new SearchOptions(2, null), null,
				new CancelToken());
		List<ParetoPoint> pts = all.points();
		double min = pts.stream().mapToDouble(ParetoPoint::energyMj).min().orElseThrow();
		ParetoPoint mostAccurate = pts.get(pts.size() - 1);
		assertTrue(mostAccurate.energyMj() > min, "the most accurate point should cost more energy than the cheapest");
		// a bound between the cheapest point and the most accurate one: the most accurate point within it is chosen
		double bound = (min + mostAccurate.energyMj()) / 2;
		Constraints c = new Constraints(null, null, null, null, null, null, bound);
		SearchResult r = HaoSearch.run(spec(c, 5), new SearchOptions(2, null), null, new CancelToken());
		assertNotNull(r.chosen());
		assertTrue(r.chosen().energyMj() <= bound, r.chosen().energyMj() + " mJ > " + bound);
		double bestWithin = r.points().stream().filter(p -> p.energyMj() <= bound).mapToDouble(ParetoPoint::accuracy)
				.max().orElseThrow();
		assertEquals(bestWithin, r.chosen().accuracy());
		assertTrue(r.chosen().accuracy() < mostAccurate.accuracy());
		// below every point's energy: nothing is chosen and the warning names the bound
		Constraints impossible = new Constraints(null, null, null, null, null, null, min / 2);
		SearchResult none = HaoSearch.run(spec(impossible, 5), new SearchOptions(2, null), null, new CancelToken());
		assertNull(none.chosen());
		assertTrue(none.warnings().stream().anyMatch(w -> w.contains("mJ/frame")), none.warnings().toString());
	}

	@Test
	void tinyDspCapMakesChoicesInfeasibleWithReasons() {
		// the smallest overlay (conv 1x1x1 + depthwise 1x1 at 8 bit) needs 2 DSP
		Constraints c = new Constraints(null, null, 1, null, null, null, null);
		SearchResult r = HaoSearch.run(spec(c, 1), new SearchOptions(2, null), null, new CancelToken());
		assertTrue(r.points().isEmpty());
		assertFalse(r.failures().isEmpty());
		assertTrue(
				r.failures().stream()
						.anyMatch(f -> f.message().contains("2 DSP") && f.message().contains("user cap 1")
								&& f.message().contains("short by 1")
								&& f.kind() == org.hao.engine.results.FailureKind.NO_CONFIGURATION),
				r.failures().toString());
	}

	@Test
	void cancelStopsTheSearch() throws Exception {
		CancelToken t = new CancelToken();
		t.cancel();
		SearchResult r = HaoSearch.run(spec(Constraints.NONE, 1), new SearchOptions(2, null), null, t);
		assertTrue(r.cancelled());
		assertTrue(r.points().isEmpty());
		assertFalse(r.complete());
	}

	@Test
	void progressIsReported() {
		int[] last = {0};
		SearchResult r = HaoSearch.run(spec(Constraints.NONE, 1), new SearchOptions(1, null),
				(d, tot, m) -> last[0] = Math.max(last[0], d), new CancelToken());
		assertTrue(last[0] >= 24, "progress " + last[0]);
		assertFalse(r.points().isEmpty());
	}

	@Test
	void eachPointCarriesItsPruningDrop() {
		// the reduced network with pruning (none or 4x4 blocks at 50 %) as a further choice: every point's prediction
		// has its parts, accuracy = float top-1 (dense) - quantization drop - pruning drop (the squash is the identity
		// in this range), and the pruned points have a pruning drop
		org.hao.engine.model.NetworkSpec base = Examples.reduced();
		List<org.hao.engine.model.SubgraphSpec> sgs = new java.util.ArrayList<>();
		for (org.hao.engine.model.SubgraphSpec sg : base.subgraphs()) {
			org.hao.engine.model.SubgraphSpace sp = sg.space();
			if (!sp.bitWidths().isEmpty()) {
				sp = new org.hao.engine.model.SubgraphSpace(sp.kernels(), sp.expansions(), sp.widthMultipliers(),
						sp.depths(), sp.bitWidths(),
						List.of(org.hao.engine.model.Pruning.NONE, new org.hao.engine.model.Pruning(4, 4, 0.5)));
			}
			sgs.add(new org.hao.engine.model.SubgraphSpec(sg.name(), sg.mode(), sg.ops(), sp));
		}
		org.hao.engine.model.NetworkSpec net = new org.hao.engine.model.NetworkSpec(base.name(), base.input(), sgs);
		SearchResult r = HaoSearch.run(
				new SearchSpec("t", net, Devices.ZU3EG_HLS, Objective.MAX_ACCURACY, Constraints.NONE, null, 3, 300),
				new SearchOptions(2, null), null, new CancelToken());
		assertFalse(r.points().isEmpty());
		int pruned = 0;
		for (ParetoPoint pt : r.points()) {
			org.hao.engine.results.PredictionInfo p = pt.config().prediction();
			assertTrue(p.pruningDrop() >= 0, "pruning drop " + p.pruningDrop());
			assertEquals(pt.accuracy(), p.floatTop1() - p.quantizationDrop() - p.pruningDrop(), 0.01, pt.toString());
			boolean anyPruned = pt.config().subgraphs().values().stream()
					.anyMatch(s -> s.pruning() != null && s.pruning().ratio() > 0);
			assertEquals(anyPruned, p.pruningDrop() > 0, pt.toString());
			pruned += anyPruned ? 1 : 0;
		}
		assertTrue(pruned > 0, "no pruned point on the frontier: " + r.points());
		assertTrue(ResultsJson.toJson(ResultsDocument.of(r)).contains("\"pruning_drop\""));
	}
}
