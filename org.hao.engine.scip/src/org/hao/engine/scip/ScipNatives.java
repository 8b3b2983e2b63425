package org.hao.engine.scip;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * Loads the OR-Tools JNI library (which carries SCIP) once per JVM, inside OSGi or on a plain class path.
 *
 * <p>This class lives in a fragment of the wrapped OR-Tools bundle on purpose: JNI binds native methods to the class
 * loader that called {@link System#load}, so the call must come from the class loader that defines
 * {@code com.google.ortools.*}. On a plain class path OR-Tools' own loader works and is used.
 */
public final class ScipNatives {
	private static final Object LOCK = new Object();
	private static volatile String version;
	private static volatile String failure;

	private ScipNatives() {
	}

	/**
	 * Makes sure the natives are loaded and SCIP can be created.
	 *
	 * @return the version string SCIP reports, e.g. "SCIP 10.0.0 [LP solver: SoPlex 8.0.0]"
	 * @throws ScipUnavailableException with a message a user can act on
	 */
	public static String ensureLoaded() {
		String v = version;
		if (v != null) {
			return v;
		}
		synchronized (LOCK) {
			if (version != null) {
				return version;
			}
			if (failure != null) {
				throw new ScipUnavailableException(failure);
			}
			try {
				java.nio.file.Path folder = NativeFolder.configured();
				if (folder != null) {
					NativeFolder.load(folder);
					OsgiNativeExtractor.markOrToolsLoaderDone();
				} else if (OsgiNativeExtractor.runningInOsgi()) {
					OsgiNativeExtractor.loadFromBundle();
				} else {
					Loader.loadNativeLibraries();
				}
				MPSolver probe = MPSolver.createSolver("SCIP");
				if (probe == null) {
					throw new ScipUnavailableException("OR-Tools loaded, but it was built without SCIP:"
							+ " MPSolver.createSolver(\"SCIP\") returned null");
				}
				version = probe.solverVersion();
				probe.delete();
				return version;
			} catch (ScipUnavailableException e) {
				failure = e.getMessage();
				throw e;
			} catch (Throwable t) { // UnsatisfiedLinkError, IOException, ...: report, never crash the caller
				failure = describe(t);
				throw new ScipUnavailableException(failure, t);
			}
		}
	}

	/**
	 * Tries to load the natives from {@code folder} (as {@code -Dhao.scip.natives} would) without changing this JVM's
	 * loaded state when it fails: a diagnostic for installers and tests.
	 *
	 * @throws ScipUnavailableException with the message a user would get
	 */
	public static void checkFolder(java.nio.file.Path folder) {
		NativeFolder.load(folder);
	}

	/** Whether SCIP is usable, without throwing. */
	public static boolean isAvailable() {
		try {
			ensureLoaded();
			return true;
		} catch (ScipUnavailableException e) {
			return false;
		}
	}

	private static String describe(Throwable t) {
		String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
		return "The SCIP solver (OR-Tools native library) could not be loaded on " + os + ": " + t
				+ ". HAO Studio ships natives for linux x86-64 only (fragment com.google.ortools.linux.x86_64);"
				+ " on JDK 22+ also pass --enable-native-access=ALL-UNNAMED.";
	}
}
