package org.hao.dsl.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Check;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;
import org.hao.dsl.resource.HaoResource;
import org.hao.dsl.scoping.HaoImports;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.engine.io.IoReason;

import com.google.inject.Inject;

/** Imports that do not resolve, and top-level names that clash. */
public class ImportAndNameValidator extends HaoCheckBase {

	@Inject
	private HaoStdlib stdlib;

	@Check
	public void checkImport(Import imp) {
		Resource resource = imp.eResource();
		if (imp.getImportURI() == null || resource == null || resource.getResourceSet() == null) {
			return;
		}
		URI resolved = HaoImports.resolve(resource, imp.getImportURI());
		if (resolved == null) {
			error("invalid import URI '" + imp.getImportURI() + "'", imp, HaoPackage.Literals.IMPORT__IMPORT_URI,
					HaoIssueCodes.IMPORT_NOT_FOUND);
		} else if (resolved.equals(resource.getURI())) {
			warning("file imports itself", imp, HaoPackage.Literals.IMPORT__IMPORT_URI, HaoIssueCodes.IMPORT_SELF);
		} else if (!HaoImports.exists(resource.getResourceSet(), resolved)) {
			error("imported file '" + imp.getImportURI() + "' not found", imp, HaoPackage.Literals.IMPORT__IMPORT_URI,
					HaoIssueCodes.IMPORT_NOT_FOUND);
		} else {
			Resource imported = loaded(resource, resolved);
			String unreadable = unreadable(resolved, imported);
			String encoding = HaoResource.unreadEncoding(imported);
			if (unreadable != null) {
				// otherwise nothing at all was said: the import was silently empty
				error("imported file '" + imp.getImportURI() + "' " + unreadable + ", so its names are not in scope",
						imp, HaoPackage.Literals.IMPORT__IMPORT_URI, HaoIssueCodes.IMPORT_NOT_READABLE);
			} else if (encoding != null) {
				// otherwise the only sign would be unresolved names: its elements are not read
				error("imported file '" + imp.getImportURI() + "' is " + encoding + " text, so it is not read and its "
						+ "names are not in scope: save it as UTF-8", imp, HaoPackage.Literals.IMPORT__IMPORT_URI,
						HaoIssueCodes.IMPORT_NOT_READABLE);
			}
		}
	}

	/**
	 * Why an existing import was not read, in words ({@code is a directory}, {@code cannot be read: permission
	 * denied}, {@code is not a .hao file}), or null when it was read.
	 */
	private static String unreadable(URI uri, Resource loaded) {
		if (uri.isFile()) {
			Path file = Path.of(uri.toFileString());
			if (Files.isDirectory(file)) {
				return "is a directory";
			}
			try (InputStream in = Files.newInputStream(file)) {
				in.read();
			} catch (IOException e) {
				return "cannot be read: " + IoReason.of(e);
			}
			if (!"hao".equals(uri.fileExtension())) {
				return "is not a .hao file";
			}
		}
		return loaded == null || !loaded.isLoaded() ? "cannot be read" : null;
	}

	/** The imported resource, loaded (as linking would), or null when it cannot be read. */
	private static Resource loaded(Resource importing, URI uri) {
		try {
			return importing.getResourceSet().getResource(uri, true);
		} catch (RuntimeException e) {
			return null;
		}
	}

	@Check
	public void checkUniqueNames(Model model) {
		Map<String, Element> seen = new HashMap<>();
		for (Element element : model.getElements()) {
			if (element.getName() == null) {
				continue;
			}
			String key = category(element) + ":" + element.getName();
			Element first = seen.putIfAbsent(key, element);
			if (first != null) {
				error("duplicate " + category(element) + " name '" + element.getName() + "' (first defined at "
						+ Definitions.where(first, model.eResource()) + ")", element, HaoPackage.Literals.ELEMENT__NAME,
						HaoIssueCodes.DUPLICATE_NAME);
			}
		}
		if (HaoStdlib.isStdlib(model.eResource()) || model.eResource() == null
				|| model.eResource().getResourceSet() == null) {
			return;
		}
		Set<String> stdlibDevices = stdlibDeviceNames(model);
		for (Element element : model.getElements()) {
			if (element instanceof DeviceDecl && stdlibDevices.contains(element.getName())) {
				warning("device '" + element.getName() + "' hides the standard library device of the same name",
						element, HaoPackage.Literals.ELEMENT__NAME, HaoIssueCodes.SHADOWS_STDLIB_DEVICE);
			}
		}
		checkNamesAcrossImports(model, seen, stdlibDevices);
	}

	/**
	 * A name defined in two imported files, or in this file and an imported one, is ambiguous (which one a reference
	 * means would depend on the order of the imports): an error naming both definitions as file:line. Hiding a
	 * standard library device stays a warning (above, and in the imported file itself).
	 */
	private void checkNamesAcrossImports(Model model, Map<String, Element> local, Set<String> stdlibDevices) {
		Map<String, Definitions.Imported> seenImported = new HashMap<>();
		for (Definitions.Imported imported : Definitions.imported(model)) {
			Element e = imported.element();
			String key = category(e) + ":" + e.getName();
			Element here = local.get(key);
			if (here != null) {
				error(category(e) + " '" + e.getName() + "' is defined twice in what this file sees: here ("
						+ Definitions.where(here, model.eResource()) + ") and in the import "
						+ Definitions.where(e, model.eResource()) + "; rename one", here,
						HaoPackage.Literals.ELEMENT__NAME, HaoIssueCodes.DUPLICATE_NAME);
				continue;
			}
			if (e instanceof DeviceDecl && stdlibDevices.contains(e.getName())) {
				warning("device '" + e.getName() + "' of the import " + Definitions.where(e, model.eResource())
						+ " hides the standard library device of the same name", imported.via(),
						HaoPackage.Literals.IMPORT__IMPORT_URI, HaoIssueCodes.SHADOWS_STDLIB_DEVICE);
			}
			Definitions.Imported first = seenImported.putIfAbsent(key, imported);
			if (first != null && first.element().eResource() != e.eResource()) {
				error(category(e) + " '" + e.getName() + "' is defined twice in what this file sees: "
						+ Definitions.where(first.element(), model.eResource()) + " and "
						+ Definitions.where(e, model.eResource())
						+ "; rename one or import only one (a reference would take the first import's)", imported.via(),
						HaoPackage.Literals.IMPORT__IMPORT_URI, HaoIssueCodes.DUPLICATE_NAME);
			}
		}
	}

	private Set<String> stdlibDeviceNames(EObject context) {
		Set<String> names = new HashSet<>();
		Resource lib = stdlib.ensureLoaded(context.eResource().getResourceSet());
		for (EObject root : lib.getContents()) {
			if (root instanceof Model m) {
				m.getElements().stream().filter(DeviceDecl.class::isInstance).forEach(d -> names.add(d.getName()));
			}
		}
		return names;
	}

	private static String category(Element element) {
		return Definitions.kind(element);
	}
}
