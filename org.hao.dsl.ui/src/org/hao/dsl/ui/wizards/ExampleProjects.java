package org.hao.dsl.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.builder.HaoNature;

/** Creates HAO projects and copies example files into them, never overwriting a file the user already has. */
public final class ExampleProjects {

	public static final String EXAMPLES_PROJECT = "hao-examples";
	public static final String EXAMPLE = "mobilenetv2-zu3eg.hao";

	private ExampleProjects() {
	}

	/** Creates (or opens) a project with the HAO nature. */
	public static IProject ensureProject(String name, IProgressMonitor monitor) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(monitor);
		}
		if (!project.isOpen()) {
			project.open(monitor);
		}
		HaoNature.addTo(project, monitor);
		return project;
	}

	/** Copies {@code content} to {@code target} unless it exists; returns whether it was written. */
	public static boolean copyIfAbsent(IFile target, byte[] content, IProgressMonitor monitor) throws CoreException {
		if (target.exists()) {
			return false;
		}
		target.create(new ByteArrayInputStream(content), true, monitor);
		return true;
	}

	/** The MobileNetV2/ZU3EG example shipped in this bundle. */
	public static byte[] bundledExample() throws IOException {
		URL url = Platform.getBundle(HaoUiPlugin.ID).getEntry("examples/" + EXAMPLE);
		if (url == null) {
			throw new IOException("example " + EXAMPLE + " is missing from the bundle");
		}
		try (InputStream in = url.openStream()) {
			return in.readAllBytes();
		}
	}

	/** The startup hook's work: every .hao file of {@code folder} into project hao-examples (existing files kept). */
	public static IProject importFolder(Path folder, IProgressMonitor monitor) throws CoreException, IOException {
		IProject project = ensureProject(EXAMPLES_PROJECT, monitor);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.hao")) {
			for (Path f : files) {
				copyIfAbsent(project.getFile(f.getFileName().toString()), Files.readAllBytes(f), monitor);
			}
		}
		return project;
	}
}
