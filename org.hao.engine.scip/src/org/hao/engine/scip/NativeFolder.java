package org.hao.engine.scip;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the OR-Tools JNI library from a folder named with {@code -Dhao.scip.natives=DIR} instead of the shipped
 * fragment: for machines whose natives live elsewhere, and so a missing or broken native can be reproduced for real
 * (point it at an empty folder) without touching the installation.
 */
final class NativeFolder {
	static final String PROPERTY = "hao.scip.natives";

	private NativeFolder() {
	}

	/** The folder named by the system property, or null when it is not set. */
	static Path configured() {
		String dir = System.getProperty(PROPERTY);
		return dir == null || dir.isBlank() ? null : Path.of(dir);
	}

	/** Loads the JNI library from {@code folder}; throws with what to do when it is not there or does not load. */
	static void load(Path folder) {
		Path lib = folder.resolve(System.mapLibraryName("jniortools")).toAbsolutePath();
		if (!Files.isRegularFile(lib)) {
			throw new ScipUnavailableException("The SCIP solver cannot be loaded: " + lib
					+ " does not exist (folder set by -D" + PROPERTY + "). Point -D" + PROPERTY
					+ " at the folder holding " + lib.getFileName()
					+ " and the libraries next to it, or remove the option to use the natives shipped with HAO Studio.");
		}
		try {
			System.load(lib.toString());
		} catch (UnsatisfiedLinkError e) {
			throw new ScipUnavailableException("The SCIP solver cannot be loaded from " + lib + ": " + e.getMessage()
					+ ". The file is not a linux x86-64 OR-Tools library or a library next to it is missing;"
					+ " copy the whole native folder of the OR-Tools version HAO Studio uses (9.15), or remove -D"
					+ PROPERTY + ".", e);
		}
	}
}
