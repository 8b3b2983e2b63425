package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.estimate.EstimateTexts;
import org.hao.dsl.estimate.EvaluationTarget;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.estimate.LayerEstimate;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;
import org.hao.engine.io.AtomicFiles;
import org.hao.engine.results.ResultsJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hao estimate FILE}: per-layer and per-subgraph latency and resources of the base configuration. */
@Command(name = "estimate", description = "Latency/resource table of the base configuration (as written, INT8).")
public class EstimateCommand extends ConsoleCommand {

	@Parameters(index = "0", paramLabel = "FILE", description = "the .hao file with the network or search")
	Path file;

	@Option(names = "--search", paramLabel = "NAME", description = "estimate this search's network on its devices")
	String searchName;

	@Option(names = "--device", paramLabel = "NAME", description = "device to estimate on instead of the search's devices (the search's architecture applies; its resource caps only on its own devices)")
	String deviceName;

	@Option(names = "--json", paramLabel = "OUT", description = "write the estimate as JSON (network, device, accelerator,"
			+ " latency_ms, fps, macs, weights, dsp, bram18k, lut, energy_mj, accuracy, layers[])")
	Path json;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		ValidatedFile hao = ValidatedFile.load(file, out);
		if (hao == null) {
			return ExitCode.FAILED.code();
		}
		List<EvaluationTarget> targets = targets(hao, err);
		if (targets == null || !new OutputFiles().inputs(hao.files()).output("--json", json).writable(err)) {
			return ExitCode.USAGE.code();
		}
		ModelMapper mapper = new ModelMapper();
		boolean feasible = true;
		List<Object> estimates = new ArrayList<>();
		for (EvaluationTarget t : targets) {
			// on the architecture the search names (`architecture ...`) and within its caps, like the search itself
			NetworkEstimate e = t.estimate(mapper);
			print(out, e);
			if ("unavailable".equals(e.solver())) {
				// no solver, no estimate: say why on stderr (the finding names the missing library and the fix)
				out.flush();
				err.println("hao: cannot estimate " + e.network() + " on " + e.device() + ": "
						+ String.join("; ", e.findings()));
				return ExitCode.ENGINE_FAILURE.code();
			}
			feasible &= e.feasible();
			estimates.add(EstimateJson.map(e));
		}
		out.flush();
		if (json != null) {
			try {
				AtomicFiles.write(json, ResultsJson.toJson(estimates.size() == 1 ? estimates.get(0) : estimates));
			} catch (java.io.IOException ex) {
				err.println("hao: cannot write " + json + ": " + org.hao.engine.io.IoReason.of(ex));
				return ExitCode.USAGE.code();
			}
		}
		return (feasible ? ExitCode.OK : ExitCode.FAILED).code();
	}

	/** Every search of the file (or the named one) on its devices (or --device); without searches, every network. */
	private List<EvaluationTarget> targets(ValidatedFile hao, PrintWriter err) {
		List<Search> searches;
		if (searchName != null) {
			Search s = hao.search(searchName, err);
			if (s == null) {
				return null;
			}
			searches = List.of(s);
		} else {
			searches = hao.searches();
		}
		DeviceDecl override = null;
		if (deviceName != null) {
			override = hao.device(hao.model, deviceName);
			if (override == null) {
				err.println(file + ": no device named '" + deviceName + "'");
				return null;
			}
		}
		List<EvaluationTarget> targets = new ArrayList<>();
		if (searches.isEmpty()) {
			if (hao.model.getElements().stream().noneMatch(Network.class::isInstance)) {
				err.println(file + ": no network in this file");
				return null;
			}
			if (override == null) {
				err.println(file + ": no search in this file; name a device with --device");
				return null;
			}
			for (var element : hao.model.getElements()) {
				if (element instanceof Network n) {
					targets.add(new EvaluationTarget(n, null, override));
				}
			}
			return targets;
		}
		for (Search s : searches) {
			Network n = ModelMapper.networkOf(s);
			if (override != null && !s.getDevices().contains(override) && !s.getConstraints().isEmpty()) {
				err.println("hao: note: search " + s.getName() + "'s constraints are written for its own devices; on "
						+ override.getName() + " they are not applied");
			}
			for (DeviceDecl d : override != null ? List.of(override) : s.getDevices()) {
				targets.add(new EvaluationTarget(n, s, d, s.getDevices().contains(d)));
			}
		}
		return targets;
	}

	private static String ms(double latencyMs) {
		return Double.isFinite(latencyMs) ? String.format(java.util.Locale.ROOT, "%.3f", latencyMs) : "-";
	}

	/**
	 * The DSP, BRAM18K and LUT cells of a layer or subgraph row: the figures, or "-" on an overlay, whose resources
	 * are the accelerator's (shared by every layer; the total line has them).
	 */
	private static Object[] resources(boolean overlay, int dsp, int bram18k, int lut) {
		return overlay ? new Object[]{"-", "-", "-"} : new Object[]{dsp, bram18k, lut};
	}

	static void print(PrintWriter out, NetworkEstimate e) {
		out.printf(Locale.ROOT, "network %s on %s (solver: %s)%n", e.network(), e.device(), e.solver());
		if (e.accelerator() != null) {
			out.printf(Locale.ROOT, "accelerator: %s (%s)%n", e.accelerator().architecture(), e.accelerator().name());
		}
		// on an overlay every layer runs on the shared engines: resources are the accelerator's (the total line)
		boolean overlay = EstimateTexts.overlay(e);
		out.printf(Locale.ROOT, "%-28s %-14s %10s %6s %6s %8s %9s%n", "layer", "subgraph", "latency ms", "DSP", "BRAM",
				"LUT", "engine");
		for (SubgraphEstimate sg : e.subgraphs()) {
			for (LayerEstimate l : sg.layers()) {
				Object[] resources = resources(overlay, l.dsp(), l.bram18k(), l.lut());
				out.printf(Locale.ROOT, "%-28s %-14s %10.3f %6s %6s %8s %9s%n", l.layer(), l.subgraph(), l.latencyMs(),
						resources[0], resources[1], resources[2], l.engine());
			}
			Object[] resources = resources(overlay, sg.dsp(), sg.bram18k(), sg.lut());
			out.printf(Locale.ROOT, "%-28s %-14s %10s %6s %6s %8s  %s %s%n", "= subgraph " + sg.subgraph(),
					overlay ? "on the overlay" : sg.mode(), ms(sg.latencyMs()), resources[0], resources[1],
					resources[2], sg.status(), sg.message() == null ? "" : sg.message());
		}
		if (overlay) {
			out.println(
					"(overlay: layers run one after another on shared engines, so a subgraph's time is the sum of its"
							+ " layers'; the conv engine's pooling / elementwise unit runs pool and add layers)");
		}
		if (e.feasible()) {
			out.printf(Locale.ROOT,
					"total: %.3f ms, %.1f fps, %d DSP, %d BRAM18K, %d LUT, %.3f mJ/frame; predicted top-1"
							+ " %.2f %%%n",
					e.latencyMs(), e.fps(), e.dsp(), e.bram18k(), e.lut(), e.energyMj(), e.accuracy());
		} else {
			// no latency exists for a network with a subgraph that does not fit: say so instead of printing NaN
			out.println("total: not implementable on " + e.device() + " as written (see the findings); resources of the"
					+ " subgraphs that fit: " + e.dsp() + " DSP, " + e.bram18k() + " BRAM18K, " + e.lut() + " LUT");
		}
		e.findings().forEach(f -> out.println("finding: " + f));
		out.println();
	}
}
