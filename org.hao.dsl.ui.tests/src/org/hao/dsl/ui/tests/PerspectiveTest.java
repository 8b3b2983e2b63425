package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.hao.dsl.ui.perspective.HaoPerspective;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.dsl.ui.wizards.NewHaoProjectWizard;
import org.junit.jupiter.api.Test;

/** The HAO perspective: its views, the Run menu, and the New HAO Project wizard switching to it. */
class PerspectiveTest {

	private static final String RESOURCE_PERSPECTIVE = "org.eclipse.ui.resourcePerspective";

	@Test
	void newHaoProjectOpensTheHaoPerspectiveWithItsViewsAndTheRunMenu() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		PlatformUI.getWorkbench().showPerspective(RESOURCE_PERSPECTIVE, window);
		Ui.flush();
		assertEquals(RESOURCE_PERSPECTIVE, Ui.page().getPerspective().getId());

		NewHaoProjectWizard wizard = new NewHaoProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(window.getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Text name = firstText(dialog.getShell());
			assertNotNull(name, "the project name field");
			name.setText("perspective-test");
			Ui.flush();
			assertTrue(wizard.performFinish(), "the wizard finishes");
		} finally {
			dialog.close();
		}
		assertTrue(ResourcesPlugin.getWorkspace().getRoot().getProject("perspective-test").exists());
		Ui.waitUntil("the HAO perspective", () -> HaoPerspective.ID.equals(Ui.page().getPerspective().getId()), 30_000);
		for (String view : new String[] { IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_OUTLINE,
				IPageLayout.ID_PROBLEM_VIEW, ParetoView.ID, IPageLayout.ID_PROGRESS_VIEW }) {
			assertNotNull(Ui.page().findViewReference(view), view + " in the HAO perspective");
		}
		Ui.waitUntil("a Run menu in the menu bar", () -> hasMenu(window.getShell().getMenuBar(), "Run"), 30_000);
	}

	private static boolean hasMenu(Menu bar, String label) {
		return bar != null && Arrays.stream(bar.getItems())
				.anyMatch(i -> i.getText().replace("&", "").equals(label));
	}

	private static Text firstText(Composite parent) {
		for (Control c : parent.getChildren()) {
			if (c instanceof Text t && t.isVisible()) {
				return t;
			}
			if (c instanceof Composite comp) {
				Text t = firstText(comp);
				if (t != null) {
					return t;
				}
			}
		}
		return null;
	}
}
