package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.hao.engine.model.SearchSpec;
import org.hao.engine.predict.DropModel;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.ProgressListener;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.hao.engine.results.SubgraphConfig;

/** Runs one engine search from the CLI: progress bar on a terminal, Pareto table, outcome on stderr. */
final class SearchRunner {

	private SearchRunner() {
	}

	/** Runs one search; {@code cancel} is the command's token (Ctrl-C cancels it through {@link CancelOnShutdown}). */
	static SearchResult run(SearchSpec spec, SearchOptions options, PrintWriter err, CancelToken cancel) {
		err.println("hao: searching " + spec.name() + " on " + spec.device().name() + " (Ctrl-C cancels)");
		err.flush();
		try {
			return HaoSearch.run(spec, options, progress(spec.device().name(), err), cancel);
		} finally {
			if (System.console() != null) {
				err.println();
			}
		}
	}

	/**
	 * Tells on stderr why a search gave nothing (solver missing, every configuration failed) or stopped early; returns
	 * the exit code: 130 cancelled, 3 engine failure, 1 no point meets the constraints, 0 otherwise.
	 */
	static int report(SearchResult r, PrintWriter err) {
		if (r.cancelled()) {
			err.println(
					"hao: search on " + r.device() + " cancelled; no result file was written, existing ones are kept");
			return ExitCode.CANCELLED.code();
		}
		if (r.points().isEmpty() && !r.failures().isEmpty()) {
			err.println("hao: search on " + r.device() + " failed: " + r.failures().get(0).message()
					+ (r.failures().size() > 1 ? " (and " + (r.failures().size() - 1) + " more, listed above)" : ""));
			return ExitCode.ENGINE_FAILURE.code();
		}
		return (r.chosen() == null ? ExitCode.FAILED : ExitCode.OK).code();
	}

	/** Whether results of {@code r} should replace existing result files: not when cancelled or when it failed. */
	static boolean worthWriting(SearchResult r) {
		return !r.cancelled() && !(r.points().isEmpty() && !r.failures().isEmpty());
	}

	/** A one-line bar redrawn with \r when stderr is a terminal; silent otherwise (logs stay clean). */
	private static ProgressListener progress(String device, PrintWriter err) {
		if (System.console() == null) {
			return ProgressListener.NONE;
		}
		return (done, total, message) -> {
			int width = 30;
			int filled = total <= 0 ? 0 : (int) ((long) width * Math.min(done, total) / total);
			err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %s", device, "#".repeat(filled), " ".repeat(width - filled),
					done, total, message == null ? "" : message);
			err.flush();
		};
	}

	/** How many skipped configurations the table lists with their reason. */
	static final int SKIPPED_SHOWN = 5;

	/** At most 300 characters of a reason (a dataflow configuration lists every layer's choice). */
	private static String shortened(String message) {
		return message.length() <= 300 ? message : message.substring(0, 297) + "...";
	}

	static void printTable(PrintWriter out, SearchResult r) {
		out.printf(Locale.ROOT, "device %s, solver %s, %d Pareto points%s%n", r.device(), r.solverVersion(),
				r.points().size(), r.cancelled() ? " (cancelled)" : r.complete() ? ""
						: r.points().isEmpty() && !r.failures().isEmpty() ? " (failed)" : " (time limit: partial)");
		// '#' is the number `hao export --point N` takes; the choices say what the network is (kernel, expansion,
		// width, depth where searched, bits, pruning per subgraph)
		out.printf(Locale.ROOT, "  %3s %8s %10s %8s %6s %6s %8s %9s %9s  %s%n", "#", "acc %", "latency ms", "fps",
				"DSP", "BRAM", "LUT", "mJ/frame", "frames/J", "choices");
		for (int i = 0; i < r.points().size(); i++) {
			ParetoPoint p = r.points().get(i);
			out.printf(Locale.ROOT, "%s %3d %8.2f %10.3f %8.1f %6d %6d %8d %9.3f %9s  %s%n",
					p.equals(r.chosen()) ? "*" : " ", i + 1, p.accuracy(), p.latencyMs(), p.fps(), p.dsp(), p.bram18k(),
					p.lut(), p.energyMj(), p.framesPerJouleText(), SubgraphConfig.choices(p.config().subgraphs()));
		}
		out.println(r.chosen() == null ? "no point meets the constraints"
				: "* = chosen (point " + (r.points().indexOf(r.chosen()) + 1) + ")");
		if (r.chosen() != null) {
			ParetoPoint c = r.chosen();
			out.printf(Locale.ROOT, "chosen: %.2f %% top-1 (%.0f %% interval %.2f..%.2f) at %.1f fps%s%n", c.accuracy(),
					DropModel.INTERVAL_LEVEL * 100, c.accuracyLow(), c.accuracyHigh(), c.fps(),
					c.config().prediction().quantization() == null ? ""
							: "; quantization " + c.config().prediction().quantization());
		}
		if (r.chosen() != null && r.chosen().config().accelerator() != null) {
			out.println("chosen accelerator: " + r.chosen().config().accelerator().describe());
		}
		out.printf(Locale.ROOT, "engine time %.2f s%s%n", r.elapsedMs() / 1000.0,
				r.ilpSolves() + r.ilpCacheHits() == 0 ? "" : String.format(Locale.ROOT,
						" (%d subgraph ILP solves, %d cache hits)", r.ilpSolves(), r.ilpCacheHits()));
		r.warnings().forEach(w -> out.println("warning: " + w));
		if (!r.failures().isEmpty()) {
			// configurations left out of the frontier, each with the reason (a resource short, a solver fault)
			// a few reasons in full; every one is in the JSON's failures
			out.printf(Locale.ROOT, "%d configuration(s) skipped:%n", r.failures().size());
			r.failures().stream().limit(SKIPPED_SHOWN)
					.forEach(f -> out.println("  skipped: " + shortened(f.message())));
			if (r.failures().size() > SKIPPED_SHOWN) {
				out.printf(Locale.ROOT, "  ... and %d more (every configuration and reason: --json, \"failures\")%n",
						r.failures().size() - SKIPPED_SHOWN);
			}
		}
	}

}
