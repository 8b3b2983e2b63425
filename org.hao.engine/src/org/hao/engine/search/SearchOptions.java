package org.hao.engine.search;

/**
 * How a search runs.
 *
 * @param threads worker threads (values < 1 mean the number of cores)
 * @param timeLimitSeconds overall time limit; null = the SearchSpec's
 */
public record SearchOptions(int threads, Double timeLimitSeconds) {
	/** Cores, the spec's time limit. */
	public static final SearchOptions DEFAULT = new SearchOptions(0, null);

	public int effectiveThreads() {
		return threads >= 1 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
	}
}
