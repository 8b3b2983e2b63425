package org.hao.dsl.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The CLI's standard output and error as auto-flushing writers in the terminal's own charset
 * ({@link PrintStream#charset()}), named explicitly so the build's forbidden-API check sees no default charset.
 */
final class Console {

	private Console() {
	}

	static PrintWriter out() {
		return writer(System.out);
	}

	static PrintWriter err() {
		return writer(System.err);
	}

	private static PrintWriter writer(PrintStream stream) {
		return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
	}
}
