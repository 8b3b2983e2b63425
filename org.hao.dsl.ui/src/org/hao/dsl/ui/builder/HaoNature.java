package org.hao.dsl.ui.builder;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/** Marks a project as holding .hao files and installs the HAO builder. */
public class HaoNature implements IProjectNature {

	public static final String ID = "org.hao.dsl.ui.haoNature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription desc = project.getDescription();
		if (Arrays.stream(desc.getBuildSpec()).anyMatch(c -> HaoBuilder.ID.equals(c.getBuilderName()))) {
			return;
		}
		ICommand command = desc.newCommand();
		command.setBuilderName(HaoBuilder.ID);
		ICommand[] spec = Arrays.copyOf(desc.getBuildSpec(), desc.getBuildSpec().length + 1);
		spec[spec.length - 1] = command;
		desc.setBuildSpec(spec);
		project.setDescription(desc, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription desc = project.getDescription();
		desc.setBuildSpec(Arrays.stream(desc.getBuildSpec()).filter(c -> !HaoBuilder.ID.equals(c.getBuilderName()))
				.toArray(ICommand[]::new));
		project.setDescription(desc, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}

	/** Adds the nature (and so the builder) to {@code project} if it lacks it. */
	public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
		if (project.hasNature(ID)) {
			return;
		}
		IProjectDescription desc = project.getDescription();
		String[] natures = Arrays.copyOf(desc.getNatureIds(), desc.getNatureIds().length + 1);
		natures[natures.length - 1] = ID;
		desc.setNatureIds(natures);
		project.setDescription(desc, monitor);
	}
}
