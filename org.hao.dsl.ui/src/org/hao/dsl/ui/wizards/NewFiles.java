package org.hao.dsl.ui.wizards;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.editor.HaoEditor;

/** The finish of the wizards that create a `.hao` file: create it from the page, open it in the HAO editor. */
final class NewFiles {
	private NewFiles() {
	}

	/** False when the page could not create the file (it shows why); an editor that fails to open is only logged. */
	static boolean createAndOpen(WizardNewFileCreationPage page) {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		try {
			IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file, HaoEditor.ID);
		} catch (Exception e) {
			HaoUiPlugin.log("cannot open " + file, e);
		}
		return true;
	}
}
