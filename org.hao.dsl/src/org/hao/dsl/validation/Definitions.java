package org.hao.dsl.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Space;
import org.hao.dsl.scoping.HaoImports;

/**
 * The top-level elements a .hao file sees through its imports (not transitive, as in HaoGlobalScopeProvider), and
 * how to name where an element is defined ({@code file:line}) in messages.
 */
final class Definitions {

	/** One imported element and the import line that brings it in. */
	record Imported(Element element, Import via) {
	}

	private Definitions() {
	}

	/** Elements of every file {@code model} imports, in import order; each file once, self-imports skipped. */
	static List<Imported> imported(Model model) {
		List<Imported> result = new ArrayList<>();
		Resource resource = model.eResource();
		if (resource == null || resource.getResourceSet() == null) {
			return result;
		}
		LinkedHashSet<URI> done = new LinkedHashSet<>();
		for (Import imp : model.getImports()) {
			URI uri = HaoImports.resolve(resource, imp.getImportURI());
			if (uri == null || uri.equals(resource.getURI()) || !done.add(uri)
					|| !HaoImports.exists(resource.getResourceSet(), uri)) {
				continue;
			}
			Resource other;
			try {
				other = resource.getResourceSet().getResource(uri, true);
			} catch (RuntimeException e) {
				continue; // unreadable: the linker and checkImport report it
			}
			if (other == null || other.getContents().isEmpty() || !(other.getContents().get(0) instanceof Model m)) {
				continue;
			}
			for (Element e : m.getElements()) {
				if (e.getName() != null) {
					result.add(new Imported(e, imp));
				}
			}
		}
		return result;
	}

	/** "device", "network", "space" or "search": names are unique per kind (references are typed). */
	static String kind(Element element) {
		if (element instanceof DeviceDecl) {
			return "device";
		}
		if (element instanceof Network) {
			return "network";
		}
		return element instanceof Space ? "space" : "search";
	}

	/**
	 * Where {@code element} is defined, as {@code file:line}: the file relative to the folder of {@code from}'s file
	 * when it is below it, else its path.
	 */
	static String where(EObject element, Resource from) {
		Resource r = element.eResource();
		String file = r == null || r.getURI() == null ? "?" : display(r.getURI(), from == null ? null : from.getURI());
		List<INode> nodes = NodeModelUtils.findNodesForFeature(element, HaoPackage.Literals.ELEMENT__NAME);
		INode node = nodes.isEmpty() ? NodeModelUtils.getNode(element) : nodes.get(0);
		return node == null ? file : file + ":" + node.getStartLine();
	}

	private static String display(URI uri, URI base) {
		if (base != null && uri.isFile() && base.isFile()) {
			URI relative = uri.deresolve(base, true, false, false);
			if (relative.isRelative() && !relative.toString().startsWith("..")) {
				return URI.decode(relative.toString());
			}
		}
		return uri.isFile() ? uri.toFileString() : uri.toString();
	}
}
