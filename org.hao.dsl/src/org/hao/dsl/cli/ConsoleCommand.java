package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A {@code hao} subcommand: runs with the command line's standard output and error (the writers tests and the
 * language server pass in, not {@code System.out}) and returns an {@link ExitCode}'s code.
 */
abstract class ConsoleCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/**
	 * Runs the command; an input file that cannot be read at all (missing, a directory, no permission) is
	 * {@code hao: cannot read FILE: REASON} on stderr and a usage error (exit 2), the same for every command.
	 */
	@Override
	public final Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try {
			return run(out, err);
		} catch (HaoModelLoader.LoadException e) {
			out.flush();
			err.println("hao: " + e.getMessage());
			return ExitCode.USAGE.code();
		}
	}

	/** Runs the command; returns the process exit code ({@link ExitCode#code()}). */
	protected abstract int run(PrintWriter out, PrintWriter err) throws Exception;
}
