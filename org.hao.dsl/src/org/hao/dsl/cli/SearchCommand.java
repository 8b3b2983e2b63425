package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.CsvReport;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.search.CancelToken;
import org.hao.engine.results.SearchResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code hao search FILE}: runs a search (on each of its devices), prints the Pareto table, writes reports.
 * Exit 0 when a point meets the constraints, 1 on validation errors or when none does, 3 when the engine failed,
 * 130 when cancelled (Ctrl-C). A cancelled or failed search writes no file, so earlier results stay as they were.
 */
@Command(name = "search", description = "Run a search and print its accuracy-latency Pareto frontier.")
public class SearchCommand extends ConsoleCommand {

	@Mixin
	SearchSelection selection;

	@Option(names = "--json", paramLabel = "OUT", description = "write the results (frontier, chosen point, options) as JSON")
	Path json;
	@Option(names = "--csv", paramLabel = "OUT", description = "write the Pareto frontier as CSV, one row per point")
	Path csv;
	@Option(names = "--report", paramLabel = "OUT.html", description = "write an HTML report with the accuracy-latency plot")
	Path report;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws IOException, HaoModelLoader.LoadException {
		SearchSelection.Selected selected = selection.load(out, err);
		if (selected == null) {
			return selection.failure();
		}
		List<SearchSpec> specs = new ModelMapper().toSearches(selected.search());
		OutputFiles outputs = new OutputFiles().inputs(selected.hao().files());
		for (SearchSpec s : specs) {
			String suffix = suffix(s, specs);
			outputs.output("--json", withSuffix(json, suffix)).output("--csv", withSuffix(csv, suffix))
					.output("--report", withSuffix(report, suffix));
		}
		if (!outputs.writable(err)) {
			return ExitCode.USAGE.code();
		}
		int code = 0;
		CancelToken cancel = new CancelToken();
		try (CancelOnShutdown guard = CancelOnShutdown.install(cancel)) {
			for (SearchSpec s : specs) {
				SearchResult r = SearchRunner.run(s, selection.options(), err, cancel);
				SearchRunner.printTable(out, r);
				out.flush();
				code = Math.max(code, SearchRunner.report(r, err));
				if (r.cancelled()) {
					break;
				}
				if (SearchRunner.worthWriting(r)) {
					write(r, s, suffix(s, specs));
				}
			}
		}
		out.flush();
		return code;
	}

	private void write(SearchResult r, SearchSpec s, String suffix) throws IOException {
		if (json != null) {
			ResultsJson.write(ResultsDocument.of(r, s, selection.file.toString()), withSuffix(json, suffix));
		}
		if (csv != null) {
			CsvReport.write(r, withSuffix(csv, suffix));
		}
		if (report != null) {
			HtmlReport.write(s.name() + " on " + s.device().name(), r, s.constraints(), withSuffix(report, suffix));
		}
	}

	/** "-ZU3EG" when the search runs on several devices (one file each), else "". */
	private static String suffix(SearchSpec s, List<SearchSpec> specs) {
		return specs.size() > 1 ? "-" + s.device().name() : "";
	}

	/** out.json + "-ZU3EG" = out-ZU3EG.json (one file per device when a search names several); null stays null. */
	static Path withSuffix(Path path, String suffix) {
		if (path == null || suffix.isEmpty()) {
			return path;
		}
		String name = path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
		return path.resolveSibling(renamed);
	}
}
