package org.hao.dsl.ui.wizards;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.hao.dsl.ui.HaoUiPlugin;

/** When -Dhao.examples=FOLDER is set (releng/hao-ide does), puts those examples into project hao-examples. */
public class ExamplesStartup implements IStartup {

	public static final String PROPERTY = "hao.examples";

	@Override
	public void earlyStartup() {
		String folder = System.getProperty(PROPERTY);
		if (folder == null || folder.isBlank() || !Files.isDirectory(Path.of(folder))) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Importing HAO examples") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) {
				try {
					ExampleProjects.importFolder(Path.of(folder), monitor);
					return Status.OK_STATUS;
				} catch (Exception e) {
					return HaoUiPlugin.error("cannot import the HAO examples from " + folder, e);
				}
			}
		};
		job.schedule();
	}
}
