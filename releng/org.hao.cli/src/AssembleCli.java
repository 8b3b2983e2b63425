import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Lays out the command line's bundles for a plain class path (run by the build: {@code java AssembleCli.java
 * PLUGINS_DIR OUT_DIR}). PLUGINS_DIR is the p2 closure of org.hao.dsl that Tycho resolved from the target platform;
 * OUT_DIR receives:
 * <ul>
 * <li>{@code lib/}: one jar per bundle symbolic name (the highest version when the closure holds several), without
 * jar signatures (see {@link #copyUnsigned}), plus the nested jars of bundles whose Bundle-ClassPath names any;</li>
 * <li>{@code natives/}: the OR-Tools/SCIP shared libraries of the linux x86-64 fragment, extracted once here (OR-Tools'
 * own loader would copy about 70 MB into a temp folder on every start); the launcher passes
 * {@code -Dhao.scip.natives=OUT_DIR/natives};</li>
 * <li>{@code classpath}: the lib/ file names, one per line, HAO's own bundles first.</li>
 * </ul>
 * Fails (exit 1) when org.hao.dsl or the natives are missing, so a broken closure stops the build.
 */
public class AssembleCli {

	private static final String NATIVES_FRAGMENT = "com.google.ortools.linux.x86_64";
	private static final String NATIVES_FOLDER = "ortools-linux-x86-64/";

	record Bundle(String name, String version, Path jar, List<String> nested) {
	}

	public static void main(String[] args) throws IOException {
		Path plugins = Path.of(args[0]);
		Path out = Path.of(args[1]);
		deleteTree(out);
		Path lib = Files.createDirectories(out.resolve("lib"));
		Path natives = Files.createDirectories(out.resolve("natives"));

		Map<String, Bundle> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(plugins)) {
			for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
				Bundle b = read(jar);
				if (b == null || b.name().endsWith(".source")) {
					continue;
				}
				Bundle old = bundles.get(b.name());
				if (old == null || compareVersions(b.version(), old.version()) > 0) {
					if (old != null) {
						System.out
								.println("AssembleCli: " + b.name() + " " + b.version() + " replaces " + old.version());
					}
					bundles.put(b.name(), b);
				}
			}
		}
		if (!bundles.containsKey("org.hao.dsl")) {
			fail("org.hao.dsl is not in " + plugins);
		}
		List<String> own = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (Bundle b : bundles.values()) {
			String file = b.name() + "_" + b.version() + ".jar";
			copyUnsigned(b.jar(), lib.resolve(file));
			(b.name().startsWith("org.hao.") ? own : others).add(file);
			for (String nested : b.nested()) {
				String nestedFile = b.name() + "_" + b.version() + "__" + nested.replace('/', '_');
				try (JarFile jf = new JarFile(b.jar().toFile());
						InputStream in = jf.getInputStream(jf.getEntry(nested))) {
					Files.copy(in, lib.resolve(nestedFile), StandardCopyOption.REPLACE_EXISTING);
				}
				others.add(nestedFile);
			}
		}
		Bundle nat = bundles.get(NATIVES_FRAGMENT);
		if (nat == null) {
			fail("the SCIP natives (" + NATIVES_FRAGMENT + ") are not in " + plugins);
		}
		int count = 0;
		try (JarFile jf = new JarFile(nat.jar().toFile())) {
			for (JarEntry e : jf.stream().toList()) {
				if (e.getName().startsWith(NATIVES_FOLDER) && !e.isDirectory()) {
					try (InputStream in = jf.getInputStream(e)) {
						Files.copy(in, natives.resolve(e.getName().substring(NATIVES_FOLDER.length())));
					}
					count++;
				}
			}
		}
		List<String> classpath = new ArrayList<>(own);
		classpath.addAll(others);
		Files.write(out.resolve("classpath"), classpath);
		System.out.println("AssembleCli: " + classpath.size() + " jars in " + lib + ", " + count
				+ " native libraries in " + natives);
	}

	/**
	 * Copies a jar without its signature (META-INF/*.SF, *.RSA, *.DSA, *.EC and the manifest's per-entry digests).
	 * The JVM's AOT cache / CDS archive skips every class of a signed jar, and of its subclasses (most of EMF and
	 * Xtext are signed); on a class path the signature is not checked against anything anyway. The OSGi runtime of
	 * the IDE keeps the signed originals.
	 */
	static void copyUnsigned(Path from, Path to) throws IOException {
		try (JarFile in = new JarFile(from.toFile(), false)) {
			boolean signed = in.stream().anyMatch(e -> isSignature(e.getName()));
			if (!signed) {
				Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
				return;
			}
			Manifest manifest = new Manifest();
			if (in.getManifest() != null) {
				manifest.getMainAttributes().putAll(in.getManifest().getMainAttributes());
			}
			try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
				for (JarEntry e : in.stream().toList()) {
					String name = e.getName();
					if (isSignature(name) || name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
						continue;
					}
					JarEntry copy = new JarEntry(name);
					copy.setTime(e.getTime());
					out.putNextEntry(copy);
					try (InputStream data = in.getInputStream(e)) {
						data.transferTo(out);
					}
					out.closeEntry();
				}
			}
		}
	}

	private static boolean isSignature(String name) {
		String upper = name.toUpperCase(java.util.Locale.ROOT);
		return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
				&& (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
	}

	/** The bundle of {@code jar}, or null when it has no OSGi manifest. */
	private static Bundle read(Path jar) throws IOException {
		try (JarFile jf = new JarFile(jar.toFile(), false)) {
			Manifest mf = jf.getManifest();
			if (mf == null) {
				return null;
			}
			Attributes a = mf.getMainAttributes();
			String bsn = a.getValue("Bundle-SymbolicName");
			if (bsn == null) {
				return null;
			}
			String name = bsn.split(";")[0].trim();
			String version = a.getValue("Bundle-Version") == null ? "0.0.0" : a.getValue("Bundle-Version").trim();
			List<String> nested = new ArrayList<>();
			String bcp = a.getValue("Bundle-ClassPath");
			if (bcp != null) {
				for (String entry : bcp.split(",")) {
					String path = entry.split(";")[0].trim();
					if (!path.isEmpty() && !path.equals(".") && path.endsWith(".jar") && jf.getEntry(path) != null) {
						nested.add(path);
					}
				}
			}
			return new Bundle(name, version, jar, nested);
		}
	}

	/** OSGi version order on major.minor.micro (numeric) then the qualifier (text). */
	static int compareVersions(String a, String b) {
		String[] x = a.split("\\.", 4);
		String[] y = b.split("\\.", 4);
		for (int i = 0; i < 3; i++) {
			int c = Integer.compare(number(x, i), number(y, i));
			if (c != 0) {
				return c;
			}
		}
		return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
	}

	private static int number(String[] parts, int i) {
		try {
			return i < parts.length ? Integer.parseInt(parts[i]) : 0;
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	private static void fail(String message) {
		System.err.println("AssembleCli: " + message);
		System.exit(1);
	}
}
