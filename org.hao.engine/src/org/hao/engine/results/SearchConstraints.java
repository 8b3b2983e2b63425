package org.hao.engine.results;

import org.hao.engine.model.Constraints;

/**
 * The constraints a search was run with, as the results file records them (null = none).
 *
 * @param minFps frames per second at least
 * @param maxLatencyMs latency per frame at most (ms)
 * @param maxEnergyMj energy per frame at most (mJ)
 */
public record SearchConstraints(Double minFps, Double maxLatencyMs, Integer maxDsp, Integer maxBram18k, Integer maxLut,
		Double minAccuracy, Double maxEnergyMj) {

	public static SearchConstraints of(Constraints c) {
		return new SearchConstraints(c.minFps(), c.maxLatencyMs(), c.maxDsp(), c.maxBram18k(), c.maxLut(),
				c.minAccuracy(), c.maxEnergyMjPerFrame());
	}

	/** The latency the constraints allow (from max latency or min fps, whichever is tighter), or null. */
	public Double latencyBudgetMs() {
		Double fromFps = minFps == null || minFps <= 0 ? null : 1000 / minFps;
		if (fromFps == null) {
			return maxLatencyMs;
		}
		return maxLatencyMs == null ? fromFps : Math.min(fromFps, maxLatencyMs);
	}
}
