package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.NetworkEvaluator;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hao bench-examples FILE...} (used by releng/bench-engine): every search of the files as users run it, each
 * cold (empty ILP caches), printing the engine time (the search alone, without start-up and parsing), the frontier
 * size and the chosen point.
 */
@Command(name = "bench-examples", hidden = true, description = "Time every search of the given files, cold (benchmark).")
public class BenchExamplesCommand extends ConsoleCommand {
	@Parameters(paramLabel = "FILE", arity = "1..*", description = ".hao files whose searches to run")
	List<Path> files;

	@Option(names = "--threads", paramLabel = "N", converter = PositiveNumbers.Count.class, description = "search threads (at least 1; default: the cores)")
	Integer threads;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		ModelMapper mapper = new ModelMapper();
		out.printf(Locale.ROOT, "%-34s %-22s %-18s %9s %6s %8s %8s  %s%n", "file", "search", "device", "engine s",
				"points", "acc %", "fps", "complete");
		for (Path f : files) {
			ValidatedFile hao = ValidatedFile.load(f, out);
			if (hao == null) {
				return ExitCode.FAILED.code();
			}
			for (Search s : hao.searches()) {
				for (SearchSpec sp : mapper.toSearches(s)) {
					NetworkEvaluator.clearCaches();
					SearchResult r = HaoSearch.run(sp, new SearchOptions(threads == null ? 0 : threads, null), null,
							new CancelToken(), new IlpCache());
					out.printf(Locale.ROOT, "%-34s %-22s %-18s %9.2f %6d %8s %8s  %s%n", f.getFileName(), s.getName(),
							r.device(), r.elapsedMs() / 1000.0, r.points().size(),
							r.chosen() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.chosen().accuracy()),
							r.chosen() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.chosen().fps()),
							r.complete());
					out.flush();
				}
			}
		}
		return ExitCode.OK.code();
	}
}
