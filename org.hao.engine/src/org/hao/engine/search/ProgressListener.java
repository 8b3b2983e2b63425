package org.hao.engine.search;

/** Receives progress of a search; called from worker threads (implementations must be thread-safe and quick). */
@FunctionalInterface
public interface ProgressListener {
	void progress(int done, int total, String message);

	/** A listener that ignores everything. */
	ProgressListener NONE = (d, t, m) -> {
	};
}
