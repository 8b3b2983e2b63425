package org.hao.dsl.ui.refactoring;

import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.PerformChangeOperation;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.hao.dsl.ui.refactoring.HaoRename.Edit;
import org.hao.dsl.ui.refactoring.HaoRename.Plan;

/**
 * Applies a rename {@link Plan} as one LTK change: a {@link TextFileChange} per file through the file buffers, so a
 * file open in an editor is edited in its document (its unsaved edits stay, its editor's Undo works, it is not
 * saved if it was dirty) and a closed file is edited and saved. The change is registered with the refactoring undo
 * manager: Edit > Undo (or {@code RefactoringCore.getUndoManager().performUndo}) restores every file at once.
 */
public final class RenameApplier {

	private RenameApplier() {
	}

	/** The LTK change of a plan (not yet performed). */
	public static Change change(Plan plan) {
		CompositeChange all = new CompositeChange(label(plan));
		for (Map.Entry<IFile, List<Edit>> e : plan.edits().entrySet()) {
			TextFileChange change = new TextFileChange(e.getKey().getName(), e.getKey());
			change.setSaveMode(TextFileChange.KEEP_SAVE_STATE);
			MultiTextEdit edits = new MultiTextEdit();
			for (Edit edit : e.getValue()) {
				edits.addChild(new ReplaceEdit(edit.offset(), edit.length(), edit.text()));
			}
			change.setEdit(edits);
			all.add(change);
		}
		return all;
	}

	public static String label(Plan plan) {
		return "Rename '" + plan.oldName() + "' to '" + plan.newName() + "'";
	}

	/** Performs the plan; throws when a file changed since the plan was computed or cannot be written. */
	public static void apply(Plan plan, IProgressMonitor monitor) throws CoreException {
		if (!plan.ok()) {
			throw new IllegalArgumentException(plan.problem());
		}
		IProgressMonitor pm = monitor == null ? new NullProgressMonitor() : monitor;
		Change change = change(plan);
		change.initializeValidationData(pm);
		PerformChangeOperation op = new PerformChangeOperation(change);
		op.setUndoManager(RefactoringCore.getUndoManager(), label(plan));
		ResourcesPlugin.getWorkspace().run(op, pm);
		if (op.getValidationStatus() != null && op.getValidationStatus().hasFatalError()) {
			throw new CoreException(org.hao.dsl.ui.HaoUiPlugin.error(
					"rename not applied: " + op.getValidationStatus()
							.getMessageMatchingSeverity(org.eclipse.ltk.core.refactoring.RefactoringStatus.FATAL),
					null));
		}
	}
}
