package org.hao.engine.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file HAO writes could not be written: names the target file (not the temporary file beside it that
 * {@link AtomicFiles} writes first) and the reason in words ({@link IoReason}); {@link #getMessage()} is
 * {@code cannot write FILE: REASON}.
 */
public final class WriteFailedException extends FileSystemException {
	private static final long serialVersionUID = 1L;

	public WriteFailedException(Path target, IOException cause) {
		super(target.toString(), null, IoReason.of(cause));
		initCause(cause);
	}

	@Override
	public String getMessage() {
		return "cannot write " + getFile() + ": " + getReason();
	}
}
