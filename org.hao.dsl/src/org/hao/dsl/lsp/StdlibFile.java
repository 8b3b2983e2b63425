package org.hao.dsl.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.engine.io.AtomicFiles;

/**
 * The standard device library as a file an editor can open: the library lives inside the org.hao.dsl jar under the URI
 * {@code hao-stdlib:/devices.hao}, which no client can read, so go-to-definition on a library device points into a
 * read-only copy at {@code $XDG_CACHE_HOME/hao-studio/stdlib/<first 16 hex digits of the text's SHA-256>/devices.hao}
 * (default cache folder {@code ~/.cache}). The copy is one stable file per library version, shared by every server
 * start of the user: written once, atomically ({@link AtomicFiles}: a temp file beside it, renamed; nothing is left
 * behind when the write fails), written again only when it no longer holds the library (edited or damaged); the
 * {@code hao-studio} folder is created user-private (mode 0700).
 */
public final class StdlibFile {

	private static Path copy;
	private static String text;

	private StdlibFile() {
	}

	/** Where {@code target} (an element of the standard library) is defined: its name in the copy. */
	static Location location(EObject target) throws IOException {
		Path file = path();
		EStructuralFeature name = target.eClass().getEStructuralFeature("name");
		List<INode> nodes = name == null ? List.of() : NodeModelUtils.findNodesForFeature(target, name);
		INode node = nodes.isEmpty() ? NodeModelUtils.getNode(target) : nodes.get(0);
		Document doc = new Document(1, text());
		int start = node == null ? 0 : node.getOffset();
		int end = node == null ? 0 : node.getEndOffset();
		return new Location(file.toUri().toString(), new Range(doc.getPosition(start), doc.getPosition(end)));
	}

	/** The copy in the user's cache folder, written on first use. */
	static synchronized Path path() throws IOException {
		if (copy == null || !Files.isRegularFile(copy)) {
			copy = copyIn(cacheHome());
		}
		return copy;
	}

	/**
	 * The read-only copy of the library under {@code cacheHome} ({@code hao-studio/stdlib/<hash>/devices.hao}): the
	 * same path for the same library text; written (atomically) when missing or when it differs from the library.
	 *
	 * @throws IOException when the folder or the copy cannot be written (go-to-definition then offers nothing)
	 */
	public static synchronized Path copyIn(Path cacheHome) throws IOException {
		String library = text();
		Path app = cacheHome.resolve("hao-studio");
		createPrivate(app);
		Path file = Files.createDirectories(app.resolve("stdlib").resolve(hash(library))).resolve("devices.hao");
		if (Files.isRegularFile(file) && library.equals(readOrNull(file))) {
			return file;
		}
		// a read-only copy that differs is removed first: the atomic write keeps an existing file's mode (read-only)
		Files.deleteIfExists(file);
		AtomicFiles.write(file, library);
		file.toFile().setReadOnly();
		return file;
	}

	/** $XDG_CACHE_HOME when it is an absolute path (the XDG Base Directory rule), else ~/.cache. */
	static Path cacheHome() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
			return Path.of(xdg);
		}
		return Path.of(System.getProperty("user.home"), ".cache");
	}

	/** The library's text, read once from the org.hao.dsl jar. */
	static synchronized String text() throws IOException {
		if (text == null) {
			try (InputStream in = HaoStdlib.class.getResourceAsStream("/stdlib/devices.hao")) {
				if (in == null) {
					throw new IOException("the standard device library is missing from the org.hao.dsl jar");
				}
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return text;
	}

	/** The first 16 hex digits of the SHA-256 of {@code library} (UTF-8): one folder per library version. */
	static String hash(String library) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(library.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** {@code dir} created with mode 0700 when missing (an existing folder keeps the mode its user gave it). */
	private static void createPrivate(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		Files.createDirectories(dir.getParent());
		try {
			Files.createDirectory(dir,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		} catch (UnsupportedOperationException e) {
			Files.createDirectories(dir); // not a POSIX file system
		} catch (FileAlreadyExistsException e) {
			// made by another server starting at the same time
		}
	}

	private static String readOrNull(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			return null; // unreadable or not UTF-8: written again
		}
	}
}
