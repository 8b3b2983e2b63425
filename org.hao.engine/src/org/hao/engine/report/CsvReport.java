package org.hao.engine.report;

import org.hao.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hao.engine.results.BitsConfig;
import org.hao.engine.results.PruningConfig;
import org.hao.engine.results.SubgraphConfig;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;

/**
 * One row per Pareto point: metrics (energy per frame and frames per joule included), the chosen flag, the accuracy
 * interval (accuracy_low, accuracy_high) and the quantization method it assumes, and per subgraph its block options
 * and bit-widths. The Pareto view's export writes several devices' fronts in the same format, a device column first.
 */
public final class CsvReport {
	private CsvReport() {
	}

	/** One device's front: its points in frontier order and the chosen one (null when none meets the constraints). */
	public record Front(String device, List<ParetoPoint> points, ParetoPoint chosen) {
		public static Front of(SearchResult r) {
			return new Front(r.device(), r.points(), r.chosen());
		}
	}

	/** Writes one search's points (atomically: a failed write leaves the old file). */
	public static void write(SearchResult r, Path file) throws IOException {
		write(List.of(Front.of(r)), file, false);
	}

	/** Writes every front's points, each row starting with its device. */
	public static void writeFronts(List<Front> fronts, Path file) throws IOException {
		write(fronts, file, true);
	}

	private static void write(List<Front> fronts, Path file, boolean deviceColumn) throws IOException {
		AtomicFiles.write(file, w -> {
			Set<String> sgNames = new LinkedHashSet<>();
			for (Front front : fronts) {
				front.points().forEach(pt -> sgNames.addAll(pt.config().subgraphs().keySet()));
			}
			List<String> header = new ArrayList<>(deviceColumn ? List.of("device") : List.of());
			header.addAll(List.of("accuracy", "latency_ms", "fps", "dsp", "bram18k", "lut", "energy_mj",
					"frames_per_joule", "average_watts", "chosen", "accuracy_low", "accuracy_high", "quantization"));
			header.addAll(sgNames);
			try (CSVPrinter p = new CSVPrinter(w,
					CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
				for (Front front : fronts) {
					for (ParetoPoint pt : front.points()) {
						String quantization = pt.config().prediction().quantization();
						List<Object> row = new ArrayList<>(deviceColumn ? List.of(front.device()) : List.of());
						row.addAll(List.of(pt.accuracy(), pt.latencyMs(), pt.fps(), pt.dsp(), pt.bram18k(), pt.lut(),
								pt.energyMj(), finiteOrEmpty(pt.framesPerJoule()), pt.averageWatts(),
								pt == front.chosen(), pt.accuracyLow(), pt.accuracyHigh(),
								quantization == null ? "" : quantization));
						for (String s : sgNames) {
							SubgraphConfig c = pt.config().subgraphs().get(s);
							row.add(c == null ? "" : describe(c));
						}
						p.printRecord(row);
					}
				}
			}
		});
	}

	/** A number, or an empty cell when it is not known (frames per joule without power figures). */
	private static Object finiteOrEmpty(double v) {
		return Double.isFinite(v) ? v : "";
	}

	/** E.g. "k=5 e=6 w=1.0 d=as written W4A8 prune=0.5 op_bits=conv1:W8A8"; "as written" where the space keeps it. */
	static String describe(SubgraphConfig c) {
		return "k=" + kept(c.kernel()) + " e=" + kept(c.expansion()) + " w=" + c.widthMultiplier() + " d="
				+ kept(c.depth()) + " W" + c.weightBits() + "A" + c.actBits() + " prune=" + c.pruning().ratio()
				+ (c.opPruning().isEmpty() ? "" : " op_pruning=" + opPruning(c.opPruning()))
				+ (c.opBits().isEmpty() ? "" : " op_bits=" + opBits(c.opBits()));
	}

	private static String kept(Integer v) {
		return v == null ? "as written" : v.toString();
	}

	/** conv1 -> W8A8 as "conv1:W8A8" (same notation as the subgraph bits). */
	private static String opBits(Map<String, BitsConfig> ops) {
		List<String> parts = new ArrayList<>();
		ops.forEach((op, b) -> parts.add(op + ":W" + b.weightBits() + "A" + b.actBits()));
		return String.join(",", parts);
	}

	/** conv1 -> 4x4 blocks at 0.5 as "conv1:4x4@0.5". */
	private static String opPruning(Map<String, PruningConfig> ops) {
		List<String> parts = new ArrayList<>();
		ops.forEach((op, p) -> parts.add(op + ":" + p.blockRows() + "x" + p.blockCols() + "@" + p.ratio()));
		return String.join(",", parts);
	}
}
