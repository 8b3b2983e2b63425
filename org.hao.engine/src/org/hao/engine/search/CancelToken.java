package org.hao.engine.search;

/** A cancel flag shared between the caller (IDE job, Ctrl-C handler) and a running search. Thread-safe. */
public final class CancelToken {
	private volatile boolean cancelled;

	public void cancel() {
		cancelled = true;
	}

	public boolean isCancelled() {
		return cancelled;
	}

	/** A token nobody cancels. */
	public static CancelToken none() {
		return new CancelToken();
	}
}
