package org.hao.dsl.cli;

import org.hao.engine.io.IoReason;
import org.hao.engine.io.WriteFailedException;

/**
 * What {@code hao} prints for an exception no command caught: an I/O failure names its file and the reason in words
 * ({@code cannot write /proc/x.json: no such file or directory}) and is a usage error (exit 2: nothing was written);
 * anything else is an engine failure (exit 3) with its message. Never a Java class name.
 */
final class UnexpectedFailure {
	private UnexpectedFailure() {
	}

	static String describe(Throwable e) {
		if (IoReason.isIo(e)) {
			Throwable io = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
			if (io instanceof WriteFailedException w) {
				return w.getMessage();
			}
			String file = IoReason.file(io);
			return (file == null ? "input/output failure" : "cannot access " + file) + ": " + IoReason.of(io);
		}
		String message = e.getMessage();
		return "internal error" + (message == null || message.isBlank() ? "" : ": " + message)
				+ " (please report it with the command line and the input file)";
	}

	static ExitCode exitCode(Throwable e) {
		return IoReason.isIo(e) ? ExitCode.USAGE : ExitCode.ENGINE_FAILURE;
	}
}
