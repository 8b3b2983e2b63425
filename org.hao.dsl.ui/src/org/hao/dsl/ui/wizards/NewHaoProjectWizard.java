package org.hao.dsl.ui.wizards;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.hao.dsl.ui.perspective.HaoPerspective;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.editor.HaoEditor;

/** New > HAO Project: a project with the HAO nature and the MobileNetV2 on ZU3EG example, in the HAO perspective. */
public class NewHaoProjectWizard extends Wizard implements INewWizard {

	private WizardNewProjectCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		setWindowTitle("New HAO Project");
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("haoProject");
		page.setTitle("HAO Project");
		page.setDescription("A project for .hao models, with the MobileNetV2 / ZU3EG example.");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		try {
			IProject project = ExampleProjects.ensureProject(page.getProjectName(), null);
			IFile example = project.getFile(ExampleProjects.EXAMPLE);
			ExampleProjects.copyIfAbsent(example, ExampleProjects.bundledExample(), null);
			HaoPerspective.show(null);
			IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), example, HaoEditor.ID);
			return true;
		} catch (Exception e) {
			HaoUiPlugin.log("cannot create project " + page.getProjectName(), e);
			page.setErrorMessage("Cannot create the project: " + e.getMessage());
			return false;
		}
	}
}
