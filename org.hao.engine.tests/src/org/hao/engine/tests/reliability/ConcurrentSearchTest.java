package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.hao.engine.bench.Examples;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

/** Searches running at the same time (two launches, IDE + CLI) give exactly what each gives alone. */
class ConcurrentSearchTest {

	private static SearchSpec spec(long seed, Integer dspCap) {
		Device d = Devices.ZU3EG_HLS;
		return new SearchSpec("c" + seed, Examples.reduced(), d, Objective.MAX_ACCURACY,
				new Constraints(null, null, dspCap, null, null, null, null), null, seed, 300);
	}

	private static String json(SearchResult r) {
		return ResultsJson.toJson(ResultsDocument.of(r)).replaceAll("\"elapsed_ms\": \\d+", "");
	}

	@Test
	void twoSearchesAtOnceEqualTheirSoloRunsWithSharedAndSeparateCaches() {
		SearchSpec a = spec(1, null), b = spec(2, 150);
		String soloA = json(HaoSearch.run(a, new SearchOptions(2, null), null, new CancelToken()));
		String soloB = json(HaoSearch.run(b, new SearchOptions(2, null), null, new CancelToken()));
		IlpCache shared = new IlpCache();
		CompletableFuture<SearchResult> fa = CompletableFuture
				.supplyAsync(() -> HaoSearch.run(a, new SearchOptions(2, null), null, new CancelToken(), shared));
		CompletableFuture<SearchResult> fb = CompletableFuture
				.supplyAsync(() -> HaoSearch.run(b, new SearchOptions(2, null), null, new CancelToken(), shared));
		CompletableFuture<SearchResult> fc = CompletableFuture
				.supplyAsync(() -> HaoSearch.run(a, new SearchOptions(1, null), null, new CancelToken()));
		assertEquals(soloA, json(fa.join()));
		assertEquals(soloB, json(fb.join()));
		assertEquals(soloA, json(fc.join()));
	}

	@Test
	void cancellingOneSearchLeavesTheOtherComplete() throws Exception {
		SearchSpec a = spec(5, null);
		String solo = json(HaoSearch.run(a, new SearchOptions(1, null), null, new CancelToken()));
		IlpCache shared = new IlpCache();
		CancelToken stopB = new CancelToken();
		CompletableFuture<SearchResult> fb = CompletableFuture.supplyAsync(() -> HaoSearch.run(
				new SearchSpec("big", Examples.mobileNetV2(Examples.benchSpace()), Devices.ZU3EG_HLS,
						Objective.MAX_ACCURACY, Constraints.NONE, null, 5, 600),
				new SearchOptions(1, null), null, stopB, shared));
		CompletableFuture<SearchResult> fa = CompletableFuture
				.supplyAsync(() -> HaoSearch.run(a, new SearchOptions(1, null), null, new CancelToken(), shared));
		Thread.sleep(200);
		stopB.cancel();
		assertTrue(fb.join().cancelled() || fb.join().complete());
		SearchResult ra = fa.join();
		assertTrue(ra.complete());
		assertEquals(solo, json(ra));
	}
}
