package org.hao.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in the words of the C library's strerror ({@code no such file or directory},
 * {@code permission denied}, ...), for messages like {@code cannot write /proc/x.json: no such file or directory}.
 * Java's exceptions carry the reason in their class ({@link NoSuchFileException}) and only a path as their message,
 * which users must never see alone.
 */
public final class IoReason {
	private IoReason() {
	}

	/** The reason of {@code e} in lower-case words, never a Java class name. */
	public static String of(Throwable e) {
		if (e instanceof UncheckedIOException u && u.getCause() != null) {
			return of(u.getCause());
		}
		if (e instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof NotDirectoryException) {
			return "not a directory";
		}
		if (e instanceof FileAlreadyExistsException) {
			return "file exists";
		}
		if (e instanceof DirectoryNotEmptyException) {
			return "directory not empty";
		}
		if (e instanceof FileSystemLoopException) {
			return "too many levels of symbolic links";
		}
		if (e instanceof FileSystemException fs && fs.getReason() != null) {
			return lowerFirst(fs.getReason());
		}
		if (e instanceof FileSystemException fs && fs.getCause() != null) {
			return of(fs.getCause());
		}
		String message = e.getMessage();
		return message == null || message.isBlank() ? "input/output error" : lowerFirst(message);
	}

	/** The file an I/O exception names, or null. */
	public static String file(Throwable e) {
		if (e instanceof UncheckedIOException u && u.getCause() != null) {
			return file(u.getCause());
		}
		return e instanceof FileSystemException fs ? fs.getFile() : null;
	}

	/** Whether {@code e} is an I/O failure (checked or wrapped), as opposed to a fault of the program. */
	public static boolean isIo(Throwable e) {
		return e instanceof IOException || e instanceof UncheckedIOException;
	}

	private static String lowerFirst(String s) {
		return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
				? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1) : s;
	}
}
