package org.hao.dsl.ui.perspective;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.dsl.ui.refactoring.ReferencesView;

/**
 * The HAO perspective: the editor with the Project Explorer on the left, the Outline on the right, and Problems,
 * HAO Pareto and Progress below; the launch action set gives the Run menu and the Run / Debug toolbar. The New HAO
 * Project wizard switches to it.
 */
public class HaoPerspective implements IPerspectiveFactory {

	public static final String ID = "org.hao.dsl.ui.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editor);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.78f, editor);
		IFolderLayout bottom = layout.createFolder("org.hao.dsl.ui.perspective.bottom", IPageLayout.BOTTOM, 0.65f,
				editor);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addView(ParetoView.ID);
		bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
		bottom.addPlaceholder(ReferencesView.ID);
		layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
		layout.addNewWizardShortcut("org.hao.dsl.ui.newProject");
		layout.addNewWizardShortcut("org.hao.dsl.ui.newFile");
		layout.addShowViewShortcut(ParetoView.ID);
		layout.addShowViewShortcut(ReferencesView.ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROJECT_EXPLORER);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
	}

	/** Shows the HAO perspective in {@code window} (the active one when null). */
	public static void show(IWorkbenchWindow window) throws WorkbenchException {
		IWorkbenchWindow w = window != null ? window : PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		PlatformUI.getWorkbench().showPerspective(ID, w);
	}
}
