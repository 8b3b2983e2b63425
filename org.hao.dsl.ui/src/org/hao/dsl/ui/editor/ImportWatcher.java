package org.hao.dsl.ui.editor;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.IDocument;
import org.hao.dsl.hao.Import;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.DocumentText;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.index.DependencyIndex;

/**
 * Re-validates an open editor when a file its latest parse read (an imported file, or a file those refer into) is
 * saved, created or deleted: without it, the editor's annotations and estimates stay stale until its own text is
 * edited. The new parse runs in a job off the UI thread and is dropped if the document changed meanwhile (the
 * reconciler then has the newer version).
 */
public class ImportWatcher implements IResourceChangeListener {

	/** Job family of the re-validations (tests wait for it). */
	public static final Object FAMILY = ImportWatcher.class;

	private final EditorModel model;
	private final Supplier<IDocument> document;

	public ImportWatcher(EditorModel model, Supplier<IDocument> document) {
		this.model = model;
		this.document = document;
	}

	public void install() {
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
	}

	public void uninstall() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		ParsedDocument latest = model.latest();
		if (latest == null || event.getDelta() == null) {
			return;
		}
		Set<URI> changed = new HashSet<>();
		try {
			event.getDelta().accept(d -> {
				IResource r = d.getResource();
				boolean contentOrExistence = d.getKind() != IResourceDelta.CHANGED
						|| (d.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
				if (DependencyIndex.isHao(r) && contentOrExistence) {
					changed.add(DocumentParser.uriOf((org.eclipse.core.resources.IFile) r));
				}
				return true;
			});
		} catch (CoreException e) {
			return;
		}
		if (!changed.isEmpty() && readsAny(latest, changed)) {
			schedule();
		}
	}

	/** Whether the parse read (or tried to read: imports of missing files) one of {@code uris}. */
	static boolean readsAny(ParsedDocument parsed, Set<URI> uris) {
		if (parsed.resource().getResourceSet() != null) {
			for (Resource r : parsed.resource().getResourceSet().getResources()) {
				if (r != parsed.resource() && uris.contains(r.getURI())) {
					return true;
				}
			}
		}
		if (parsed.model() != null) {
			for (Import imp : parsed.model().getImports()) {
				URI u = org.hao.dsl.scoping.HaoImports.resolve(parsed.resource(), imp.getImportURI());
				if (u != null && uris.contains(u)) {
					return true;
				}
			}
		}
		return false;
	}

	private void schedule() {
		Job job = new Job("Re-validating " + model.uri().lastSegment()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				IDocument doc = document.get();
				if (doc == null) {
					return Status.OK_STATUS;
				}
				long stamp = DocumentText.stamp(doc);
				try {
					model.reconcile(doc, () -> monitor.isCanceled() || DocumentText.stamp(doc) != stamp);
				} catch (org.eclipse.xtext.service.OperationCanceledError
						| org.eclipse.core.runtime.OperationCanceledException e) {
					// the document changed meanwhile: the reconciler validates the new text
				} catch (RuntimeException e) {
					HaoUiPlugin.log("re-validating " + model.uri() + " failed", e);
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}
}
