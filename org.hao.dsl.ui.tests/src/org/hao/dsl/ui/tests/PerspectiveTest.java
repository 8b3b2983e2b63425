package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.hao.dsl.ui.perspective.HaoPerspective;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.dsl.ui.wizards.NewHaoProjectWizard;
import org.junit.jupiter.api.Test;

/** The HAO perspective: the product's default, its views, the Run menu and toolbar, the New HAO Project wizard switching to it. */
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
		for (String view : new String[]{IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_OUTLINE,
				IPageLayout.ID_PROBLEM_VIEW, ParetoView.ID, IPageLayout.ID_PROGRESS_VIEW}) {
			assertNotNull(Ui.page().findViewReference(view), view + " in the HAO perspective");
		}
		Ui.waitUntil("a Run menu in the menu bar", () -> hasMenu(window.getShell().getMenuBar(), "Run"), 30_000);
	}

	/**
	 * The product (releng/org.hao.product, which the tests run too) makes HAO the default perspective: a new window
	 * opens in it with the Run menu and the Run / Debug toolbar (the platform's default showed a Tasks view and no
	 * Run menu).
	 */
	@Test
	void aNewWindowOfTheProductOpensTheHaoPerspectiveWithTheRunMenuAndLaunchToolbar() throws Exception {
		assertEquals("org.hao.dsl.ui.product", Platform.getProduct() == null ? null : Platform.getProduct().getId());
		// what a fresh workspace's first window and Window > New Window open
		assertEquals(HaoPerspective.ID, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
		int before = PlatformUI.getWorkbench().getWorkbenchWindowCount();
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.window.newWindow",
				null);
		Ui.waitUntil("a new window", () -> PlatformUI.getWorkbench().getWorkbenchWindowCount() == before + 1, 30_000);
		IWorkbenchWindow window = Ui.waitFor("the new window",
				() -> Arrays.stream(PlatformUI.getWorkbench().getWorkbenchWindows()).filter(
						w -> w != PlatformUI.getWorkbench().getWorkbenchWindows()[0] && w.getActivePage() != null)
						.reduce((x, y) -> y).orElse(null),
				30_000);
		try {
			Ui.flush();
			assertEquals(HaoPerspective.ID, window.getActivePage().getPerspective().getId());
			for (String view : new String[]{IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_OUTLINE,
					IPageLayout.ID_PROBLEM_VIEW, ParetoView.ID, IPageLayout.ID_PROGRESS_VIEW}) {
				assertNotNull(window.getActivePage().findViewReference(view), view + " in the new window");
			}
			assertNull(window.getActivePage().findViewReference(IPageLayout.ID_TASK_LIST), "no Tasks view");
			Ui.waitUntil("a Run menu in the new window", () -> hasMenu(window.getShell().getMenuBar(), "Run"), 30_000);
			Ui.waitUntil("the Run / Debug toolbar in the new window", () -> hasToolItem(window.getShell(), "Run"),
					30_000);
		} finally {
			window.close();
			Ui.flush();
		}
	}

	private static boolean hasToolItem(Composite parent, String tooltipStart) {
		for (Control c : parent.getChildren()) {
			if (c instanceof ToolBar bar && c.isVisible() && Arrays.stream(bar.getItems())
					.anyMatch(i -> i.getToolTipText() != null && i.getToolTipText().startsWith(tooltipStart))) {
				return true;
			}
			if (c instanceof Composite comp && hasToolItem(comp, tooltipStart)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasMenu(Menu bar, String label) {
		return bar != null && Arrays.stream(bar.getItems()).anyMatch(i -> i.getText().replace("&", "").equals(label));
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
