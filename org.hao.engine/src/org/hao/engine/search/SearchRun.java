package org.hao.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.results.Failure;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;

/**
 * The state one search's phases share: the spec, the stop conditions (cancel, deadline), the worker pool, the
 * progress count, the failures and warnings gathered so far, and how the outcome is assembled.
 */
final class SearchRun {
	final SearchSpec spec;
	final ProgressListener progress;
	final IlpCache cache;
	final long t0;
	final double limitSeconds;
	final long deadline;
	/** The caller's token, or this search's own when the calling thread is interrupted (see {@link #runAll}). */
	final CancelToken interrupted = new CancelToken();
	final BooleanSupplier cancelled;
	/** Cancelled, or past the deadline. */
	final BooleanSupplier stop;
	final List<Failure> failures = new ArrayList<>();
	final List<String> warnings = new ArrayList<>();
	final AtomicInteger done = new AtomicInteger();
	private final long solves0;
	private final long hits0;
	String solver = "unavailable";
	/** The predictor's description once it is known. */
	AccuracyPredictor predictor;
	String predictorText;
	NetworkEvaluator networks;
	ExecutorService pool;
	/** Phase 1 and 3 tasks plus the merged networks: the progress bar's total. */
	int progressTotal;

	SearchRun(SearchSpec spec, SearchOptions options, ProgressListener listener, CancelToken cancel, IlpCache cache) {
		this.spec = spec;
		this.progress = listener == null ? ProgressListener.NONE : listener;
		this.cache = cache;
		this.t0 = System.currentTimeMillis();
		CancelToken callerToken = cancel == null ? CancelToken.none() : cancel;
		this.cancelled = () -> callerToken.isCancelled() || interrupted.isCancelled();
		this.limitSeconds = options.timeLimitSeconds() != null ? options.timeLimitSeconds() : spec.timeLimitSeconds();
		this.deadline = deadline(t0, limitSeconds);
		this.stop = () -> cancelled.getAsBoolean() || System.currentTimeMillis() > deadline;
		this.solves0 = cache.solves();
		this.hits0 = cache.hits();
	}

	/** The outcome with the failures, warnings and solver counts gathered so far. */
	SearchResult result(List<ParetoPoint> points, ParetoPoint chosen, boolean wasCancelled, boolean complete) {
		return new SearchResult(solver, spec.device().name(), points, chosen, failures, warnings, wasCancelled,
				complete, System.currentTimeMillis() - t0, cache.solves() - solves0, cache.hits() - hits0,
				predictorText);
	}

	/** No frontier: {@code why} is the reason. */
	SearchResult failed(Failure why, boolean wasCancelled, boolean complete) {
		failures.add(why);
		return result(List.of(), null, wasCancelled, complete);
	}

	/** Counts one unit of work for the progress bar. */
	void step(String message) {
		progress.progress(Math.min(done.incrementAndGet(), progressTotal), progressTotal, message);
	}

	/**
	 * Runs the tasks on the pool and gathers their results by index. An interrupt of the calling thread cancels the
	 * search through {@link #interrupted} (the workers see it at their next check) and the results are still gathered,
	 * so the pool is idle when the search returns; the interrupt flag is restored afterwards.
	 */
	<T> List<T> runAll(List<Callable<T>> tasks) {
		List<Future<T>> fs = new ArrayList<>(tasks.size());
		for (Callable<T> t : tasks) {
			fs.add(pool.submit(t));
		}
		List<T> out = new ArrayList<>(tasks.size());
		boolean wasInterrupted = false;
		for (Future<T> f : fs) {
			while (true) {
				try {
					out.add(f.get());
					break;
				} catch (InterruptedException e) {
					wasInterrupted = true;
					interrupted.cancel();
				} catch (ExecutionException e) {
					throw new IllegalStateException("search task failed: " + e.getCause(), e.getCause());
				}
			}
		}
		if (wasInterrupted) {
			Thread.currentThread().interrupt();
		}
		noteInterrupt();
		return out;
	}

	void noteInterrupt() {
		String w = "the search thread was interrupted: stopped like a cancel";
		if (interrupted.isCancelled() && !warnings.contains(w)) {
			warnings.add(w);
		}
	}

	boolean pastDeadline() {
		return System.currentTimeMillis() > deadline;
	}

	/** {@code t0 + limit}, saturating: a huge or infinite limit means no deadline, never one in the past. */
	static long deadline(long t0, double limitSeconds) {
		if (!(limitSeconds > 0) || limitSeconds * 1000 >= Long.MAX_VALUE - t0) {
			return limitSeconds > 0 ? Long.MAX_VALUE : t0;
		}
		return t0 + (long) (limitSeconds * 1000);
	}
}
