package org.hao.engine.results;

import java.util.Objects;

/**
 * A configuration (or the whole search) that gave no point, with its kind and a message a user can act on.
 *
 * @param kind what went wrong
 * @param message the words shown to the user (CLI {@code skipped:} lines, report, Pareto view)
 */
public record Failure(FailureKind kind, String message) {
	public Failure {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
	}

	/** The same failure with {@code suffix} appended to its message. */
	public Failure withSuffix(String suffix) {
		return new Failure(kind, message + suffix);
	}

	@Override
	public String toString() {
		return message;
	}
}
