package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.hao.dsl.hao.Search;
import org.hao.engine.search.SearchOptions;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments every command that runs searches shares (picocli mixin): the file, which of its searches, and how
 * long and on how many threads the engine may run.
 */
final class SearchSelection {

	@Parameters(index = "0", paramLabel = "FILE.hao", description = "the .hao file with the search")
	Path file;

	@Option(names = "--search", paramLabel = "NAME", description = "search to run (needed when the file has several)")
	String searchName;

	@Option(names = "--time-limit", paramLabel = "S", converter = PositiveNumbers.Seconds.class, description = "overrides the search's time limit (seconds, more than 0)")
	Double timeLimit;

	@Option(names = "--threads", paramLabel = "N", converter = PositiveNumbers.Count.class, description = "worker threads (at least 1; default: all cores)")
	Integer threads;

	/** The validated file and the search chosen in it. */
	record Selected(ValidatedFile hao, Search search) {
	}

	/** Exit code when the file does not validate (its errors are printed like {@code check}). */
	static final int INVALID_FILE = ExitCode.FAILED.code();
	/** Exit code when the file validates but names no such search (or several, and none was chosen). */
	static final int NO_SUCH_SEARCH = ExitCode.USAGE.code();

	private int failure;

	/**
	 * Loads, validates and picks the search; null after printing why, with {@link #failure()} the exit code.
	 *
	 * @throws HaoModelLoader.LoadException when the file cannot be read at all (exit 2, {@link ConsoleCommand})
	 */
	Selected load(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		ValidatedFile hao = ValidatedFile.load(file, out);
		if (hao == null) {
			failure = INVALID_FILE;
			return null;
		}
		Search search = hao.search(searchName, err);
		if (search == null) {
			failure = NO_SUCH_SEARCH;
			return null;
		}
		return new Selected(hao, search);
	}

	int failure() {
		return failure;
	}

	SearchOptions options() {
		return new SearchOptions(threads == null ? 0 : threads, timeLimit);
	}
}
