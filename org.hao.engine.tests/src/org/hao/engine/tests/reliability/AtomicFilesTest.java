package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hao.engine.io.AtomicFiles;
import org.hao.engine.io.WriteFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files are replaced whole or not at all: readers never see half a file, a failed write keeps the old one. */
class AtomicFilesTest {

	@TempDir
	Path dir;

	/**
	 * The check a command runs before its long work refuses what a write would refuse, with the reason in words, and
	 * creates nothing (no folder, no file).
	 */
	@Test
	void checkWritableRefusesWhatAWriteWouldRefuseAndLeavesNothing() throws Exception {
		Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
		Path emptyDir = Files.createDirectory(dir.resolve("empty"));
		for (Path bad : List.of(plain.resolve("x.json"), plain.resolve("sub/x.json"), emptyDir,
				Path.of("/proc/hao-nosuch/x.json"))) {
			WriteFailedException e = assertThrows(WriteFailedException.class, () -> AtomicFiles.checkWritable(bad));
			assertTrue(e.getMessage().matches("cannot write " + Pattern.quote(bad.toString())
					+ ": (not a directory|is a directory|no such file or directory)"), e.getMessage());
			assertThrows(WriteFailedException.class, () -> AtomicFiles.write(bad, "{}"), bad.toString());
		}
		assertTrue(Files.isDirectory(emptyDir), "an empty directory is never replaced by a file");
		AtomicFiles.checkWritable(dir.resolve("new/folder/x.json"));
		AtomicFiles.checkWritable(plain);
		assertEquals(List.of(emptyDir, plain), everything());
	}

	private List<Path> everything() throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> !p.equals(dir)).sorted().toList();
		}
	}

	@Test
	void aWriteThatFailsHalfwayKeepsTheOldFileAndLeavesNoTemp() throws Exception {
		Path target = dir.resolve("r.hao-results.json");
		AtomicFiles.write(target, "{\"old\": true}");
		assertThrows(IOException.class, () -> AtomicFiles.write(target, w -> {
			w.write("{\"new\": ");
			w.flush();
			throw new IOException("disk full (simulated by the writer)");
		}));
		assertEquals("{\"old\": true}", Files.readString(target));
		assertEquals(List.of(target), files());
	}

	/** A new result file gets the mode a plain write gives (0666 minus the umask), not createTempFile's 0600. */
	@Test
	void aNewFileFollowsTheUmask() throws Exception {
		Path plain = Files.createFile(dir.resolve("plain.txt"));
		Path target = dir.resolve("new.json");
		AtomicFiles.write(target, "{}");
		String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
		assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
		assertTrue(expected.startsWith("rw-"), expected);
		System.out.println("RELIABILITY new result file mode " + expected + " (plain createFile: " + expected + ")");
	}

	/** A rewritten file keeps its mode (wider and narrower than the umask's) and its group. */
	@Test
	void aRewrittenFileKeepsItsModeAndGroup() throws Exception {
		for (String mode : List.of("rw-rw-r--", "rw-------", "rw-r-----", "rwxr-xr-x")) {
			Path target = dir.resolve("kept-" + mode + ".csv");
			Files.writeString(target, "old");
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
			var group = Files.readAttributes(target, PosixFileAttributes.class).group();
			AtomicFiles.write(target, "new");
			assertEquals("new", Files.readString(target));
			PosixFileAttributes after = Files.readAttributes(target, PosixFileAttributes.class);
			assertEquals(mode, PosixFilePermissions.toString(after.permissions()));
			assertEquals(group, after.group());
		}
		try (Stream<Path> s = Files.list(dir)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
		}
	}

	@Test
	void concurrentReadersSeeOnlyWholeFiles() throws Exception {
		Path target = dir.resolve("r.json");
		String a = "a".repeat(300_000), b = "b".repeat(200_000);
		AtomicFiles.write(target, a);
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		Thread reader = new Thread(() -> {
			while (writing.get()) {
				try {
					String s = Files.readString(target);
					if (!s.equals(a) && !s.equals(b)) {
						throw new AssertionError("half a file: " + s.length() + " chars");
					}
					reads.incrementAndGet();
				} catch (NoSuchFileException e) {
					throw new AssertionError("the file vanished during a rename", e);
				} catch (IOException e) {
					throw new AssertionError(e);
				}
			}
		});
		Throwable[] failure = new Throwable[1];
		reader.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
		reader.start();
		for (int i = 0; i < 60; i++) {
			AtomicFiles.write(target, i % 2 == 0 ? b : a);
		}
		writing.set(false);
		reader.join();
		if (failure[0] != null) {
			throw new AssertionError(failure[0]);
		}
		System.out.println("RELIABILITY atomic files: 60 rewrites, " + reads.get() + " concurrent whole reads");
		assertTrue(reads.get() > 0);
		assertEquals(List.of(target), files());
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.toList();
		}
	}
}
