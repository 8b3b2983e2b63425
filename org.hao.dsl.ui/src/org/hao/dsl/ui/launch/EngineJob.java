package org.hao.dsl.ui.launch;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.hao.dsl.ui.SearchInputException;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.engine.search.CancelToken;

/**
 * A Job that runs the engine on a .hao file: Cancel in the Progress view becomes the engine's CancelToken, and every
 * way it can end (bad input, I/O, a crash in the engine or its native solver) is reported in {@link SearchStatus},
 * shown by the Pareto view, never in a modal dialog.
 */
public abstract class EngineJob extends Job {

	private final Object family;
	private final IFile file;
	protected final CancelToken cancel = new CancelToken();

	protected EngineJob(String name, Object family, IFile file) {
		super(name);
		this.family = family;
		this.file = file;
		setUser(true);
	}

	@Override
	public boolean belongsTo(Object candidate) {
		return candidate == family;
	}

	@Override
	protected void canceling() {
		cancel.cancel();
	}

	@Override
	protected final IStatus run(IProgressMonitor monitor) {
		try {
			return runEngine(file, monitor);
		} catch (SearchInputException e) {
			SearchStatus.set(file, "not started: " + e.getMessage());
			return Status.OK_STATUS;
		} catch (IOException | CoreException | RuntimeException | LinkageError e) {
			HaoUiPlugin.log(getName() + " on " + file.getFullPath() + " failed", e);
			SearchStatus.set(file, "failed: " + e);
			return Status.OK_STATUS;
		}
	}

	/** Runs the engine and writes its results; sets {@link SearchStatus} on the way. */
	protected abstract IStatus runEngine(IFile file, IProgressMonitor monitor)
			throws IOException, CoreException, SearchInputException;
}
