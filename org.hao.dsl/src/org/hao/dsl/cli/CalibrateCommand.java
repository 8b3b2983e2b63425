package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.arch.Overheads;
import org.hao.engine.calibrate.OverlayCalibration;
import org.hao.engine.calibrate.OverlayCalibration.Row;
import org.hao.engine.model.Device;
import org.hao.engine.io.AtomicFiles;
import org.hao.engine.io.IoReason;
import org.hao.engine.model.PowerScope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hao calibrate MEASUREMENTS.csv [-o DEVICES.hao]}: fits a fixed overlay's three fitted figures (per-layer
 * overhead cycles, DDR efficiency, depthwise efficiency) to measured latencies, prints them with their standard
 * deviations, every row's measured vs predicted latency (with the fitted figures and leave-one-out), MAPE and
 * Spearman rank correlation, and writes the calibrated devices as a {@code .hao} file.
 *
 * <p>CSV columns (header required): {@code id}, {@code model} (.hao file, relative to the CSV), {@code network}
 * (a network or search name in it), {@code device} (visible from the model: its file, imports, standard library),
 * {@code measured_ms}, {@code source}. A bad row is reported as {@code file:line: error: ...} and nothing is fitted.
 * With {@code --power} the CSV holds measured board power instead ({@link PowerCalibrationReport}).
 */
@Command(name = "calibrate", description = "Fit an accelerator's overhead figures to measured latencies, or with --power"
		+ " a board's power figures to measured power (CSV).")
public class CalibrateCommand extends ConsoleCommand {
	static final String[] COLUMNS = {"id", "model", "network", "device", "measured_ms", "source"};

	@Parameters(index = "0", paramLabel = "MEASUREMENTS.csv", description = "measured latencies (CSV: id, model, network, device, measured_ms, source)")
	Path csv;

	@Option(names = {"-o", "--output"}, paramLabel = "DEVICES.hao", description = "write the calibrated devices here")
	Path output;

	@Option(names = "--power", description = "fit power figures (idle, engines, mac, ddr) to measured board power instead"
			+ " (CSV: id, model, network, device, busy, measured_w, source)")
	boolean power;

	/** The model files of the rows read so far (inputs that {@code -o} must not overwrite). */
	private final Map<Path, ValidatedFile> models = new LinkedHashMap<>();

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		HaoModelLoader.checkReadable(csv); // unreadable input: exit 2 (ConsoleCommand), not a row error
		if (power) {
			if (output != null) {
				err.println("hao: --power prints a power { } block per device to copy into its declaration; -o is for"
						+ " latency calibration");
				return ExitCode.USAGE.code();
			}
			return PowerCalibrationReport.run(csv, out, err).code();
		}
		List<String> errors = new ArrayList<>();
		List<Row> rows = read(errors);
		if (!errors.isEmpty() || rows == null) {
			errors.forEach(err::println);
			return (errors.isEmpty() ? ExitCode.USAGE : ExitCode.FAILED).code();
		}
		OutputFiles outputs = new OutputFiles().input(csv).output("-o", output);
		models.values().forEach(m -> outputs.inputs(m.files()));
		if (!outputs.writable(err)) {
			return ExitCode.USAGE.code();
		}
		if (rows.size() < 4) {
			err.println(csv + ": " + rows.size() + " rows; at least 4 are needed to fit 3 figures and check them");
			return ExitCode.FAILED.code();
		}
		OverlayCalibration.Fit fit = OverlayCalibration.fit(rows, Overheads.DPU_FITTED);
		double[] loo = OverlayCalibration.leaveOneOut(rows, Overheads.DPU_FITTED);
		double[] measured = rows.stream().mapToDouble(Row::measuredMs).toArray();
		Overheads o = fit.overheads();
		out.printf(Locale.ROOT, "calibrated on %d rows of %s (least squares on ln(predicted/measured), Commons Math"
				+ " Levenberg-Marquardt, %d iterations)%n", rows.size(), csv, fit.iterations());
		out.printf(Locale.ROOT, "  layer overhead   %10.1f cycles  +- %s%n", o.layerOverheadCycles(),
				sd(fit.sd()[0], "%.1f"));
		out.printf(Locale.ROOT, "  DDR efficiency   %10.4f         +- %s%n", o.ddrEfficiency(),
				sd(fit.sd()[1], "%.4f"));
		out.printf(Locale.ROOT, "  dw efficiency    %10.4f         +- %s%n", o.depthwiseEfficiency(),
				sd(fit.sd()[2], "%.4f"));
		out.println();
		out.printf(Locale.ROOT, "%-14s %-22s %-20s %9s %9s %7s %9s %7s%n", "id", "network", "device", "measured",
				"fitted", "ratio", "LOO", "ratio");
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			out.printf(Locale.ROOT, "%-14s %-22s %-20s %9.3f %9.3f %7.3f %9.3f %7.3f%n", r.id(), r.network().name(),
					r.device().name(), measured[i], fit.predictedMs()[i], fit.predictedMs()[i] / measured[i], loo[i],
					loo[i] / measured[i]);
		}
		out.println();
		out.printf(Locale.ROOT, "fitted:        MAPE %.1f %%, Spearman %.3f%n",
				OverlayCalibration.mape(fit.predictedMs(), measured),
				OverlayCalibration.spearman(fit.predictedMs(), measured));
		out.printf(Locale.ROOT, "leave-one-out: MAPE %.1f %%, Spearman %.3f%n", OverlayCalibration.mape(loo, measured),
				OverlayCalibration.spearman(loo, measured));
		Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			byDevice.computeIfAbsent(rows.get(i).device().name(), k -> new ArrayList<>()).add(i);
		}
		byDevice.forEach((d, idx) -> out.printf(Locale.ROOT, "rank order on %s (leave-one-out): %s%n", d,
				rankOrder(idx, loo, measured, rows) ? "right" : "WRONG"));
		out.flush();
		if (output != null) {
			try {
				AtomicFiles.write(output, deviceFile(rows, fit));
				out.println("wrote " + output);
			} catch (IOException e) {
				err.println("hao: cannot write " + output + ": " + IoReason.of(e));
				return ExitCode.USAGE.code();
			}
		}
		return ExitCode.OK.code();
	}

	private static String sd(double v, String fmt) {
		return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "not determined by these rows";
	}

	/** Whether every pair of rows on one device with different networks is ordered the same way. */
	static boolean rankOrder(List<Integer> idx, double[] predicted, double[] measured, List<Row> rows) {
		for (int a : idx) {
			for (int b : idx) {
				boolean distinct = !rows.get(a).network().name().equals(rows.get(b).network().name());
				if (distinct && measured[a] < measured[b] && !(predicted[a] < predicted[b])) {
					return false;
				}
			}
		}
		return true;
	}

	private List<Row> read(List<String> errors) {
		ModelMapper mapper = new ModelMapper();
		return readRows(csv, COLUMNS, (rec, base, m) -> row(rec, base, m, mapper), errors, models);
	}

	/** Turns one CSV record into a row; throws IllegalArgumentException with a message for a bad record. */
	interface RowReader<T> {
		T read(CSVRecord rec, Path base, Map<Path, ValidatedFile> models);
	}

	/**
	 * Reads a measurement CSV (header required, '#' comments): every record through {@code reader}, model paths
	 * relative to the CSV. Bad records add {@code file:line: error: ...} to {@code errors}; returns null when the
	 * file cannot be read or lacks a column.
	 */
	static <T> List<T> readRows(Path csv, String[] columns, RowReader<T> reader, List<String> errors) {
		return readRows(csv, columns, reader, errors, new LinkedHashMap<>());
	}

	/** {@link #readRows(Path, String[], RowReader, List)}, loading the model files into {@code models}. */
	static <T> List<T> readRows(Path csv, String[] columns, RowReader<T> reader, List<String> errors,
			Map<Path, ValidatedFile> models) {
		Path base = csv.toAbsolutePath().getParent();
		List<T> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
				.setIgnoreSurroundingSpaces(true).get();
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
			List<String> header = parser.getHeaderNames();
			if (header.size() == 1 && header.get(0).contains(";")) {
				errors.add(csv + ":1: error: the columns are separated by ';': write the file with commas (columns: "
						+ String.join(", ", columns) + ")");
				return null;
			}
			for (String c : columns) {
				if (!parser.getHeaderMap().containsKey(c)) {
					String other = header.stream().filter(h -> h.equalsIgnoreCase(c)).findFirst().orElse(null);
					errors.add(csv + ":1: error: missing column '" + c + "'"
							+ (other == null ? "" : " (found '" + other + "': column names are lower case)")
							+ " (columns: " + String.join(", ", columns) + ")");
				}
			}
			if (!errors.isEmpty()) {
				return null;
			}
			Map<String, Long> ids = new LinkedHashMap<>();
			for (CSVRecord rec : parser) {
				long line = rec.getParser().getCurrentLineNumber();
				String where = csv + ":" + line + ": error: ";
				try {
					if (!rec.isConsistent()) {
						throw new IllegalArgumentException("expected " + parser.getHeaderMap().size()
								+ " columns, found " + rec.size() + (rec.size() > parser.getHeaderMap().size()
										? " (a decimal comma? numbers take a point, e.g. 9.6)" : ""));
					}
					Long earlier = ids.putIfAbsent(rec.get("id"), line);
					if (earlier != null) {
						throw new IllegalArgumentException("id '" + rec.get("id") + "' is also on line " + earlier);
					}
					rows.add(reader.read(rec, base, models));
				} catch (IllegalArgumentException e) {
					errors.add(where + e.getMessage());
				}
			}
		} catch (IOException | java.io.UncheckedIOException e) {
			errors.add(csv + ":1: error: cannot read: " + IoReason.of(e));
			return null;
		}
		return rows;
	}

	private static Row row(CSVRecord rec, Path base, Map<Path, ValidatedFile> models, ModelMapper mapper) {
		Resolved r = resolve(rec, base, models, true);
		double ms = number(rec, "measured_ms");
		return new Row(rec.get("id"), mapper.toNetwork(r.network(), null), mapper.toDevice(r.device()), ms,
				rec.get("source"));
	}

	/** A row's network (null when not required and the cell is empty or "-") and device, as the model file sees them. */
	record Resolved(Network network, DeviceDecl device) {
	}

	/**
	 * Resolves a row's {@code model}, {@code network} and {@code device} cells.
	 *
	 * @throws IllegalArgumentException naming what is missing
	 */
	static Resolved resolve(CSVRecord rec, Path base, Map<Path, ValidatedFile> models, boolean networkRequired) {
		Path model = base.resolve(rec.get("model")).normalize();
		if (!Files.exists(model)) { // a directory or an unreadable file: "cannot read FILE: REASON" below
			throw new IllegalArgumentException("model file " + rec.get("model") + " not found (relative to the CSV)");
		}
		ValidatedFile hao = models.computeIfAbsent(model, m -> {
			try {
				return ValidatedFile.load(m, new PrintWriter(java.io.Writer.nullWriter()));
			} catch (HaoModelLoader.LoadException e) {
				throw new IllegalArgumentException(e.getMessage());
			}
		});
		if (hao == null) {
			throw new IllegalArgumentException("model file " + rec.get("model") + " has errors; run hao check on it");
		}
		String name = rec.get("network");
		Network network = null;
		if (networkRequired || !(name.isEmpty() || name.equals("-"))) {
			for (var e : hao.model.getElements()) {
				if (e instanceof Network n && n.getName().equals(name)) {
					network = n;
				} else if (e instanceof Search s && s.getName().equals(name)) {
					network = ModelMapper.networkOf(s);
				}
			}
			if (network == null) {
				throw new IllegalArgumentException("no network or search named '" + name + "' in " + rec.get("model"));
			}
		}
		DeviceDecl device = hao.device(hao.model, rec.get("device"));
		if (device == null) {
			throw new IllegalArgumentException(
					"no device named '" + rec.get("device") + "' visible from " + rec.get("model"));
		}
		return new Resolved(network, device);
	}

	/** A number cell. */
	static double number(CSVRecord rec, String column) {
		try {
			return Double.parseDouble(rec.get(column));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(column + " '" + rec.get(column) + "' is not a number");
		}
	}

	/** The calibrated devices as `.hao` text: every figure written out, the fitted ones marked. */
	static String deviceFile(List<Row> rows, OverlayCalibration.Fit fit) {
		StringBuilder b = new StringBuilder();
		b.append("// Written by hao calibrate on ").append(LocalDate.now(java.time.ZoneId.systemDefault()))
				.append(" from ").append(rows.size())
				.append(" measured latencies.\n// Figures marked CALIBRATED were fitted; the others are copied from the devices measured.\n");
		Map<String, Device> devices = new LinkedHashMap<>();
		rows.forEach(r -> devices.putIfAbsent(r.device().name(), r.device()));
		Overheads o = fit.overheads();
		for (Device d : devices.values()) {
			var f = d.fpga();
			var ov = d.architecture().overlay();
			b.append(String.format(Locale.ROOT,
					"%ndevice %s fpga {%n\tdsp %d bram18k %d lut %d ff %d%n\tclock %s MHz bandwidth %s GB/s cap %s%n",
					d.name(), f.dsp(), f.bram18k(), f.lut(), f.ff(), num(f.clockMhz()), num(f.ddrGBps()),
					num(f.utilizationCap())));
			b.append("\tpacking { ");
			b.append(String.join(", ",
					f.macsPerDspByBits().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
			b.append(" }\n");
			var p = d.power();
			b.append(String.format(Locale.ROOT, "\tpower { %sstatic %s W engines %s W mac %s pJ ddr %s pJ/B }%n",
					p.scope() == PowerScope.UNSPECIFIED ? "" : "scope " + p.scope().keyword() + " ",
					num(p.staticWatts()), num(p.enginesWatts()), num(p.picojoulesPerMac8()),
					num(p.picojoulesPerDdrByte())));
			b.append("\taccelerator overlay").append(ov.name() == null ? "" : " \"" + ov.name() + "\"").append(" {\n");
			b.append(String.format(Locale.ROOT, "\t\tconv %d x %d x %d%n\t\tdepthwise %d x %d%n", ov.conv().pp(),
					ov.conv().icp(), ov.conv().ocp(), ov.depthwise().pp(), ov.depthwise().cp()));
			if (ov.clockMhz() != null) {
				b.append("\t\tclock ").append(num(ov.clockMhz())).append(" MHz\n");
			}
			b.append("\t\tcores ").append(ov.cores()).append('\n');
			b.append("\t\tbuffer ").append(ov.featureBufferKiB()).append(" KiB\n");
			b.append(String.format(Locale.ROOT,
					"\t\toverhead %s cycles  // CALIBRATED%n\t\tddr-efficiency %s  // CALIBRATED%n"
							+ "\t\tdw-efficiency %s  // CALIBRATED%n",
					num(o.layerOverheadCycles()), num(o.ddrEfficiency()), num(o.depthwiseEfficiency())));
			if (ov.fixedResources() != null) {
				b.append(String.format(Locale.ROOT, "\t\tresources { dsp %d bram18k %d lut %d }%n",
						ov.fixedResources().dsp(), ov.fixedResources().bram18k(), ov.fixedResources().lut()));
			}
			b.append("\t}\n}\n");
		}
		return b.toString();
	}

	private static String num(double v) {
		return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
	}
}
