package org.hao.dsl.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;

import com.google.inject.Inject;

/**
 * Global scope = the files named by {@code import "..."} (resolved relative to the importing file; not transitive,
 * so import cycles and self-imports cannot recurse) plus the standard device library.
 */
public class HaoGlobalScopeProvider extends ImportUriGlobalScopeProvider {

	@Inject
	private HaoStdlib stdlib;

	@Inject
	private IResourceScopeCache importCache;

	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		LinkedHashSet<URI> uris = new LinkedHashSet<>(
				importCache.get(HaoGlobalScopeProvider.class, resource, () -> collectImports(resource)));
		if (resource.getResourceSet() != null && !HaoStdlib.isStdlib(resource)) {
			stdlib.ensureLoaded(resource.getResourceSet());
			uris.add(HaoStdlib.STDLIB_URI);
		}
		return uris;
	}

	private static LinkedHashSet<URI> collectImports(Resource resource) {
		LinkedHashSet<URI> uris = new LinkedHashSet<>();
		if (resource.getResourceSet() == null || resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof Model model)) {
			return uris;
		}
		for (Import imp : model.getImports()) {
			URI uri = HaoImports.resolve(resource, imp.getImportURI());
			if (uri != null && !uri.equals(resource.getURI()) && HaoImports.exists(resource.getResourceSet(), uri)) {
				uris.add(uri);
			}
		}
		return uris;
	}
}
