package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.hao.engine.bench.Examples;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpKey;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.hao.engine.search.SubgraphEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solver faults end in a result or an exception with words a user can act on, never a crash or a hang. Real SCIP,
 * real native loading: a missing or broken native library is reproduced with a real folder (the -Dhao.scip.natives
 * code path), not by mocking the solver.
 */
class SolverFaultTest {

	@TempDir
	Path dir;

	private static SearchSpec spec(Constraints c, double timeLimitS) {
		return new SearchSpec("fault", Examples.reduced(), Devices.ZU3EG_HLS, Objective.MAX_ACCURACY, c, null, 1,
				timeLimitS);
	}

	@Test
	void missingNativeLibraryNamesTheFileAndTheFix() {
		ScipUnavailableException e = assertThrows(ScipUnavailableException.class, () -> ScipNatives.checkFolder(dir));
		assertTrue(e.getMessage().contains(dir.resolve("libjniortools.so").toAbsolutePath().toString()),
				e.getMessage());
		assertTrue(e.getMessage().contains("-Dhao.scip.natives"), e.getMessage());
	}

	@Test
	void brokenNativeLibraryIsReportedNotThrownAsLinkError() throws Exception {
		Files.write(dir.resolve("libjniortools.so"),
				"not an ELF file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		ScipUnavailableException e = assertThrows(ScipUnavailableException.class, () -> ScipNatives.checkFolder(dir));
		assertTrue(e.getMessage().contains("cannot be loaded from"), e.getMessage());
		assertTrue(ScipNatives.isAvailable(), "a failed probe must not break the solver already in use");
	}

	@Test
	void infeasibleBudgetIsExplainedWithTheResourceAndShortfall() {
		SearchResult r = HaoSearch.run(spec(new Constraints(null, null, 1, null, null, null, null), 60),
				new SearchOptions(1, null), null, new CancelToken());
		assertTrue(r.points().isEmpty(), "a 1-DSP cap fits nothing");
		assertFalse(r.failures().isEmpty());
		String all = r.failures().toString();
		assertTrue(all.contains("DSP") && all.contains("short by"), all);
		assertTrue(all.contains("no network configuration exists"), all);
	}

	@Test
	void timeLimitStopsTheSearchWithAPartialFlag() {
		long t0 = System.nanoTime();
		SearchSpec big = new SearchSpec("fault", Examples.mobileNetV2(Examples.benchSpace()), Devices.ZU3EG_HLS,
				Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 0.05);
		org.hao.engine.search.NetworkEvaluator.clearCaches(); // cold: earlier tests may have solved these networks
		SearchResult r = HaoSearch.run(big, new SearchOptions(1, null), null, new CancelToken());
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("RELIABILITY time limit 0.05 s: search returned after " + ms + " ms, " + r.points().size()
				+ " points, complete=" + r.complete());
		assertFalse(r.cancelled());
		assertFalse(r.complete(), "0.05 s cannot finish MobileNetV2's 17 searched blocks");
		String text = String.join("\n", r.warnings()) + r.failures().toString();
		assertTrue(text.contains("time limit"), text);
		// anytime: however short the limit, the frontier covers every subgraph (at least the base configuration)
		assertFalse(r.points().isEmpty(), text);
		assertTrue(ms < 30_000, "the time limit was not honoured: " + ms + " ms");
	}

	@Test
	void hugeTimeLimitDoesNotOverflowIntoAnImmediateStop() {
		SearchResult r = HaoSearch.run(spec(Constraints.NONE, 1e300), new SearchOptions(2, null), null,
				new CancelToken());
		assertTrue(r.complete(), () -> "warnings " + r.warnings() + " failures " + r.failures());
		assertFalse(r.points().isEmpty());
	}

	@Test
	void interruptingTheSearchThreadStopsItLikeACancel() throws Exception {
		AtomicReference<SearchResult> result = new AtomicReference<>();
		AtomicInteger progress = new AtomicInteger();
		Thread t = new Thread(() -> result.set(HaoSearch.run(spec(Constraints.NONE, 300), new SearchOptions(1, null),
				(done, total, m) -> progress.set(done), new CancelToken())));
		t.start();
		long deadline = System.currentTimeMillis() + 60_000;
		while (progress.get() < 2 && t.isAlive() && System.currentTimeMillis() < deadline) {
			Thread.sleep(5);
		}
		long t0 = System.nanoTime();
		t.interrupt();
		t.join(60_000);
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("RELIABILITY interrupt: search thread ended " + ms + " ms after interrupt()");
		assertFalse(t.isAlive(), "the interrupted search did not end");
		SearchResult r = result.get();
		if (!r.complete()) { // it may have finished just before the interrupt arrived
			assertTrue(r.cancelled());
			assertTrue(r.warnings().stream().anyMatch(w -> w.contains("interrupted")), r.warnings().toString());
		}
		assertTrue(ms < 10_000, "interrupt took " + ms + " ms");
	}

	@Test
	void anErrorInsideASolveLeavesTheCacheUsable() {
		IlpCache cache = new IlpCache();
		IlpKey key = IlpKey.of(java.util.List.of(), Devices.ZU3EG_HLS, null, null, SubgraphEvaluator.MAX_CANDIDATES, 1);
		assertThrows(OutOfMemoryError.class, () -> cache.get(key, () -> {
			throw new OutOfMemoryError("simulated: native allocation failed");
		}));
		assertEquals(0, cache.size(), "a failed solve must not be remembered");
		IlpResult ok = cache.get(key,
				() -> new IlpResult(IlpResult.Status.OPTIMAL, 1, java.util.List.of(), 0, 0, 0, 1, 0, 0, "ok", null));
		assertEquals(IlpResult.Status.OPTIMAL, ok.status());
	}
}
