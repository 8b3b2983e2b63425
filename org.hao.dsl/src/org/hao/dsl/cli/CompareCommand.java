package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hao.dsl.hao.Device;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.AtomicFiles;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.report.JsonReport;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.search.SearchResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hao compare FILE --devices A,B}: the same search on several devices, frontiers side by side. */
@Command(name = "compare", description = "Run one search on several devices and compare fps, mJ/frame, frames/J.")
public class CompareCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE.hao")
	Path file;

	@Option(names = "--devices", split = ",", required = true, paramLabel = "A,B", description = "devices to compare")
	List<String> devices;

	@Option(names = "--search", paramLabel = "NAME") String searchName;
	@Option(names = "--report", paramLabel = "OUT.html") Path report;
	@Option(names = "--json", paramLabel = "OUT") Path json;
	@Option(names = "--time-limit", paramLabel = "S") Double timeLimit;
	@Option(names = "--threads", paramLabel = "N", defaultValue = "0") int threads;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ValidatedFile hao = ValidatedFile.load(file, out);
		if (hao == null) {
			return 1;
		}
		Search search = hao.search(searchName, err);
		if (search == null) {
			return 2;
		}
		ModelMapper mapper = new ModelMapper();
		List<SearchSpec> specs = new ArrayList<>();
		for (String name : devices) {
			Device d = hao.device(search, name.strip());
			if (d == null) {
				err.println(file + ": no device named '" + name.strip() + "'");
				return 2;
			}
			specs.add(mapper.toSearch(search, d));
		}
		List<SearchResult> results = new ArrayList<>();
		int failed = 0;
		CancelToken cancel = new CancelToken();
		try (CancelOnShutdown guard = CancelOnShutdown.install(cancel)) {
			for (SearchSpec s : specs) {
				SearchResult r = SearchRunner.run(s, new SearchOptions(threads, timeLimit), err, cancel);
				SearchRunner.printTable(out, r);
				out.println();
				int code = SearchRunner.report(r, err);
				if (code == 130) {
					out.flush();
					return code; // nothing written: the comparison is incomplete
				}
				failed = Math.max(failed, code == 3 ? 3 : 0);
				results.add(r);
			}
			printSummary(out, results);
			if (report != null) {
				AtomicFiles.write(report, html(search.getName(), specs, results));
			}
			if (json != null) {
				AtomicFiles.write(json, "[\n" + String.join(",\n", results.stream().map(JsonReport::toJson).toList())
						+ "\n]\n");
			}
		}
		out.flush();
		return results.stream().anyMatch(r -> r.chosen() != null) ? 0 : failed == 3 ? 3 : 1;
	}

	private static void printSummary(PrintWriter out, List<SearchResult> results) {
		out.printf(Locale.ROOT, "%-14s %8s %10s %8s %9s %9s%n", "device", "acc %", "latency ms", "fps", "mJ/frame",
				"frames/J");
		for (SearchResult r : results) {
			ParetoPoint p = r.chosen();
			if (p == null) {
				out.printf(Locale.ROOT, "%-14s %s%n", r.device(), "no point meets the constraints");
			} else {
				out.printf(Locale.ROOT, "%-14s %8.2f %10.3f %8.1f %9.3f %9.1f%n", r.device(), p.accuracy(),
						p.latencyMs(), p.fps(), p.energyMj(), p.framesPerJoule());
			}
		}
	}

	/** One page, one Pareto plot per device (the engine's SVG), side by side. */
	private static String html(String title, List<SearchSpec> specs, List<SearchResult> results) {
		StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
				.append(escape(title)).append(" compare</title></head><body>\n<h1>").append(escape(title))
				.append(": devices compared</h1>\n<div style=\"display:flex;flex-wrap:wrap;gap:2em\">\n");
		for (int i = 0; i < results.size(); i++) {
			SearchResult r = results.get(i);
			ParetoPoint c = r.chosen();
			b.append("<div><h2>").append(escape(r.device())).append("</h2>\n")
					.append(HtmlReport.svg(r.points(), c, specs.get(i).constraints().latencyBudgetMs())).append("\n<p>")
					.append(c == null ? "no point meets the constraints"
							: String.format(Locale.ROOT, "chosen: %.2f %% top-1, %.1f fps, %.3f mJ/frame, %.1f frames/J",
									c.accuracy(), c.fps(), c.energyMj(), c.framesPerJoule()))
					.append("</p></div>\n");
		}
		return b.append("</div></body></html>\n").toString();
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
