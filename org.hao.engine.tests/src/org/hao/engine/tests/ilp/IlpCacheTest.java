package org.hao.engine.tests.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpKey;
import org.hao.engine.ilp.IlpObjective;
import org.hao.engine.ilp.IlpProblem;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.ilp.SubgraphIlp;
import org.hao.engine.bench.Devices;
import org.junit.jupiter.api.Test;

class IlpCacheTest {
	private static IlpKey key(int tag) {
		return new IlpKey(List.of(), Devices.ZU3EG_HLS, ResourceBudget.of(360, 432, 70560, 0.85), IlpObjective.MIN_SUM,
				tag, 1000);
	}

	@Test
	void sameKeyIsSolvedOnceEvenConcurrently() throws Exception {
		IlpCache cache = new IlpCache();
		IlpProblem p = RandomInstances.make(5, 20, 8, 12, IlpObjective.MIN_SUM, 0.4);
		AtomicInteger solves = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<IlpResult>> fs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			fs.add(pool.submit(() -> cache.get(key(1), () -> {
				solves.incrementAndGet();
				return SubgraphIlp.solve(p);
			})));
		}
		IlpResult first = fs.get(0).get();
		for (Future<IlpResult> f : fs) {
			assertSame(first, f.get());
		}
		pool.shutdown();
		assertEquals(1, solves.get());
		assertEquals(1, cache.solves());
		assertEquals(7, cache.hits());
		cache.get(key(2), () -> SubgraphIlp.solve(p));
		assertEquals(2, cache.solves());
	}

	@Test
	void cancelledResultsAreNotKept() {
		IlpCache cache = new IlpCache();
		IlpProblem p = RandomInstances.make(5, 5, 3, 4, IlpObjective.MIN_SUM, 0.4);
		assertEquals(IlpResult.Status.CANCELLED,
				cache.get(key(3), () -> SubgraphIlp.solve(p, 1000, () -> true)).status());
		assertEquals(IlpResult.Status.OPTIMAL, cache.get(key(3), () -> SubgraphIlp.solve(p)).status());
		assertEquals(2, cache.solves());
	}
}
