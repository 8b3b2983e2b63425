package org.hao.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.hao.dsl.ui.pareto.ParetoOpener;
import org.hao.dsl.ui.HaoUiPlugin;

/** Starts a {@link SearchJob}; the launch is removed again when the job ends (there is no process to show). */
public class HaoSearchLaunchDelegate extends LaunchConfigurationDelegate {

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		SearchRequest request = SearchLaunch.request(configuration);
		IFile file = request.file();
		if (file == null || !file.exists()) {
			throw new CoreException(HaoUiPlugin
					.error("HAO Search: no such file " + (file == null ? "(none set)" : file.getFullPath()), null));
		}
		SearchJob job = new SearchJob(request);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
				ParetoOpener.show(file);
			}
		});
		job.schedule();
	}

	@Override
	public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return false; // the job validates the file itself
	}
}
