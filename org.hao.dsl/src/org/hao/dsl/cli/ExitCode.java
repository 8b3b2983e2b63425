package org.hao.dsl.cli;

/** The exit codes of every {@code hao} command (documented in docs/language.md, "Command line"). */
public enum ExitCode {
	/** Done; for a search, a point meets the constraints. */
	OK(0),
	/** The input has errors (check), the network does not fit (estimate), or no point meets the constraints (search). */
	FAILED(1),
	/** Wrong usage: bad arguments, an unknown search, an unreadable or unsupported input file. Nothing was written. */
	USAGE(2),
	/** The engine failed: the solver could not be loaded, or every configuration failed. */
	ENGINE_FAILURE(3),
	/** Cancelled by Ctrl-C (128 + SIGINT, as shells report it); earlier results are kept. */
	CANCELLED(130);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	/** The process exit status. */
	public int code() {
		return code;
	}
}
