package org.hao.engine.tests.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.hao.engine.ilp.IlpCandidate;
import org.hao.engine.ilp.IlpObjective;
import org.hao.engine.ilp.IlpProblem;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.ilp.SubgraphIlp;
import org.junit.jupiter.api.Test;

class SubgraphIlpTest {

	private static void checkAgainstExhaustive(IlpObjective obj) {
		checkAgainstExhaustive(obj, (p, seed) -> p);
	}

	/** Solves 60 seeded instances (each passed through {@code variant}) and compares with full enumeration. */
	private static int checkAgainstExhaustive(IlpObjective obj, BiFunction<IlpProblem, Long, IlpProblem> variant) {
		int optimal = 0, infeasible = 0, ddrBound = 0;
		for (long seed = 1; seed <= 60; seed++) {
			double tight = 0.05 + 0.9 * ((seed * 37) % 100) / 100.0;
			// odd seeds: unstructured tables, where dominance and the min-max latency window have real work to do
			IlpProblem p = seed % 2 == 0 ? RandomInstances.make(seed, 3 + (int) (seed % 4), 3, 5, obj, tight)
					: RandomInstances.makeUnstructured(seed, 3 + (int) (seed % 4), 3, 6, obj, tight);
			if (seed % 10 == 0) { // force some infeasible ones
				p = new IlpProblem(p.name(), obj, p.layerNames(), p.candidates(), ResourceBudget.of(1, 1, 1, 1.0));
			}
			p = variant.apply(p, seed);
			double ex = RandomInstances.exhaustive(p);
			IlpResult r = SubgraphIlp.solve(p, 20_000, () -> false);
			if (Double.isInfinite(ex)) {
				assertEquals(IlpResult.Status.INFEASIBLE, r.status(), "seed " + seed);
				assertNotNull(r.infeasibility());
				infeasible++;
			} else {
				assertEquals(IlpResult.Status.OPTIMAL, r.status(), "seed " + seed + ": " + r.message());
				assertEquals(ex, r.latencyMs(), 1e-9 * Math.max(1, ex), "seed " + seed);
				int[] c = r.choice().stream().mapToInt(Integer::intValue).toArray();
				assertTrue(p.fits(c), "returned configuration exceeds the budget, seed " + seed);
				assertEquals(p.latencyOf(c), r.latencyMs(), 1e-12);
				long[] res = p.resourcesOf(c);
				assertEquals(res[0], r.dsp());
				assertEquals(res[1], r.bram18k());
				assertEquals(res[2], r.lut());
				assertEquals(0.0, r.gap(), 1e-9);
				if (p.hasPipelineTerms() && RandomInstances.sharedDdrMs(p, c) >= r.latencyMs() - 1e-12) {
					ddrBound++;
				}
				optimal++;
			}
		}
		assertTrue(optimal >= 20, "too few feasible instances to mean anything: " + optimal);
		assertTrue(infeasible >= 4);
		return ddrBound;
	}

	@Test
	void minSumIsOptimalAgainstExhaustiveEnumeration() {
		checkAgainstExhaustive(IlpObjective.MIN_SUM);
	}

	@Test
	void minMaxIsOptimalAgainstExhaustiveEnumeration() {
		checkAgainstExhaustive(IlpObjective.MIN_MAX);
	}

	@Test
	void pipelineWithFillAndSharedDdrIsOptimalAgainstExhaustiveEnumeration() {
		int ddrBound = checkAgainstExhaustive(IlpObjective.MIN_MAX, RandomInstances::asPipeline);
		assertTrue(ddrBound >= 10, "the shared DDR time decided too few instances to mean anything: " + ddrBound);
	}

	@Test
	void pipelinedStagesCompetingForDdrKeepWeightsOnChip() {
		// each layer: weights on chip (1.0 ms, 100 BRAM, 0.2 ms of DDR) or streamed (0.9 ms, 10 BRAM, 0.9 ms of DDR).
		// Streaming both looks faster stage by stage (0.9 ms) but moves 1.8 ms of DDR traffic through one memory;
		// keeping both on chip gives max(1.0, 0.4) = 1.0 ms, streaming one max(1.0, 1.1) = 1.1 ms
		List<IlpCandidate> layer = List.of(new IlpCandidate(1.0, 4, 100, 500, 0.2, 0),
				new IlpCandidate(0.9, 4, 10, 600, 0.9, 0));
		IlpProblem p = new IlpProblem("ddr", IlpObjective.MIN_MAX, List.of("a", "b"), List.of(layer, layer),
				ResourceBudget.of(100, 300, 10_000, 1.0), 0.0);
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.OPTIMAL, r.status(), r.message());
		assertEquals(1.0, r.latencyMs(), 1e-9);
		assertEquals(List.of(0, 0), r.choice());
		// with only 150 BRAM18K one layer must stream (1.1 ms), not both (1.8 ms)
		IlpProblem tight = new IlpProblem("ddr", IlpObjective.MIN_MAX, List.of("a", "b"), List.of(layer, layer),
				ResourceBudget.of(100, 150, 10_000, 1.0), 0.0);
		IlpResult rt = SubgraphIlp.solve(tight);
		assertEquals(1.1, rt.latencyMs(), 1e-9);
		assertEquals(1, rt.choice().stream().filter(i -> i == 1).count());
	}

	@Test
	void pipelineFillMakesTheFasterFirstStageWorthItsResources() {
		// a: 1.0 ms with fill 1.0 (an FC stage must see all its input) or 0.5 ms (fill 0.5) for 8 more DSP;
		// b: the bottleneck at 2.0 ms either way. Min-max alone is indifferent (2.0) and the cheap a would do;
		// with the fills, 2.0 + 1.0 + 0.1 = 3.1 ms against 2.0 + 0.5 + 0.1 = 2.6 ms: the fast a wins
		IlpProblem p = new IlpProblem("fill", IlpObjective.MIN_MAX, List.of("a", "b"),
				List.of(List.of(new IlpCandidate(1.0, 1, 1, 10, 0, 1.0), new IlpCandidate(0.5, 9, 1, 10, 0, 0.5)),
						List.of(new IlpCandidate(2.0, 1, 1, 10, 0, 0.1))),
				ResourceBudget.of(100, 100, 1000, 1.0), 0.0);
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.OPTIMAL, r.status(), r.message());
		assertEquals(2.6, r.latencyMs(), 1e-9);
		assertEquals(List.of(1, 0), r.choice());
	}

	@Test
	void minMaxTieBreakDoesNotWasteResources() {
		// layer b is the bottleneck (5 ms at best); layer a reaches 1 ms with 8 DSP but only needs <= 5 ms (1 DSP)
		IlpProblem p = new IlpProblem("tie", IlpObjective.MIN_MAX, List.of("a", "b"),
				List.of(List.of(new IlpCandidate(4, 1, 1, 10), new IlpCandidate(1, 8, 1, 10)),
						List.of(new IlpCandidate(5, 1, 1, 10))),
				ResourceBudget.of(100, 100, 1000, 1.0));
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.OPTIMAL, r.status());
		assertEquals(5.0, r.latencyMs(), 1e-12);
		assertEquals(List.of(0, 0), r.choice());
		assertEquals(2, r.dsp());
	}

	@Test
	void infeasibleDspIsExplainedWithNumbers() {
		// 4 layers, cheapest DSP 103 each -> 412 > floor(360 x 0.85) = 306
		List<List<IlpCandidate>> t = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			t.add(List.of(new IlpCandidate(2, 103, 2, 100), new IlpCandidate(1, 206, 4, 200)));
			names.add("conv" + i);
		}
		IlpProblem p = new IlpProblem("s3", IlpObjective.MIN_SUM, names, t, ResourceBudget.of(360, 432, 70560, 0.85));
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.INFEASIBLE, r.status());
		assertTrue(r.infeasibility().contains("DSP"), r.infeasibility());
		assertTrue(r.infeasibility().contains("412 > 306 available (360 x 0.85 cap)"), r.infeasibility());
		assertTrue(r.infeasibility().contains("short by 106"), r.infeasibility());
		assertTrue(!r.infeasibility().contains("BRAM18K"), "BRAM fits and must not be blamed: " + r.infeasibility());
		assertTrue(r.message().contains("s3"));
	}

	@Test
	void userCapIsNamedInExplanation() {
		IlpProblem p = new IlpProblem("s1", IlpObjective.MIN_SUM, List.of("a"),
				List.of(List.of(new IlpCandidate(2, 10, 50, 100))),
				new ResourceBudget(360, 432, 70560, 0.85, null, 40, null));
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.INFEASIBLE, r.status());
		assertTrue(
				r.infeasibility().contains(
						"BRAM18K over all layers (each at its cheapest candidate) 50 > 40 available (user cap 40"),
				r.infeasibility());
	}

	@Test
	void jointInfeasibilityFoundBySolverIsExplained() {
		// each resource alone fits, but the low-DSP option needs much BRAM and vice versa
		List<List<IlpCandidate>> t = List.of(List.of(new IlpCandidate(1, 10, 90, 1), new IlpCandidate(1, 90, 10, 1)),
				List.of(new IlpCandidate(1, 10, 90, 1), new IlpCandidate(1, 90, 10, 1)));
		IlpProblem p = new IlpProblem("j", IlpObjective.MIN_SUM, List.of("a", "b"), t,
				ResourceBudget.of(60, 60, 100, 1.0));
		assertNull(SubgraphIlp.explainBoundInfeasibility(p));
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.INFEASIBLE, r.status());
		assertTrue(r.infeasibility().contains("cannot be met together"), r.infeasibility());
		assertTrue(r.infeasibility().contains("fewest-DSP configuration (20 DSP) needs 180 BRAM18K > 60"),
				r.infeasibility());
	}

	@Test
	void cancelledBeforeSolveReturnsCancelled() {
		IlpProblem p = RandomInstances.make(3, 10, 8, 16, IlpObjective.MIN_SUM, 0.3);
		IlpResult r = SubgraphIlp.solve(p, 10_000, () -> true);
		assertEquals(IlpResult.Status.CANCELLED, r.status());
		assertTrue(!r.hasSolution());
	}

	/** A hard instance: many layers, three tight resources, min-sum (a multi-dimensional multiple-choice knapsack). */
	static IlpProblem hard() {
		return RandomInstances.make(11, 600, 12, 16, IlpObjective.MIN_SUM, 0.35);
	}

	@Test
	void cancelWhileSolvingReturnsWithinOneSecond() throws Exception {
		IlpProblem p = hard();
		AtomicBoolean cancel = new AtomicBoolean();
		AtomicLong cancelledAt = new AtomicLong();
		Thread canceller = new Thread(() -> {
			try {
				Thread.sleep(300);
			} catch (InterruptedException e) {
				return;
			}
			cancelledAt.set(System.nanoTime());
			cancel.set(true);
		});
		canceller.start();
		IlpResult r = SubgraphIlp.solve(p, 120_000, cancel::get);
		long after = System.nanoTime();
		canceller.join();
		// the functional requirement of issue 6 is "cancel honoured within 1 s": that is what this checks
		assertEquals(IlpResult.Status.CANCELLED, r.status(),
				"the hard instance finished before the cancel: " + r.message());
		assertTrue(after - cancelledAt.get() < 1_000_000_000L,
				"cancel took " + (after - cancelledAt.get()) / 1e6 + " ms");
	}

	@Test
	void timeLimitGivesFeasibleWithGapOrTimeLimitStatus() {
		IlpResult r = SubgraphIlp.solve(hard(), 50, () -> false);
		assertNotEquals(IlpResult.Status.OPTIMAL, r.status(), "the hard instance was proven optimal within 50 ms");
		assertTrue(r.status() == IlpResult.Status.FEASIBLE || r.status() == IlpResult.Status.TIME_LIMIT,
				r.status().toString());
		assertTrue(r.message().contains("time limit"), r.message());
		if (r.status() == IlpResult.Status.FEASIBLE) {
			assertTrue(r.gap() >= 0);
			assertTrue(r.hasSolution());
		}
	}

	@Test
	void emptySubgraphIsTriviallyOptimal() {
		IlpProblem p = new IlpProblem("e", IlpObjective.MIN_MAX, List.of(), List.of(), ResourceBudget.of(1, 1, 1, 1.0));
		IlpResult r = SubgraphIlp.solve(p);
		assertEquals(IlpResult.Status.OPTIMAL, r.status());
		assertEquals(0.0, r.latencyMs());
	}
}
