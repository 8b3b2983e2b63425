package org.hao.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.core.ILaunchConfiguration;

/** Attributes of a "HAO Search" launch configuration. */
public final class SearchLaunch {

	public static final String TYPE = "org.hao.dsl.ui.searchLaunch";
	/** Workspace path of the .hao file. */
	public static final String FILE = "org.hao.dsl.ui.file";
	/** Search name; empty = the file's only search. */
	public static final String SEARCH = "org.hao.dsl.ui.search";
	/** Seconds as text; empty = preference, then the search's own. */
	public static final String TIME_LIMIT = "org.hao.dsl.ui.timeLimit";
	/** Worker threads; -1 = preference. */
	public static final String THREADS = "org.hao.dsl.ui.threads";

	private SearchLaunch() {
	}

	public static IFile file(ILaunchConfiguration config) throws CoreException {
		String path = config.getAttribute(FILE, "");
		return path.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(path));
	}

	/** The settings of one run, with preferences applied. */
	public static SearchRequest request(ILaunchConfiguration config) throws CoreException {
		IFile file = file(config);
		String search = config.getAttribute(SEARCH, "");
		String limit = config.getAttribute(TIME_LIMIT, "").trim();
		Double seconds = null;
		if (!limit.isEmpty()) {
			try {
				seconds = Double.parseDouble(limit);
			} catch (NumberFormatException e) {
				throw new CoreException(
						org.hao.dsl.ui.HaoUiPlugin.error("time limit '" + limit + "' is not a number", e));
			}
		}
		int threads = config.getAttribute(THREADS, -1);
		return new SearchRequest(file, search.isBlank() ? null : search, seconds, threads);
	}
}
