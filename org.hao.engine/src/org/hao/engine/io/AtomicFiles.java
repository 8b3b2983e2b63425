package org.hao.engine.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file through a temp file in the same folder and an atomic rename: readers never see half a file. File
 * modes are those of a plain write: a new file gets the process's default mode (0666 minus the umask, 0644 under
 * umask 022; the temp file is created without {@code Files.createTempFile}'s forced 0600), and a rewritten file keeps
 * its permissions and group (where the file system is POSIX and the user may set them).
 */
public final class AtomicFiles {
	private AtomicFiles() {
	}

	/** Something that writes text. */
	@FunctionalInterface
	public interface Content {
		void writeTo(Writer w) throws IOException;
	}

	/** Something that writes bytes. */
	@FunctionalInterface
	private interface Bytes {
		void writeTo(Path tmp) throws IOException;
	}

	/** Writes text as UTF-8; a failure is a {@link WriteFailedException} naming {@code target}. */
	public static void write(Path target, Content content) throws IOException {
		writeVia(target, tmp -> {
			try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
				content.writeTo(w);
			}
		});
	}

	/** Writes bytes as they are (an ONNX protobuf); a failure is a {@link WriteFailedException}. */
	public static void write(Path target, byte[] bytes) throws IOException {
		writeVia(target, tmp -> Files.write(tmp, bytes));
	}

	/** @throws WriteFailedException naming {@code target} and the reason in words */
	private static void writeVia(Path target, Bytes content) throws IOException {
		try {
			writeOrFail(target, content);
		} catch (WriteFailedException e) {
			throw e;
		} catch (IOException e) {
			throw new WriteFailedException(target, e);
		}
	}

	private static void writeOrFail(Path target, Bytes content) throws IOException {
		Path abs = target.toAbsolutePath();
		if (Files.isDirectory(abs)) {
			// the rename would replace an empty directory
			throw new FileSystemException(abs.toString(), null, "Is a directory");
		}
		Path dir = abs.getParent();
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new NotDirectoryException(dir.toString()); // createDirectories would say "file exists"
		}
		Files.createDirectories(dir);
		Path tmp = createTemp(dir, abs.getFileName().toString());
		try {
			keepModeAndGroup(abs, tmp);
			content.writeTo(tmp);
			try {
				Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Checks, without writing it, that {@code target} can be written as {@link #write(Path, String)} would write it, so
	 * that a command can refuse a bad output path before its long work: {@code target} is no directory, and a file can
	 * be created in its folder (or, when folders are missing, in the nearest existing one above, where they would be
	 * created), and an existing {@code target} is writable. A probe file {@code .<name>.<random>.tmp} is created there and deleted at once.
	 *
	 * @throws WriteFailedException naming {@code target} and the reason in words ({@code is a directory},
	 *             {@code not a directory}, {@code permission denied}, {@code read-only file system}, ...)
	 */
	public static void checkWritable(Path target) throws WriteFailedException {
		Path abs = target.toAbsolutePath();
		try {
			if (Files.isDirectory(abs)) {
				throw new FileSystemException(abs.toString(), null, "Is a directory");
			}
			if (Files.exists(abs) && !Files.isWritable(abs)) {
				// the temp file gets the target's mode before it is written: a read-only target fails like a plain write
				throw new AccessDeniedException(abs.toString());
			}
			Path dir = abs.getParent();
			while (dir != null && !Files.exists(dir)) {
				dir = dir.getParent();
			}
			if (dir == null) {
				throw new NoSuchFileException(abs.getParent().toString());
			}
			if (!Files.isDirectory(dir)) {
				throw new NotDirectoryException(dir.toString());
			}
			Files.delete(createTemp(dir, abs.getFileName().toString()));
		} catch (IOException e) {
			throw new WriteFailedException(target, e);
		}
	}

	/** A new empty file {@code .<name>.<random>.tmp} in {@code dir}, created with the default (umask) mode. */
	private static Path createTemp(Path dir, String name) throws IOException {
		for (int attempt = 0;; attempt++) {
			Path tmp = dir.resolve(
					"." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
			try {
				return Files.createFile(tmp);
			} catch (FileAlreadyExistsException e) {
				if (attempt >= 100) {
					throw e;
				}
			}
		}
	}

	/** Gives {@code tmp} the permissions and group of an existing {@code target}; a group the user is not in is left. */
	private static void keepModeAndGroup(Path target, Path tmp) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
		if (view == null || !Files.exists(target)) {
			return;
		}
		PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		view.setPermissions(old.permissions());
		try {
			view.setGroup(old.group());
		} catch (IOException e) {
			// not a member of that group: the file gets the user's group, as a plain rewrite by another user would
		}
	}

	public static void write(Path target, String text) throws IOException {
		write(target, w -> w.write(text));
	}
}
