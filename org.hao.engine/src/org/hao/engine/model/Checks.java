package org.hao.engine.model;

/** Argument checks shared by the model records; every message names the offending field. */
final class Checks {
	private Checks() {
	}

	static int positive(String field, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(field + " must be positive, was " + value);
		}
		return value;
	}

	static double positive(String field, double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(field + " must be a positive finite number, was " + value);
		}
		return value;
	}

	static double nonNegative(String field, double value) {
		if (!(value >= 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(field + " must be a non-negative finite number, was " + value);
		}
		return value;
	}

	static String name(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be blank");
		}
		return value;
	}

	static <T> T notNull(String field, T value) {
		if (value == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
		return value;
	}
}
