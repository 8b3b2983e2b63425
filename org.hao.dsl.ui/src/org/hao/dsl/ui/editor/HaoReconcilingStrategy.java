package org.hao.dsl.ui.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.service.OperationCanceledError;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.HaoUiPlugin;

/** Validation as you type: the reconciler thread re-parses the whole (small) document after a pause in typing. */
public class HaoReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private final EditorModel model;
	private IDocument document;
	private IProgressMonitor monitor = new NullProgressMonitor();

	public HaoReconcilingStrategy(EditorModel model) {
		this.model = model;
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		reconcile();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		reconcile();
	}

	@Override
	public void reconcile(IRegion partition) {
		reconcile();
	}

	private void reconcile() {
		if (document == null) {
			return;
		}
		try {
			model.reconcile(document, monitor::isCanceled);
		} catch (OperationCanceledError | OperationCanceledException e) {
			// the document changed (or the editor closed) during the parse: the next reconcile has the new text; an
			// Error escaping here would end the reconciler thread and with it validation as you type
		} catch (RuntimeException e) {
			// a broken parse must never kill the reconciler thread: the next edit tries again
			HaoUiPlugin.log("reconciling " + model.uri() + " failed", e);
		}
	}
}
