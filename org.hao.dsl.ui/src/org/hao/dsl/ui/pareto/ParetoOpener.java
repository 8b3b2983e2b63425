package org.hao.dsl.ui.pareto;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.hao.dsl.ui.HaoUiPlugin;

/** Brings the Pareto view up on a file's latest results after a run (asynchronously, on the UI thread). */
public final class ParetoOpener {

	private ParetoOpener() {
	}

	public static void show(IFile file) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
				window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
			}
			IWorkbenchPage page = window == null ? null : window.getActivePage();
			if (page == null) {
				return;
			}
			try {
				ParetoView view = (ParetoView) page.showView(ParetoView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
				view.showFile(file);
			} catch (PartInitException e) {
				HaoUiPlugin.log("cannot open the Pareto view", e);
			}
		});
	}
}
