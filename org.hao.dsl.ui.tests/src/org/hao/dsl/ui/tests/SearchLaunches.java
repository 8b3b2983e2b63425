package org.hao.dsl.ui.tests;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.hao.dsl.ui.launch.HaoLaunchShortcut;
import org.hao.dsl.ui.launch.SearchLaunch;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.dsl.ui.results.ResultsFiles;

/** Runs a search of a workspace file as the user's Run As does, and waits for the Pareto view to show its points. */
final class SearchLaunches {
	private SearchLaunches() {
	}

	/** Deletes {@code file}'s results file left by an earlier run, so the test sees only its own; returns it. */
	static IFile withoutOldResults(IFile file) throws CoreException {
		IFile results = ResultsFiles.resultsFile(file, "");
		if (results.exists()) {
			results.delete(true, null);
		}
		return results;
	}

	/**
	 * The Run As configuration of {@code search} in {@code file}, saved with 2 solver threads so a core stays free for
	 * the UI.
	 */
	static ILaunchConfiguration configuration(IFile file, String search) throws CoreException {
		var wc = HaoLaunchShortcut.configuration(file, search).getWorkingCopy();
		wc.setAttribute(SearchLaunch.THREADS, 2);
		return wc.doSave();
	}

	/** Launches {@code search} of {@code file} and returns the Pareto view once it shows this file's points. */
	static ParetoView runAndWaitForPoints(IFile file, String search, long timeoutMs) throws CoreException {
		configuration(file, search).launch(ILaunchManager.RUN_MODE, null);
		return Ui.waitFor("the Pareto view with points", () -> {
			ParetoView v = (ParetoView) Ui.page().findView(ParetoView.ID);
			// the view may still show another file (an earlier test's comparison): wait for this file's results
			return v != null && file.equals(v.modelFile()) && v.results() != null && !v.results().points().isEmpty() ? v
					: null;
		}, timeoutMs);
	}
}
