package org.hao.dsl.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.HaoStandaloneSetup;
import org.hao.dsl.hao.Model;
import org.hao.engine.io.IoReason;

import com.google.inject.Injector;

/** Loads and validates .hao files outside the workbench (CLI, tests, plain main). One resource set per loader. */
public class HaoModelLoader {

	private static Injector sharedInjector;

	private final XtextResourceSet resourceSet;
	private final IResourceValidator validator;

	public HaoModelLoader() {
		this(injector());
	}

	public HaoModelLoader(Injector injector) {
		this.resourceSet = injector.getInstance(XtextResourceSet.class);
		// .hao files load with this language even if EMF's global registry was reset (tests, other tools)
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("hao",
				injector.getInstance(IResourceFactory.class));
		this.validator = injector.getInstance(IResourceValidator.class);
	}

	/** The language injector; EMF registration happens once per JVM. */
	public static synchronized Injector injector() {
		if (sharedInjector == null) {
			sharedInjector = new HaoStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return sharedInjector;
	}

	/**
	 * Loads {@code file} (imports are loaded on demand when linking).
	 *
	 * @throws LoadException when the file cannot be read at all: missing, a directory, a pipe or device, no read
	 *             permission, an I/O error, a name not ending in {@code .hao}; its message is
	 *             {@code cannot read FILE: REASON} with the reason in words ({@link IoReason})
	 */
	public Resource load(Path file) throws LoadException {
		Path absolute = checkReadable(file);
		URI uri = URI.createFileURI(absolute.toString());
		if (!"hao".equals(uri.fileExtension())) {
			// EMF would say "cannot create a resource for 'file:...'; a registered resource factory is needed"
			throw new LoadException(file, "not a .hao file (the name must end in .hao)");
		}
		try {
			return resourceSet.getResource(uri, true);
		} catch (RuntimeException e) {
			throw new LoadException(file, e.getCause() == null ? IoReason.of(e) : IoReason.of(e.getCause()));
		}
	}

	/**
	 * The absolute path of {@code file} after opening it once for reading, so that a missing, unreadable or directory
	 * input is named with the reason in words (not EMF's wrapped message).
	 *
	 * @throws LoadException {@code cannot read FILE: REASON}
	 */
	public static Path checkReadable(Path file) throws LoadException {
		if (file.toString().isBlank()) {
			throw new LoadException(file, "an empty file name");
		}
		Path absolute = file.toAbsolutePath().normalize();
		if (Files.isDirectory(absolute)) {
			throw new LoadException(file, "is a directory");
		}
		if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
			// a named pipe would block the open until a writer comes; devices and sockets hold no model either
			throw new LoadException(file, "not a regular file (a pipe, socket or device)");
		}
		try (InputStream in = Files.newInputStream(absolute)) {
			return absolute;
		} catch (IOException e) {
			throw new LoadException(file, IoReason.of(e));
		}
	}

	/**
	 * Parses {@code text} as a .hao file called {@code name} held in memory ({@code hao-memory:/NAME}): nothing is
	 * read from or written to disk, so no temp file is left behind.
	 */
	public Resource parse(String text, String name) throws IOException {
		Resource resource = resourceSet.createResource(URI.createURI("hao-memory:/" + name));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		return resource;
	}

	/** Syntax, linking and validation issues of {@code resource}. */
	public List<Issue> validate(Resource resource) {
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	public static Model model(Resource resource) {
		return resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
	}

	/**
	 * A file that cannot be read at all (as opposed to one with errors); the CLI reports it as a usage error (exit 2).
	 */
	public static class LoadException extends Exception {
		private static final long serialVersionUID = 1L;

		/** {@code cannot read FILE: REASON} ({@code cannot read '': ...} for an empty name). */
		public LoadException(Path file, String reason) {
			super("cannot read " + (file.toString().isEmpty() ? "''" : file) + ": " + reason);
		}
	}
}
