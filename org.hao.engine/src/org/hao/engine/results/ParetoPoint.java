package org.hao.engine.results;

import java.util.Locale;

import org.hao.engine.results.PointConfig;

/**
 * One network configuration on the accuracy-latency frontier (a record of the results model, see
 * {@link org.hao.engine.results.ResultsJson}).
 *
 * @param accuracy predicted ImageNet top-1 (percent)
 * @param accuracyLow lower end of the prediction interval (percent; see DropModel.INTERVAL_LEVEL)
 * @param accuracyHigh upper end of the prediction interval (percent)
 * @param latencyMs latency per frame (ms)
 * @param fps frames per second (1000 / latencyMs; dataflow: the pipeline's throughput)
 * @param dsp DSP the accelerator needs
 * @param bram18k BRAM18K needed
 * @param lut LUT needed
 * @param energyMj energy per frame (mJ)
 * @param framesPerJoule 1000 / energyMj; NaN when the device has no power figures (energy 0), JSON null
 * @param averageWatts average power while frames run back to back (W): energyMj x fps / 1000 (format 2, issue 16)
 * @param config what to build and train: accelerator, subgraph choices, layers, prediction
 */
public record ParetoPoint(double accuracy, double accuracyLow, double accuracyHigh, double latencyMs, double fps,
		int dsp, int bram18k, int lut, double energyMj, double framesPerJoule, double averageWatts,
		PointConfig config) {

	/** A point whose interval is the accuracy itself and whose frames per joule and power follow from the energy. */
	public ParetoPoint(double accuracy, double latencyMs, double fps, int dsp, int bram18k, int lut, double energyMj,
			PointConfig config) {
		this(accuracy, accuracy, accuracy, latencyMs, fps, dsp, bram18k, lut, energyMj, framesPerJoule(energyMj),
				averageWatts(energyMj, fps), config);
	}

	/** Average power (W) of {@code energyMj} per frame at {@code fps} frames per second: mJ x 1/s / 1000. */
	public static double averageWatts(double energyMj, double fps) {
		return energyMj * fps / 1000.0;
	}

	/**
	 * Frames per joule of an energy per frame (mJ); NaN (not known) for 0, the energy of a device without power
	 * figures.
	 */
	public static double framesPerJoule(double energyMj) {
		return energyMj > 0 ? 1000.0 / energyMj : Double.NaN;
	}

	/** Frames per joule with one decimal, or "-" when the device has no power figures. */
	public String framesPerJouleText() {
		return Double.isFinite(framesPerJoule) ? String.format(Locale.ROOT, "%.1f", framesPerJoule) : "-";
	}

	/** True when this point is at least as good in both objectives and better in one. */
	public boolean dominates(ParetoPoint o) {
		return accuracy >= o.accuracy && latencyMs <= o.latencyMs && (accuracy > o.accuracy || latencyMs < o.latencyMs);
	}
}
