package org.hao.engine.scip;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.ortools.Loader;

/**
 * OR-Tools' own loader fails in a jar-shaped bundle (no NIO file system for bundle URLs), so this copies the natives
 * of the platform fragment into one temp folder (the libraries find each other through RUNPATH $ORIGIN) and loads
 * the JNI library from this class loader. Only touched when OSGi classes are present.
 */
final class OsgiNativeExtractor {
	private static final String NATIVE_FOLDER = "ortools-linux-x86-64";

	private OsgiNativeExtractor() {
	}

	static boolean runningInOsgi() {
		try {
			Class.forName("org.osgi.framework.FrameworkUtil", false, OsgiNativeExtractor.class.getClassLoader());
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
		return FrameworkUtil.getBundle(OsgiNativeExtractor.class) != null;
	}

	static void loadFromBundle() throws IOException, ReflectiveOperationException {
		Bundle host = FrameworkUtil.getBundle(OsgiNativeExtractor.class);
		Enumeration<URL> entries = host.findEntries(NATIVE_FOLDER, "*", false); // host + attached fragments
		if (entries == null || !entries.hasMoreElements()) {
			throw new ScipUnavailableException("No OR-Tools natives for this platform are installed: bundle "
					+ host.getSymbolicName() + " has no " + NATIVE_FOLDER + "/ folder. Install the fragment"
					+ " com.google.ortools.linux.x86_64 (part of the HAO Studio feature) on a linux x86-64 machine.");
		}
		Path folder = Files.createTempDirectory("hao-ortools-");
		folder.toFile().deleteOnExit();
		while (entries.hasMoreElements()) {
			URL entry = entries.nextElement();
			String path = entry.getPath();
			if (path.endsWith("/")) {
				continue;
			}
			Path target = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
			try (InputStream in = entry.openStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			target.toFile().deleteOnExit();
		}
		System.load(folder.resolve(System.mapLibraryName("jniortools")).toString());
		markOrToolsLoaderDone();
	}

	/** Later calls of OR-Tools' Loader.loadNativeLibraries() (made by OR-Tools itself) become no-ops. */
	static void markOrToolsLoaderDone() throws ReflectiveOperationException {
		Field loaded = Loader.class.getDeclaredField("loaded");
		loaded.setAccessible(true);
		loaded.setBoolean(null, true);
	}
}
