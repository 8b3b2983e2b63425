package org.hao.dsl.ui.refactoring;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.hao.dsl.ElementLabels;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.index.ImportedFiles;

/**
 * The editor's Rename... (Alt+Shift+R) and Find References (Ctrl+Shift+G): find the element under the caret, then
 * {@link HaoRename} / {@link HaoReferences}. Problems are shown in a dialog (interactive) or returned (the methods
 * tests and other callers use). Sees the editor's document model and site, not the editor (the editor wires it).
 */
public final class EditorRefactoring {

	/** Xtext's ID terminal (without the ^ escape); HaoRename also refuses keywords. */
	private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private EditorRefactoring() {
	}

	/** The element at {@code offset} of the document (its definition or a reference to it), or null. */
	public static EObject elementAt(EditorModel model, IDocument document, int offset) {
		return HaoReferences.targetAt(model.current(document), offset);
	}

	/** The workspace file defining {@code element}, or null (library, a file outside the workspace). */
	public static IFile homeOf(EObject element) {
		return element.eResource() == null ? null : ImportedFiles.fileAt(element.eResource().getURI());
	}

	/** Ctrl+Shift+G: the element's definition and references in the HAO References view. */
	public static void findReferences(IWorkbenchPartSite site, EditorModel model, IDocument document, int offset) {
		EObject element = elementAt(model, document, offset);
		if (element == null) {
			MessageDialog.openInformation(site.getShell(), "Find References",
					"Put the caret on the name of a network, op, subgraph, device, space or search.");
			return;
		}
		BusyIndicator.showWhile(site.getShell().getDisplay(), () -> {
			try {
				showReferences(site.getPage(), element);
			} catch (CoreException | RuntimeException e) {
				HaoUiPlugin.log("find references failed", e);
				MessageDialog.openError(site.getShell(), "Find References", String.valueOf(e.getMessage()));
			}
		});
	}

	/** Finds the occurrences of {@code element} and shows them in the HAO References view (opened if needed). */
	public static ReferencesView showReferences(IWorkbenchPage page, EObject element) throws CoreException {
		IFile home = homeOf(element);
		// a library device can be used by any file; anything else only by its file and that file's importers
		WorkspaceModel model = home == null ? WorkspaceModel.workspace() : WorkspaceModel.around(home);
		EObject target = HaoReferences.sameIn(model, element);
		List<Reference> found = target == null ? List.of() : HaoReferences.find(model, target, true);
		try {
			ReferencesView view = (ReferencesView) page.showView(ReferencesView.ID);
			view.show(ElementLabels.describe(element), found);
			return view;
		} catch (PartInitException e) {
			throw new CoreException(HaoUiPlugin.error("cannot open the HAO References view", e));
		}
	}

	/** Alt+Shift+R: asks for the new name, then renames (or says why not); the outcome goes to the status line. */
	public static void rename(IWorkbenchPartSite site, IStatusLineManager status, EditorModel model, IDocument document,
			int offset) {
		EObject element = elementAt(model, document, offset);
		if (element == null) {
			MessageDialog.openInformation(site.getShell(), "Rename",
					"Put the caret on the name of a network, op, subgraph, device, space or search.");
			return;
		}
		String oldName = ElementLabels.name(element);
		InputDialog dialog = new InputDialog(site.getShell(), "Rename " + ElementLabels.describe(element),
				"New name (the definition and every reference in the workspace are renamed):", oldName,
				s -> ID.matcher(s).matches() ? null : "not a name: letters, digits and _ (not starting with a digit)");
		if (dialog.open() != Window.OK || dialog.getValue().equals(oldName)) {
			return;
		}
		HaoRename.Plan[] plan = new HaoRename.Plan[1];
		BusyIndicator.showWhile(site.getShell().getDisplay(), () -> {
			try {
				plan[0] = rename(element, dialog.getValue());
			} catch (CoreException | RuntimeException e) {
				HaoUiPlugin.log("rename failed", e);
				plan[0] = new HaoRename.Plan(oldName, dialog.getValue(), java.util.Map.of(),
						String.valueOf(e.getMessage()));
			}
		});
		if (!plan[0].ok()) {
			MessageDialog.openInformation(site.getShell(), "Rename", "Nothing was renamed: " + plan[0].problem());
		} else if (status != null) {
			status.setMessage(String.format(java.util.Locale.ROOT,
					"Renamed '%s' to '%s': %d occurrence(s) in %d file(s) (Edit > Undo reverts all)", oldName,
					dialog.getValue(), plan[0].editCount(), plan[0].edits().size()));
		}
	}

	/** Plans and, when nothing refuses it, applies renaming {@code element} to {@code newName}; returns the plan. */
	public static HaoRename.Plan rename(EObject element, String newName) throws CoreException {
		HaoRename.Plan plan = HaoRename.plan(homeOf(element), element, newName);
		if (plan.ok()) {
			RenameApplier.apply(plan, null);
		}
		return plan;
	}

}
