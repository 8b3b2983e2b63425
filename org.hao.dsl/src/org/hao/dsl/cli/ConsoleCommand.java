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

	@Override
	public final Integer call() throws Exception {
		return run(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	/** Runs the command; returns the process exit code ({@link ExitCode#code()}). */
	protected abstract int run(PrintWriter out, PrintWriter err) throws Exception;
}
