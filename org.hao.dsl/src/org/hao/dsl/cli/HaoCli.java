package org.hao.dsl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** The headless {@code hao} command; used by {@link HaoApplication} (OSGi) and {@link #main} (plain class path). */
@Command(name = "hao", mixinStandardHelpOptions = true, version = "HAO Studio 0.1.0", description = "Hardware-aware neural architecture optimization, headless.", subcommands = {
		CheckCommand.class, EstimateCommand.class, SearchCommand.class, CompareCommand.class, DevicesCommand.class,
		CalibrateCommand.class, BenchExamplesCommand.class, ImportCommand.class, ExportCommand.class, LspCommand.class})
public class HaoCli {

	public static void main(String[] args) {
		System.exit(run(args, Console.out(), Console.err()));
	}

	/** Runs one command line; returns the exit code (0 ok, 1 errors found, 2 usage error, 3 engine failure, 130 cancelled). */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new HaoCli());
		addHelpOptions(cli);
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			err.println("hao: " + UnexpectedFailure.describe(e));
			return UnexpectedFailure.exitCode(e).code();
		});
		if (args.length == 0) {
			cli.usage(err);
			return ExitCode.USAGE.code();
		}
		try {
			return cli.execute(args);
		} catch (OutOfMemoryError e) {
			// picocli hands only Exceptions to the handler above; an Error would end the JVM with a stack trace
			err.println("hao: out of memory (" + e.getMessage()
					+ "); raise the heap, e.g. -Xmx4g, or search a smaller space");
			return ExitCode.ENGINE_FAILURE.code();
		} catch (StackOverflowError e) {
			err.println(
					"hao: the input nests too deeply to process (stack overflow); raise the stack size with -Xss8m");
			return ExitCode.ENGINE_FAILURE.code();
		}
	}

	/**
	 * {@code -h, --help} on every subcommand ({@code hao search --help} prints the command's help and exits 0), in one
	 * place so that a new command gets it too.
	 */
	private static void addHelpOptions(CommandLine cli) {
		for (CommandLine sub : cli.getSubcommands().values()) {
			if (sub.getCommandSpec().findOption("--help") == null) {
				sub.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
						.description("Show this help message and exit.").build());
			}
			addHelpOptions(sub);
		}
	}
}
