package org.hao.dsl.scoping;

import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

/** Resolution of {@code import "..."} strings: relative to the importing file, like an HTML link. */
public final class HaoImports {

	private HaoImports() {
	}

	/** The absolute URI an import names, or null when the string is not a URI at all. */
	public static URI resolve(Resource importing, String importUri) {
		if (importUri == null || importUri.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = URI.createURI(importUri);
		} catch (IllegalArgumentException e) {
			return null;
		}
		URI base = importing.getURI();
		return uri.isRelative() && base != null && base.isHierarchical() && !base.isRelative() ? uri.resolve(base)
				: uri;
	}

	/** Whether the resolved import can be loaded: already in the resource set, or present on disk. */
	public static boolean exists(ResourceSet resourceSet, URI uri) {
		if (resourceSet.getResource(uri, false) != null) {
			return true;
		}
		try {
			return resourceSet.getURIConverter().exists(uri, Map.of());
		} catch (RuntimeException e) {
			return false;
		}
	}
}
