package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.HaoFactory;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Search;
import org.hao.dsl.scoping.HaoImports;
import org.hao.dsl.scoping.VisibleDevices;

/**
 * A .hao file loaded and validated for a command that runs the engine: refuses files with errors (printing them
 * like {@code check}) and finds searches and devices by name.
 */
final class ValidatedFile {

	final Path path;
	final Model model;

	private ValidatedFile(Path path, Model model) {
		this.path = path;
		this.model = model;
	}

	/**
	 * The file's model (empty for an empty or comment-only file), or null after printing its validation errors (exit
	 * 1, {@link ExitCode#FAILED}).
	 *
	 * @throws HaoModelLoader.LoadException when the file cannot be read at all ({@link ConsoleCommand} reports it,
	 *             exit 2)
	 */
	static ValidatedFile load(Path file, PrintWriter out) throws HaoModelLoader.LoadException {
		HaoModelLoader loader = new HaoModelLoader();
		Resource resource = loader.load(file);
		List<Issue> errors = loader.validate(resource).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		errors.forEach(i -> IssuePrinter.print(out, file.toString(), i));
		if (!errors.isEmpty()) {
			return null;
		}
		Model model = HaoModelLoader.model(resource);
		if (model == null) {
			// an empty or comment-only file parses to no model: an empty one, so that the command says what is
			// missing ("no search in this file") instead of exiting without a word
			model = HaoFactory.eINSTANCE.createModel();
			resource.getContents().add(model);
		}
		return new ValidatedFile(file, model);
	}

	/**
	 * This file and every file it imports, directly or through other imports (loaded here when linking did not need
	 * them), and every other file of the resource set: inputs that no output may overwrite.
	 */
	List<Path> files() {
		List<Path> files = new ArrayList<>(List.of(path));
		Set<URI> seen = new HashSet<>();
		Deque<Resource> todo = new ArrayDeque<>(model.eResource().getResourceSet().getResources());
		while (!todo.isEmpty()) {
			Resource r = todo.pop();
			if (r.getURI() == null || !seen.add(r.getURI())) {
				continue;
			}
			if (r.getURI().isFile()) {
				files.add(Path.of(r.getURI().toFileString()));
			}
			Model m = HaoModelLoader.model(r);
			for (Import imp : m == null ? List.<Import>of() : m.getImports()) {
				URI uri = HaoImports.resolve(r, imp.getImportURI());
				if (uri == null || seen.contains(uri)) {
					continue;
				}
				if (uri.isFile()) {
					files.add(Path.of(uri.toFileString()));
				}
				try {
					todo.add(r.getResourceSet().getResource(uri, true));
				} catch (RuntimeException e) {
					// not readable (validation said so, or it is no .hao file): its path is protected all the same
				}
			}
		}
		return files;
	}

	List<Search> searches() {
		return model.getElements().stream().filter(Search.class::isInstance).map(Search.class::cast).toList();
	}

	/** The search called {@code name}, or the file's only search when name is null; null after printing why. */
	Search search(String name, PrintWriter err) {
		List<Search> all = searches();
		if (name != null) {
			for (Search s : all) {
				if (name.equals(s.getName())) {
					return s;
				}
			}
			err.println(path + ": no search named '" + name + "'; searches: " + names(all));
			return null;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		err.println(path + ": " + (all.isEmpty() ? "no search in this file"
				: "several searches, choose one with --search: " + names(all)));
		return null;
	}

	/** A device visible from {@code context} (same file, imports, standard library), or null. */
	DeviceDecl device(EObject context, String name) {
		return new VisibleDevices(HaoModelLoader.injector().getInstance(IScopeProvider.class)).find(context, name);
	}

	private static String names(List<Search> searches) {
		return String.join(", ", searches.stream().map(Search::getName).toList());
	}
}
