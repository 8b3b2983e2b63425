package org.hao.dsl.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/**
 * The standard device library as a file an editor can open: the library lives inside the org.hao.dsl jar under the URI
 * {@code hao-stdlib:/devices.hao}, which no client can read, so go-to-definition on a library device points into a
 * read-only copy at {@code $XDG_CACHE_HOME/hao-studio/stdlib/<hash of the text>/devices.hao} (default cache folder
 * {@code ~/.cache}), written once per library version.
 */
final class StdlibFile {

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
		Document doc = new Document(1, text);
		int start = node == null ? 0 : node.getOffset();
		int end = node == null ? 0 : node.getEndOffset();
		return new Location(file.toUri().toString(), new Range(doc.getPosition(start), doc.getPosition(end)));
	}

	/** The copy, written on first use. */
	static synchronized Path path() throws IOException {
		if (copy != null && Files.isRegularFile(copy)) {
			return copy;
		}
		try (InputStream in = HaoStdlib.class.getResourceAsStream("/stdlib/devices.hao")) {
			if (in == null) {
				throw new IOException("the standard device library is missing from the org.hao.dsl jar");
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String hash = HexFormat.of().toHexDigits(text.hashCode());
		String cache = System.getenv("XDG_CACHE_HOME");
		Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache")
				: Path.of(cache);
		Path dir = Files.createDirectories(base.resolve("hao-studio").resolve("stdlib").resolve(hash));
		Path file = dir.resolve("devices.hao");
		if (!Files.isRegularFile(file)) {
			Path tmp = Files.createTempFile(dir, "devices", ".tmp");
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			tmp.toFile().setReadOnly();
			try {
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		copy = file;
		return file;
	}
}
