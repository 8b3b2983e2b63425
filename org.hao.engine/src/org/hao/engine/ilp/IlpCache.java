package org.hao.engine.ilp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Thread-safe memo of subgraph ILP results so a search never solves the same ILP twice. When two threads ask for the
 * same key at once, one solves and the other waits for its result (no duplicate solve).
 *
 * <p>Kept: OPTIMAL, INFEASIBLE, FEASIBLE and TIME_LIMIT (the time limit is part of the key, so a repeat would only
 * repeat the same limit). Not kept: CANCELLED, ERROR and SOLVER_UNAVAILABLE — they say nothing about the problem, so
 * the next request solves again.
 */
public final class IlpCache {
	private final ConcurrentHashMap<IlpKey, CompletableFuture<IlpResult>> map = new ConcurrentHashMap<>();
	private final AtomicLong hits = new AtomicLong();
	private final AtomicLong solves = new AtomicLong();

	/**
	 * The cached result for {@code key}, or the result of {@code solve} (run at most once at a time per key).
	 */
	public IlpResult get(IlpKey key, Supplier<IlpResult> solve) {
		while (true) {
			CompletableFuture<IlpResult> mine = new CompletableFuture<>();
			CompletableFuture<IlpResult> prev = map.putIfAbsent(key, mine);
			if (prev != null) {
				IlpResult r;
				try {
					r = prev.join();
				} catch (RuntimeException e) {
					continue; // the solving thread failed and removed its entry; try ourselves
				}
				if (keep(r)) {
					hits.incrementAndGet();
					return r;
				}
				map.remove(key, prev);
				continue;
			}
			solves.incrementAndGet();
			IlpResult r;
			try {
				r = solve.get();
			} catch (RuntimeException | Error e) {
				map.remove(key, mine);
				mine.completeExceptionally(e);
				throw e;
			}
			if (!keep(r)) {
				map.remove(key, mine);
			}
			mine.complete(r);
			return r;
		}
	}

	private static boolean keep(IlpResult r) {
		return switch (r.status()) {
			case OPTIMAL, INFEASIBLE, FEASIBLE, TIME_LIMIT -> true;
			default -> false;
		};
	}

	/** Requests answered from the cache. */
	public long hits() {
		return hits.get();
	}

	/** Requests that ran the solver. */
	public long solves() {
		return solves.get();
	}

	/** Problems currently held. */
	public int size() {
		return map.size();
	}

	public void clear() {
		map.clear();
	}
}
