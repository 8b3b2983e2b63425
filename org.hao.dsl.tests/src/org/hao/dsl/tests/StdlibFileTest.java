package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.hao.dsl.lsp.StdlibFile;
import org.hao.dsl.scoping.HaoStdlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server's copy of the standard device library (go to definition on a library device): one stable file
 * per library version in a user-private cache folder, written once and atomically, restored when damaged, never a new
 * temp file per server start.
 */
class StdlibFileTest {

	@TempDir
	Path cache;

	private static String library() throws Exception {
		try (InputStream in = HaoStdlib.class.getResourceAsStream("/stdlib/devices.hao")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> all = Files.walk(cache)) {
			return all.filter(Files::isRegularFile).toList();
		}
	}

	@Test
	void oneStableReadOnlyCopyInAUserPrivateFolder() throws Exception {
		Path copy = StdlibFile.copyIn(cache);
		assertEquals(cache.resolve("hao-studio/stdlib"), copy.getParent().getParent());
		assertTrue(copy.getParent().getFileName().toString().matches("[0-9a-f]{16}"), copy.toString());
		assertEquals("devices.hao", copy.getFileName().toString());
		assertEquals(library(), Files.readString(copy));
		assertFalse(Files.getPosixFilePermissions(copy).stream().anyMatch(p -> p.name().endsWith("_WRITE")),
				"read-only: " + PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
		assertEquals("rwx------",
				PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("hao-studio"))));
		assertEquals(List.of(copy), files(), "the copy alone, no temp file");

		// a later start: the same file, not written again
		FileTime written = Files.getLastModifiedTime(copy);
		Files.setLastModifiedTime(copy, FileTime.fromMillis(written.toMillis() - 60_000));
		FileTime aged = Files.getLastModifiedTime(copy);
		for (int start = 0; start < 3; start++) {
			assertEquals(copy, StdlibFile.copyIn(cache));
		}
		assertEquals(aged, Files.getLastModifiedTime(copy), "reused, not rewritten");
		assertEquals(List.of(copy), files());
	}

	@Test
	void aDamagedCopyIsWrittenAgainInPlace() throws Exception {
		Path copy = StdlibFile.copyIn(cache);
		Files.setPosixFilePermissions(copy,
				java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		Files.writeString(copy, "device Broken fpga {");
		assertEquals(copy, StdlibFile.copyIn(cache));
		assertEquals(library(), Files.readString(copy));
		assertEquals(List.of(copy), files(), "no temp file left");
	}

	@Test
	void aCacheThatCannotBeWrittenFailsWithoutLeavingFiles() throws Exception {
		Path blocker = Files.writeString(cache.resolve("hao-studio"), "a file where the folder belongs");
		try {
			StdlibFile.copyIn(cache);
			throw new AssertionError("a file in place of the folder must fail");
		} catch (java.io.IOException expected) {
			// go to definition offers nothing then
		}
		assertEquals(List.of(blocker), files());
	}
}
