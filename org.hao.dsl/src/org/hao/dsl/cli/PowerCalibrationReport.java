package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.hao.dsl.cli.CalibrateCommand.Resolved;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.calibrate.PowerCalibration;
import org.hao.engine.calibrate.PowerCalibration.Estimate;
import org.hao.engine.calibrate.PowerCalibration.Figure;
import org.hao.engine.calibrate.WorkloadRates;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Device;
import org.hao.engine.model.PowerScope;

/**
 * {@code hao calibrate --power MEASUREMENTS.csv}: fits each device's power figures (cost-model.md section 6) to power
 * measured at the board's input, with {@link PowerCalibration}; prints per device which figures the rows determine
 * (with standard errors) and which keep the device's values, every row's measured, fitted and leave-one-out power, and
 * a {@code power { }} block to copy into the device.
 *
 * <p>CSV columns (header required): {@code id}, {@code model} (.hao file, relative to the CSV), {@code network} (a
 * network or search in it; empty or {@code -} for an idle row), {@code device}, {@code busy} (engines running frames
 * back to back during the measurement: DPU cores, 1 for a GPU or a dataflow design, 0 = idle), {@code measured_w}
 * (W, at the scope the device states), {@code source}.
 */
final class PowerCalibrationReport {
	static final String[] COLUMNS = {"id", "model", "network", "device", "busy", "measured_w", "source"};

	/**
	 * Largest power accepted for one board (W): an FPGA board or a phone draws tens of watts, a data-centre
	 * accelerator card a few hundred; a kilowatt figure is a unit slip (mW written as W).
	 */
	static final double MAX_BOARD_WATTS = 1000;

	private PowerCalibrationReport() {
	}

	/** One row with its device. */
	private record DeviceRow(Device device, PowerCalibration.Row row, String network) {
	}

	static ExitCode run(Path csv, PrintWriter out, PrintWriter err) {
		List<String> errors = new ArrayList<>();
		ModelMapper mapper = new ModelMapper();
		List<DeviceRow> rows = CalibrateCommand.readRows(csv, COLUMNS,
				(rec, base, models) -> row(rec, CalibrateCommand.resolve(rec, base, models, false), mapper), errors);
		if (!errors.isEmpty() || rows == null) {
			errors.forEach(err::println);
			return errors.isEmpty() ? ExitCode.USAGE : ExitCode.FAILED;
		}
		if (rows.isEmpty()) {
			err.println(csv + ": no measurement rows");
			return ExitCode.FAILED;
		}
		Map<String, List<DeviceRow>> byDevice = new LinkedHashMap<>();
		rows.forEach(r -> byDevice.computeIfAbsent(r.device().name(), k -> new ArrayList<>()).add(r));
		out.printf(Locale.ROOT,
				"power calibrated on %d rows of %s (least squares per device; model, in W: P = idle +"
						+ " busy x (engines + G MAC-8/s x mac x 1e-3 + MB/s x ddr x 1e-6), mac in pJ, ddr in pJ/B)%n",
				rows.size(), csv);
		byDevice.forEach((name, list) -> report(out, list));
		out.flush();
		return ExitCode.OK;
	}

	private static DeviceRow row(CSVRecord rec, Resolved r, ModelMapper mapper) {
		int busy;
		try {
			busy = Integer.parseInt(rec.get("busy"));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("busy '" + rec.get("busy") + "' is not a whole number of engines");
		}
		if (busy < 0) {
			throw new IllegalArgumentException("busy must be 0 (idle) or more engines, was " + busy);
		}
		if (busy > 0 && r.network() == null) {
			throw new IllegalArgumentException("a row with busy engines needs the network they run");
		}
		double watts = CalibrateCommand.number(rec, "measured_w");
		if (!(watts > 0) || Double.isInfinite(watts)) {
			throw new IllegalArgumentException(
					"measured_w must be a positive number of watts, was " + rec.get("measured_w"));
		}
		if (watts > MAX_BOARD_WATTS) {
			throw new IllegalArgumentException("measured_w " + rec.get("measured_w") + " W is more than a board draws"
					+ " (at most " + (int) MAX_BOARD_WATTS + " W accepted): the column is in watts, not milliwatts");
		}
		Device device = mapper.toDevice(r.device());
		if (busy == 0) {
			return new DeviceRow(device, new PowerCalibration.Row(rec.get("id"), watts, 0, 0, 0, rec.get("source")),
					"(idle)");
		}
		WorkloadRates w = WorkloadRates.of(device, NetworkExpander.expand(mapper.toNetwork(r.network(), null)), busy);
		return new DeviceRow(device, new PowerCalibration.Row(rec.get("id"), watts, busy, w.mac8PerSecond(),
				w.ddrBytesPerSecond(), rec.get("source")), r.network().getName());
	}

	private static void report(PrintWriter out, List<DeviceRow> list) {
		Device device = list.get(0).device();
		List<PowerCalibration.Row> rows = list.stream().map(DeviceRow::row).toList();
		PowerCalibration.Result fit = PowerCalibration.fit(rows, device.power());
		out.printf(Locale.ROOT, "%n%s (%s scope, %d row%s; condition number %s)%n", device.name(),
				device.power().scope().keyword(), rows.size(), rows.size() == 1 ? "" : "s",
				Double.isNaN(fit.conditionNumber()) ? "-" : String.format(Locale.ROOT, "%.1f", fit.conditionNumber()));
		for (Estimate e : fit.estimates()) {
			String value = String.format(Locale.ROOT, "%10.4f %-4s", e.value(), e.figure().unit());
			if (e.fitted()) {
				out.printf(Locale.ROOT, "  %-8s %s FITTED  +- %s%n", e.figure().keyword(), value,
						Double.isNaN(e.standardError()) ? "- (no row left to check it)"
								: String.format(Locale.ROOT, "%.4f", e.standardError()));
			} else {
				out.printf(Locale.ROOT, "  %-8s %s kept    (not determined by these rows: the device's figure)%n",
						e.figure().keyword(), value);
			}
		}
		out.printf(Locale.ROOT, "  %-22s %-16s %4s %12s %10s %9s %9s %8s %9s %8s%n", "id", "network", "busy",
				"G MAC-8/s", "MB/s", "measured", "fitted", "error", "LOO", "error");
		for (int i = 0; i < rows.size(); i++) {
			PowerCalibration.Row r = rows.get(i);
			double m = r.measuredWatts();
			double p = fit.predictedWatts()[i];
			double l = fit.leaveOneOutWatts()[i];
			out.printf(Locale.ROOT, "  %-22s %-16s %4d %12.1f %10.1f %9.3f %9.3f %+7.1f%% %9s %8s%n", r.id(),
					list.get(i).network(), r.busyEngines(), r.mac8PerSecond() / 1e9, r.ddrBytesPerSecond() / 1e6, m, p,
					100 * (p - m) / m, Double.isNaN(l) ? "-" : String.format(Locale.ROOT, "%.3f", l),
					Double.isNaN(l) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * (l - m) / m));
		}
		double idle = rows.stream().filter(r -> r.busyEngines() == 0).mapToDouble(PowerCalibration.Row::measuredWatts)
				.max().orElse(Double.NaN);
		for (PowerCalibration.Row r : rows) {
			if (r.busyEngines() > 0 && r.measuredWatts() < idle) {
				out.printf(Locale.ROOT,
						"  warning: %s draws %.3f W busy, less than the %.3f W measured idle: check the"
								+ " measurements (same input, same peripherals, same scope)%n",
						r.id(), r.measuredWatts(), idle);
			}
		}
		for (List<String> group : fit.merged()) {
			out.printf(Locale.ROOT,
					"  %s give the same power for different workloads: taken as one measurement of their"
							+ " average workload%n",
					String.join(", ", group));
		}
		if (!fit.fitted().contains(Figure.MAC) || !fit.fitted().contains(Figure.DDR)) {
			out.println("  to fit mac and ddr as well: measure a light, a compute-bound and a memory-bound network,"
					+ " each on its own row, on one and on more busy engines");
		}
		var p = fit.power();
		out.printf(Locale.ROOT, "  power { %sstatic %s W  engines %s W  mac %s pJ  ddr %s pJ/B }  // %s%n",
				p.scope() == PowerScope.UNSPECIFIED ? "" : "scope " + p.scope().keyword() + "  ", num(p.staticWatts()),
				num(p.enginesWatts()), num(p.picojoulesPerMac8()), num(p.picojoulesPerDdrByte()), fittedNote(fit));
	}

	private static String fittedNote(PowerCalibration.Result fit) {
		List<String> fitted = fit.fitted().stream().map(Figure::keyword).toList();
		return fitted.isEmpty() ? "nothing fitted: the rows determine no figure"
				: "FITTED by hao calibrate --power: " + String.join(", ", fitted);
	}

	private static String num(double v) {
		return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
	}
}
