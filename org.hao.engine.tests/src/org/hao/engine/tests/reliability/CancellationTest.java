package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.hao.engine.bench.Examples;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling a real search (MobileNetV2, 17 blocks x 8 choices, real SCIP) from another thread: it returns flagged
 * cancelled, promptly. The requirement is 1 s; the assertion is a generous 5 s so a loaded CI machine cannot flake,
 * and the measured time is printed for docs/reliability.md.
 */
class CancellationTest {

	@ParameterizedTest(name = "cancel after {0} evaluations")
	@ValueSource(ints = {1, 40})
	void cancelStopsARunningSearchPromptly(int after) throws Exception {
		SearchSpec spec = new SearchSpec("cancel", Examples.mobileNetV2(Examples.benchSpace()), Devices.ZU3EG_HLS,
				Objective.MAX_ACCURACY, Constraints.NONE, null, 3, 600);
		CancelToken token = new CancelToken();
		AtomicInteger progress = new AtomicInteger();
		AtomicReference<SearchResult> result = new AtomicReference<>();
		Thread search = new Thread(
				() -> result.set(
						HaoSearch.run(spec, new SearchOptions(2, null), (done, total, m) -> progress.set(done), token)),
				"test-search");
		search.start();
		long wait = System.currentTimeMillis() + 120_000;
		while (progress.get() < after && search.isAlive() && System.currentTimeMillis() < wait) {
			Thread.sleep(2);
		}
		assertTrue(search.isAlive(), "the search ended before it could be cancelled");
		long t0 = System.nanoTime();
		token.cancel();
		search.join(60_000);
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println(
				"RELIABILITY cancel after " + progress.get() + " evaluations: search returned " + ms + " ms later");
		assertFalse(search.isAlive(), "the cancelled search is still running");
		assertTrue(result.get().cancelled(), "the result says cancelled");
		assertFalse(result.get().complete());
		assertTrue(ms < 5_000, "cancel took " + ms + " ms");
	}
}
