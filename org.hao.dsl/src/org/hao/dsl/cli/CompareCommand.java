package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.CompareReport;
import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.search.CancelToken;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code hao compare FILE [--devices A,B]}: the same search on several devices; prints each frontier and the chosen
 * points side by side (fps, mJ/frame, frames/J); the report is one SVG with a colour per device.
 */
@Command(name = "compare", description = "Run one search on several devices and compare fps, mJ/frame, frames/J.")
public class CompareCommand extends ConsoleCommand {

	@Mixin
	SearchSelection selection;

	@Option(names = "--devices", split = ",", paramLabel = "A,B", description = "devices to compare (default: the search's own `devices` list)")
	List<String> devices;

	@Option(names = "--report", paramLabel = "OUT.html", description = "write an HTML report: every device's frontier in one plot")
	Path report;
	@Option(names = "--json", paramLabel = "OUT", description = "write the comparison as JSON")
	Path json;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws IOException, HaoModelLoader.LoadException {
		SearchSelection.Selected selected = selection.load(out, err);
		if (selected == null) {
			return selection.failure();
		}
		ValidatedFile hao = selected.hao();
		Search search = selected.search();
		ModelMapper mapper = new ModelMapper();
		List<String> names = devices != null && !devices.isEmpty() ? devices
				: search.getDevices().stream().map(DeviceDecl::getName).toList();
		if (names.isEmpty()) {
			err.println(hao.path + ": search " + search.getName() + " names no device; give --devices A,B");
			return ExitCode.USAGE.code();
		}
		java.util.Set<String> distinct = new java.util.HashSet<>();
		for (String name : names) {
			if (!distinct.add(name.strip())) {
				// the same search twice: the same frontier twice in the table, the report and the JSON
				err.println("hao: --devices names " + name.strip() + " twice");
				return ExitCode.USAGE.code();
			}
		}
		List<SearchSpec> specs = new ArrayList<>();
		for (String name : names) {
			DeviceDecl d = hao.device(search, name.strip());
			if (d == null) {
				err.println(hao.path + ": no device named '" + name.strip() + "'");
				return ExitCode.USAGE.code();
			}
			specs.add(mapper.toSearch(search, d));
		}
		if (!new OutputFiles().inputs(hao.files()).output("--report", report).output("--json", json).writable(err)) {
			return ExitCode.USAGE.code();
		}
		List<SearchResult> results = new ArrayList<>();
		int failed = 0;
		CancelToken cancel = new CancelToken();
		try (CancelOnShutdown guard = CancelOnShutdown.install(cancel)) {
			for (SearchSpec s : specs) {
				SearchResult r = SearchRunner.run(s, selection.options(), err, cancel);
				SearchRunner.printTable(out, r);
				out.println();
				int code = SearchRunner.report(r, err);
				if (code == ExitCode.CANCELLED.code()) {
					out.flush();
					return code; // nothing written: the comparison is incomplete
				}
				failed = Math.max(failed, code == ExitCode.ENGINE_FAILURE.code() ? code : ExitCode.OK.code());
				results.add(r);
			}
			printSummary(out, results);
			java.util.Map<String, String> scopes = new java.util.LinkedHashMap<>();
			specs.forEach(s -> scopes.put(s.device().name(), s.device().power().scope().keyword()));
			String scopeNote = CompareReport.scopeNote(scopes);
			if (scopeNote != null) {
				out.println("warning: " + scopeNote);
			}
			String title = search.getName() + ": "
					+ String.join(" vs ", results.stream().map(SearchResult::device).toList());
			if (report != null) {
				CompareReport.writeHtml(title, results, specs.get(0).constraints(),
						scopeNote == null ? List.of() : List.of(scopeNote), report);
			}
			if (json != null) {
				ResultsJson.write(CompareDocument.of(results, specs.get(0), selection.file.toString()), json);
			}
		}
		out.flush();
		return (results.stream().anyMatch(r -> r.chosen() != null) ? ExitCode.OK
				: failed == ExitCode.ENGINE_FAILURE.code() ? ExitCode.ENGINE_FAILURE : ExitCode.FAILED).code();
	}

	private static void printSummary(PrintWriter out, List<SearchResult> results) {
		out.println("chosen point per device:");
		out.printf(Locale.ROOT, "%-14s %6s %8s %10s %8s %9s %9s %7s%n", "device", "points", "acc %", "latency ms",
				"fps", "mJ/frame", "frames/J", "power W");
		for (SearchResult r : results) {
			ParetoPoint p = r.chosen();
			if (p == null) {
				out.printf(Locale.ROOT, "%-14s %6d %s%n", r.device(), r.points().size(),
						"no point meets the constraints");
			} else {
				out.printf(Locale.ROOT, "%-14s %6d %8.2f %10.3f %8.1f %9.3f %9s %7.2f%n", r.device(), r.points().size(),
						p.accuracy(), p.latencyMs(), p.fps(), p.energyMj(), p.framesPerJouleText(), p.averageWatts());
			}
		}
	}
}
