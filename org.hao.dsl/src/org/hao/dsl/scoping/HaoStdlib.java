package org.hao.dsl.scoping;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.resource.IResourceFactory;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The standard device library shipped inside this bundle ({@code stdlib/devices.hao}). It is read through the class
 * loader, which works the same in OSGi and on a plain class path, and put into each resource set under a fixed
 * URI that no file system resolves.
 */
@Singleton
public class HaoStdlib {

	public static final URI STDLIB_URI = URI.createURI("hao-stdlib:/devices.hao");

	static final String CLASSPATH_LOCATION = "/stdlib/devices.hao";

	@Inject
	private IResourceFactory resourceFactory;

	public static boolean isStdlib(Resource resource) {
		return resource != null && STDLIB_URI.equals(resource.getURI());
	}

	/** The library resource of {@code resourceSet}, loading it on first use. */
	public Resource ensureLoaded(ResourceSet resourceSet) {
		synchronized (resourceSet) {
			Resource existing = resourceSet.getResource(STDLIB_URI, false);
			if (existing != null) {
				return existing;
			}
			Resource resource = resourceFactory.createResource(STDLIB_URI);
			resourceSet.getResources().add(resource);
			try (InputStream in = HaoStdlib.class.getResourceAsStream(CLASSPATH_LOCATION)) {
				if (in == null) {
					throw new IllegalStateException("standard device library " + CLASSPATH_LOCATION
							+ " is missing from the org.hao.dsl bundle");
				}
				resource.load(in, resourceSet.getLoadOptions());
			} catch (IOException e) {
				throw new IllegalStateException("cannot read standard device library " + CLASSPATH_LOCATION, e);
			}
			return resource;
		}
	}
}
