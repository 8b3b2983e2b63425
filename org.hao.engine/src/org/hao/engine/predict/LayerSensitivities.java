package org.hao.engine.predict;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Measured per-layer sensitivities of a user's trained model (the HAWQ idea), read from a CSV with a header row:
 * <ul>
 * <li>{@code layer} (required): the expanded layer's name as HAO prints it (e.g. {@code mb2_1.expand}, {@code fc});</li>
 * <li>either {@code bits} and {@code top1_drop}: the measured top-1 drop (percentage points, may be slightly
 * negative) when this layer alone is quantized to {@code bits} bits (weights; 1..16), the rest float;</li>
 * <li>or {@code hessian_trace}: the layer's average Hessian trace (trace / number of weights, as HAWQ-V2/V3 report
 * it; &gt;= 0). Traces are relative: they redistribute the default sensitivity of the listed layers among them.</li>
 * </ul>
 * A row fills one of the two forms; {@code #} starts a comment line. Every fault is a {@link PredictorDataException}
 * naming file:line. Immutable.
 */
public final class LayerSensitivities {
	/** Columns in the order {@link #write} uses. */
	public static final List<String> COLUMNS = List.of("layer", "bits", "top1_drop", "hessian_trace");

	/**
	 * One row.
	 *
	 * @param layer layer name
	 * @param line the CSV line it came from (0 when built in code)
	 * @param bits bit-width of the measurement, NaN for a Hessian row
	 * @param top1Drop measured top-1 drop in points at {@code bits}, NaN for a Hessian row
	 * @param hessianTrace average Hessian trace, NaN for a measured-drop row
	 */
	public record Entry(String layer, long line, double bits, double top1Drop, double hessianTrace) {
		public boolean measured() {
			return !Double.isNaN(top1Drop);
		}
	}

	private final String file;
	private final Map<String, Entry> entries;

	public LayerSensitivities(String file, Collection<Entry> entries) {
		this.file = file;
		Map<String, Entry> m = new LinkedHashMap<>();
		for (Entry e : entries) {
			m.put(e.layer(), e);
		}
		this.entries = java.util.Collections.unmodifiableMap(m);
	}

	/** Reads a sensitivity CSV; errors name file:line. */
	public static LayerSensitivities read(Path csv) {
		try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			return read(r, csv.toString());
		} catch (IOException e) {
			throw new PredictorDataException(csv.toString(), 0, "cannot read the file: " + e.getMessage());
		}
	}

	/** Reads from {@code reader}; {@code name} is used in messages. */
	public static LayerSensitivities read(Reader reader, String name) {
		Map<String, Entry> out = new LinkedHashMap<>();
		PredictorTables.parse(reader, name, parser -> {
			Map<String, Integer> header = parser.getHeaderMap();
			if (header == null || !header.containsKey("layer")) {
				throw new PredictorDataException(name, 1, "missing required column 'layer' (columns: "
						+ (header == null ? "none" : String.join(",", header.keySet())) + ")");
			}
			boolean drops = header.containsKey("top1_drop"), traces = header.containsKey("hessian_trace");
			if (!drops && !traces) {
				throw new PredictorDataException(name, 1, "needs column 'top1_drop' (with 'bits') or 'hessian_trace'");
			}
			if (drops && !header.containsKey("bits")) {
				throw new PredictorDataException(name, 1,
						"column 'top1_drop' needs column 'bits' (the bit-width measured)");
			}
			for (String h : header.keySet()) {
				if (!COLUMNS.contains(h)) {
					throw new PredictorDataException(name, 1,
							"unknown column '" + h + "' (known: " + String.join(", ", COLUMNS) + ")");
				}
			}
			for (CSVRecord rec : parser) {
				long line = parser.getCurrentLineNumber();
				if (!rec.isConsistent()) {
					throw new PredictorDataException(name, line,
							"expected " + header.size() + " fields, found " + rec.size());
				}
				String layer = rec.get("layer");
				if (layer.isEmpty()) {
					throw new PredictorDataException(name, line, "column layer is empty");
				}
				Entry prev = out.get(layer);
				if (prev != null) {
					throw new PredictorDataException(name, line,
							"layer " + layer + " is listed twice (first on line " + prev.line() + ")");
				}
				double drop = opt(rec, "top1_drop", name, line, -5, 100);
				double bits = opt(rec, "bits", name, line, 1, 16);
				double tr = opt(rec, "hessian_trace", name, line, 0, Double.MAX_VALUE);
				if (Double.isNaN(drop) == Double.isNaN(tr)) {
					throw new PredictorDataException(name, line,
							"give either top1_drop (with bits) or hessian_trace for layer " + layer + ", not "
									+ (Double.isNaN(drop) ? "neither" : "both"));
				}
				if (!Double.isNaN(drop) && Double.isNaN(bits)) {
					throw new PredictorDataException(name, line,
							"column bits is empty: say at which bit-width top1_drop was measured");
				}
				out.put(layer, new Entry(layer, line, Double.isNaN(drop) ? Double.NaN : bits, drop, tr));
			}
		});
		return new LayerSensitivities(name, out.values());
	}

	/** A number in [lo, hi], NaN when the cell is empty or the column absent. */
	private static double opt(CSVRecord rec, String col, String file, long line, double lo, double hi) {
		return AccuracyPredictor.num(rec, col, Double.NaN, file, line, lo, hi);
	}

	/** Writes the table with {@link #COLUMNS} (numbers in Locale.ROOT, shortest exact form). */
	public void write(Writer w) throws IOException {
		try (CSVPrinter p = new CSVPrinter(w,
				CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').get())) {
			for (Entry e : entries.values()) {
				p.printRecord(e.layer(), num(e.bits()), num(e.top1Drop()), num(e.hessianTrace()));
			}
		}
	}

	private static String num(double v) {
		return Double.isNaN(v) ? "" : Double.toString(v);
	}

	/**
	 * Fails with file:line on the first listed layer that {@code layers} does not have (a misspelt name would
	 * otherwise be ignored silently).
	 */
	public void checkLayers(Set<String> layers) {
		for (Entry e : entries.values()) {
			if (!layers.contains(e.layer())) {
				throw new PredictorDataException(file, e.line(),
						"no layer " + e.layer() + " in the network (layers: "
								+ String.join(", ", layers.stream().limit(12).toList())
								+ (layers.size() > 12 ? ", ..." : "") + ")");
			}
		}
	}

	public Entry get(String layer) {
		return entries.get(layer);
	}

	public Collection<Entry> entries() {
		return entries.values();
	}

	public String file() {
		return file;
	}
}
