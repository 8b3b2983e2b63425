package org.hao.engine.model;

/** What a search optimises once the constraints hold. */
public enum Objective {
	MAX_ACCURACY, MIN_LATENCY, MIN_ENERGY;

	/** The name in results files, e.g. "max_accuracy". */
	public String keyword() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
