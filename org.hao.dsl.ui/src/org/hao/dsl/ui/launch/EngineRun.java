package org.hao.dsl.ui.launch;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;

/**
 * One engine search from a Job: the engine runs on its own thread; the job's thread polls it, relays progress to the
 * monitor and the file's {@link SearchStatus}, and turns the monitor's Cancel into the engine's CancelToken.
 */
public final class EngineRun {
	private static final long POLL_MS = 100;

	private EngineRun() {
	}

	public static SearchResult run(SearchSpec spec, SearchOptions options, CancelToken cancel, SubMonitor sub,
			IProgressMonitor monitor, IFile file) {
		AtomicReference<int[]> progress = new AtomicReference<>(new int[]{0, 1});
		AtomicReference<String> message = new AtomicReference<>("");
		CompletableFuture<SearchResult> future = CompletableFuture
				.supplyAsync(() -> HaoSearch.run(spec, options, (done, total, msg) -> {
					progress.set(new int[]{done, Math.max(1, total)});
					message.set(msg == null ? "" : msg);
				}, cancel));
		int reported = 0;
		while (true) {
			if (monitor.isCanceled()) {
				cancel.cancel();
			}
			try {
				return future.get(POLL_MS, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				int[] p = progress.get();
				int now = (int) (1000L * Math.min(p[0], p[1]) / p[1]);
				if (now > reported) {
					sub.worked(now - reported);
					reported = now;
				}
				sub.subTask(spec.device().name() + ": " + p[0] + "/" + p[1] + " " + message.get());
				SearchStatus.set(file,
						String.format(Locale.ROOT, "running on %s: %d/%d", spec.device().name(), p[0], p[1]));
			} catch (InterruptedException e) {
				cancel.cancel();
				Thread.currentThread().interrupt();
			} catch (ExecutionException e) {
				throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
			}
		}
	}
}
