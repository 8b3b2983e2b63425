package org.hao.engine.model;

/** Search constraints; a null field is unconstrained. Set values must be positive. */
public record Constraints(Double minFps, Double maxLatencyMs, Integer maxDsp, Integer maxBram18k, Integer maxLut,
		Double minAccuracy, Double maxEnergyMjPerFrame) {

	public static final Constraints NONE = new Constraints(null, null, null, null, null, null, null);

	public Constraints {
		if (minFps != null) {
			Checks.positive("minFps", minFps);
		}
		if (maxLatencyMs != null) {
			Checks.positive("maxLatencyMs", maxLatencyMs);
		}
		if (maxDsp != null) {
			Checks.positive("maxDsp", maxDsp);
		}
		if (maxBram18k != null) {
			Checks.positive("maxBram18k", maxBram18k);
		}
		if (maxLut != null) {
			Checks.positive("maxLut", maxLut);
		}
		if (minAccuracy != null) {
			Checks.positive("minAccuracy", minAccuracy);
		}
		if (maxEnergyMjPerFrame != null) {
			Checks.positive("maxEnergyMjPerFrame", maxEnergyMjPerFrame);
		}
	}

	/** The tighter of maxLatencyMs and 1000/minFps, or null when neither is set. */
	public Double latencyBudgetMs() {
		Double fromFps = minFps == null ? null : 1000.0 / minFps;
		if (maxLatencyMs == null) {
			return fromFps;
		}
		return fromFps == null ? maxLatencyMs : Math.min(maxLatencyMs, fromFps);
	}
}
