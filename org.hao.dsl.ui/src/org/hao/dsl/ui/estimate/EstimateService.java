package org.hao.dsl.ui.estimate;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.swt.widgets.Display;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.DocumentText;

/**
 * Inline estimates of one editor. After each reconcile a debounced background job runs the engine's Estimator; the
 * result is installed only if the document is still at the version it was computed for, otherwise dropped (the
 * reconcile of the newer version schedules a new job). Typing never waits for it.
 */
public class EstimateService {

	public static final String CATEGORY = "org.hao.dsl.ui.estimates";
	/** Debounce after a reconcile, on top of the reconciler's own delay. */
	static final int DEBOUNCE_MS = 250;

	private final Supplier<ISourceViewer> viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private volatile EstimateSnapshot installed = EstimateSnapshot.NONE;
	private Job pending;
	private volatile boolean disposed;

	/** @param viewer the editor's viewer (null before it is created and after it is disposed) */
	public EstimateService(Supplier<ISourceViewer> viewer) {
		this.viewer = viewer;
	}

	/** Called by the reconciler thread with a fresh parse. */
	public synchronized void schedule(ParsedDocument parsed) {
		if (disposed) {
			return;
		}
		if (pending != null) {
			pending.cancel();
		}
		Job job = Job.create("Estimating " + parsed.resource().getURI().lastSegment(), monitor -> {
			return run(parsed, monitor);
		});
		job.setSystem(true);
		job.setPriority(Job.DECORATE);
		pending = job;
		job.schedule(DEBOUNCE_MS);
	}

	private IStatus run(ParsedDocument parsed, IProgressMonitor monitor) {
		if (monitor.isCanceled() || disposed || !isCurrent(parsed.stamp())) {
			return Status.CANCEL_STATUS;
		}
		EstimateSnapshot snapshot;
		try {
			snapshot = EstimateComputer.compute(parsed);
		} catch (RuntimeException | LinkageError e) {
			// the engine failing (e.g. no SCIP natives) must not break the editor: no minings, error logged
			HaoUiPlugin.log("estimating " + parsed.resource().getURI() + " failed", e);
			snapshot = new EstimateSnapshot(parsed.stamp(), List.of(), e.toString());
		}
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		EstimateSnapshot result = snapshot;
		Display display = Display.getDefault();
		if (!display.isDisposed()) {
			display.asyncExec(() -> install(result));
		}
		return Status.OK_STATUS;
	}

	private boolean isCurrent(long stamp) {
		IDocument doc = document();
		return doc != null && DocumentText.stamp(doc) == stamp;
	}

	private IDocument document() {
		ISourceViewer v = viewer.get();
		return v == null ? null : v.getDocument();
	}

	/** UI thread: track the entries' offsets as document positions, then repaint the minings. */
	private void install(EstimateSnapshot snapshot) {
		IDocument doc = document();
		if (disposed || doc == null || DocumentText.stamp(doc) != snapshot.stamp()) {
			return; // computed for an older version: drop it
		}
		try {
			if (doc.containsPositionCategory(CATEGORY)) {
				doc.removePositionCategory(CATEGORY);
			} else {
				doc.addPositionUpdater(updater);
			}
			doc.addPositionCategory(CATEGORY);
			for (EstimateEntry e : snapshot.entries()) {
				doc.addPosition(CATEGORY, e.position());
			}
		} catch (BadLocationException | BadPositionCategoryException e) {
			return;
		}
		installed = snapshot;
		if (viewer.get() instanceof ISourceViewerExtension5 v) {
			v.updateCodeMinings();
		}
	}

	/** The installed estimates and whether they belong to the document's current text. */
	public EstimateSnapshot installed() {
		return installed;
	}

	public boolean isInstalledCurrent() {
		return isCurrent(installed.stamp());
	}

	/** Labels as the minings show them now (stale ones are marked); for tests and the hover. */
	public List<String> labels() {
		boolean current = isInstalledCurrent();
		return installed.entries().stream().filter(e -> !e.position().isDeleted()).map(e -> label(e, current)).toList();
	}

	/** An entry's text, marked "(updating)" when it belongs to an older version of the text. */
	public static String label(EstimateEntry e, boolean current) {
		return current ? e.text() : "(updating) " + e.text();
	}

	/** The estimate of an element for its hover, or null. */
	public String hoverText(EObject element) {
		String key = switch (element) {
			case Op op -> "op:" + op.getName();
			case Subgraph sg -> "subgraph:" + sg.getName();
			case Search s -> "search:" + s.getName();
			case Network n -> "network:" + n.getName();
			default -> null;
		};
		EstimateEntry e = key == null ? null : installed.entry(key);
		return e == null ? null : label(e, isInstalledCurrent());
	}

	public synchronized void dispose() {
		disposed = true;
		if (pending != null) {
			pending.cancel();
		}
	}
}
