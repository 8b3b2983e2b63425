package org.hao.dsl.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Singleton;

/**
 * Estimates per open document, computed off the request threads on one background thread ("hao-estimates") and kept
 * for the document version they were computed for. A request for a newer version cancels the older computation and
 * drops its result; a request that Xtext cancels (the document changed meanwhile) stops waiting and returns null.
 */
@Singleton
public class EstimateCache {

	/** How often a waiting request checks whether it was cancelled, in ms. */
	private static final long POLL_MS = 25;

	private record Pending(Integer version, Future<List<EstimateLine>> result) {
	}

	private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "hao-estimates");
		t.setDaemon(true);
		return t;
	});

	private final Map<String, Pending> byUri = new ConcurrentHashMap<>();

	/**
	 * The estimates of {@code document} at its current version, waiting for them while {@code cancel} allows.
	 *
	 * @return the lines, or null when the request was cancelled or the computation failed
	 */
	public List<EstimateLine> get(Document document, XtextResource resource, CancelIndicator cancel) {
		String uri = String.valueOf(resource.getURI());
		Integer version = document.getVersion();
		Pending pending = byUri.compute(uri, (k, old) -> {
			if (old != null && old.version() != null && old.version().equals(version)) {
				return old;
			}
			if (old != null) {
				old.result().cancel(true); // an older version: its estimate is dropped
			}
			EstimateJob job = EstimateJob.of(resource); // reads EMF here, on the request's thread
			return new Pending(version, engine.submit(job::run));
		});
		while (true) {
			try {
				return pending.result().get(POLL_MS, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				if (cancel.isCanceled()) {
					return null;
				}
			} catch (CancellationException | ExecutionException e) {
				return null;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	/** Forgets a closed document. */
	public void forget(String uri) {
		Pending p = byUri.remove(uri);
		if (p != null) {
			p.result().cancel(true);
		}
	}
}
