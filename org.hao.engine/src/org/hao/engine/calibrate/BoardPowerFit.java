package org.hao.engine.calibrate;

import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.hao.engine.model.PowerModel;

/**
 * Fits a board's running-power figures (cost-model.md, section 6) to published measurements of the power at its input
 * while it runs a known workload, and predicts that power from the figures. The board model is
 *
 * <pre>
 * P = staticW + busyEngines x (enginesW + dynamicW)                                   (W)
 * dynamicW = MAC/s x pJperMac8 x bits/8 x 1e-12 + DDR bytes/s x pJperDdrByte x 1e-12  (per busy engine)
 * </pre>
 *
 * where a busy engine is one accelerator core (or the GPU) running frames back to back, and {@code dynamicW} is what
 * the per-MAC and per-byte figures predict for that engine's workload. Those two figures are not fitted here: one
 * measured power per workload cannot separate them from the engine power, so the fit takes them as given (stated
 * assumptions) and fits the part of the running power that does not scale with work.
 * <p>
 * Two fits: {@link #fitEngines} (idle power known, engine power fitted: one parameter, closed-form least squares) and
 * {@link #fitIdleAndEngines} (idle and engine power fitted together by straight-line least squares, Commons Math
 * {@link SimpleRegression}, from rows with different numbers of busy engines, e.g. an idle row and loaded rows).
 */
public final class BoardPowerFit {
	private BoardPowerFit() {
	}

	/**
	 * One published power measurement.
	 *
	 * @param id            row name, e.g. "KV260-MNV2"
	 * @param measuredWatts power measured at the board's input (W), &gt; 0
	 * @param busyEngines   engines (cores) running frames back to back during the measurement; 0 = idle
	 * @param dynamicWatts  the model's per-MAC plus per-byte power of one busy engine's workload (W), &gt;= 0
	 * @param source        where the measured figure is published
	 */
	public record Measurement(String id, double measuredWatts, int busyEngines, double dynamicWatts, String source) {
		public Measurement {
			if (!(measuredWatts > 0)) {
				throw new IllegalArgumentException(
						"row " + id + ": measured power must be positive, was " + measuredWatts);
			}
			if (busyEngines < 0) {
				throw new IllegalArgumentException("row " + id + ": busy engines must be >= 0, was " + busyEngines);
			}
			if (!(dynamicWatts >= 0)) {
				throw new IllegalArgumentException("row " + id + ": dynamic power must be >= 0 W, was " + dynamicWatts);
			}
		}
	}

	/**
	 * A fit's figures and how well they reproduce the rows.
	 *
	 * @param staticWatts    idle power (W): given, or fitted when {@code staticFitted}
	 * @param enginesWatts   fitted engine power per busy engine (W); may come out negative when the rows say the
	 *                       per-MAC and per-byte figures alone already exceed the measured power
	 * @param staticFitted   whether {@code staticWatts} was fitted
	 * @param predictedWatts per row, with the fitted figures
	 * @param residualWatts  per row, measured minus predicted
	 */
	public record Fit(double staticWatts, double enginesWatts, boolean staticFitted, double[] predictedWatts,
			double[] residualWatts) {
		/** Root mean square of the residuals (W). */
		public double rmsWatts() {
			double s = 0;
			for (double r : residualWatts) {
				s += r * r;
			}
			return residualWatts.length == 0 ? 0 : Math.sqrt(s / residualWatts.length);
		}

		/** Largest |residual| / measured over the rows (a fraction). */
		public double maxRelativeError(List<Measurement> rows) {
			double m = 0;
			for (int i = 0; i < rows.size(); i++) {
				m = Math.max(m, Math.abs(residualWatts[i]) / rows.get(i).measuredWatts());
			}
			return m;
		}
	}

	/**
	 * Per-MAC plus per-byte power of a workload (W): {@code macsPerSecond} MACs at {@code bits} (the widest operand)
	 * and {@code ddrBytesPerSecond} DDR bytes, at the power model's pJ figures.
	 */
	public static double dynamicWatts(PowerModel power, double macsPerSecond, int bits, double ddrBytesPerSecond) {
		return (macsPerSecond * power.picojoulesPerMac8() * bits / 8.0
				+ ddrBytesPerSecond * power.picojoulesPerDdrByte()) * 1e-12;
	}

	/**
	 * Per-MAC plus per-byte power of one engine running frames back to back (W): the frame's dynamic energy (mJ)
	 * over the frame interval (ms). {@code frameIntervalMs} must be positive.
	 */
	public static double dynamicWatts(double dynamicMjPerFrame, double frameIntervalMs) {
		if (!(frameIntervalMs > 0)) {
			throw new IllegalArgumentException("frame interval must be positive, was " + frameIntervalMs);
		}
		return dynamicMjPerFrame / frameIntervalMs;
	}

	/** The board power the figures predict for a row (W). */
	public static double predictedWatts(double staticWatts, double enginesWatts, Measurement m) {
		return staticWatts + m.busyEngines() * (enginesWatts + m.dynamicWatts());
	}

	/** The board power a power model predicts for a row (W): its idle and engine power with the row's dynamic power. */
	public static double predictedWatts(PowerModel power, Measurement m) {
		return predictedWatts(power.staticWatts(), power.enginesWatts(), m);
	}

	/**
	 * Engine power by least squares with the idle power known: minimises sum (measured - predicted)^2 over the rows,
	 * i.e. enginesW = sum n_i y_i / sum n_i^2 with y_i = measured_i - staticW - n_i dynamicW_i and n_i busy engines.
	 *
	 * @throws IllegalArgumentException without a row with a busy engine
	 */
	public static Fit fitEngines(double staticWatts, List<Measurement> rows) {
		double sxy = 0, sxx = 0;
		for (Measurement m : rows) {
			double y = m.measuredWatts() - staticWatts - m.busyEngines() * m.dynamicWatts();
			sxy += m.busyEngines() * y;
			sxx += (double) m.busyEngines() * m.busyEngines();
		}
		if (sxx == 0) {
			throw new IllegalArgumentException("no row with a busy engine: the engine power is not determined");
		}
		return fit(staticWatts, sxy / sxx, false, rows);
	}

	/**
	 * Idle and engine power together by straight-line least squares of y_i = measured_i - n_i dynamicW_i on n_i
	 * (intercept = idle power, slope = engine power per busy engine).
	 *
	 * @throws IllegalArgumentException unless the rows have at least two different numbers of busy engines
	 */
	public static Fit fitIdleAndEngines(List<Measurement> rows) {
		if (rows.stream().mapToInt(Measurement::busyEngines).distinct().count() < 2) {
			throw new IllegalArgumentException(
					"idle and engine power need rows with at least two different numbers of busy engines");
		}
		SimpleRegression r = new SimpleRegression(true);
		for (Measurement m : rows) {
			r.addData(m.busyEngines(), m.measuredWatts() - m.busyEngines() * m.dynamicWatts());
		}
		return fit(r.getIntercept(), r.getSlope(), true, rows);
	}

	private static Fit fit(double staticWatts, double enginesWatts, boolean staticFitted, List<Measurement> rows) {
		double[] pred = new double[rows.size()];
		double[] res = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			pred[i] = predictedWatts(staticWatts, enginesWatts, rows.get(i));
			res[i] = rows.get(i).measuredWatts() - pred[i];
		}
		return new Fit(staticWatts, enginesWatts, staticFitted, pred, res);
	}
}
