package org.hao.engine.results;

/**
 * How a point's accuracy was predicted.
 *
 * @param floatTop1 predicted float top-1 of the network (percent)
 * @param quantizationDrop predicted top-1 lost to quantization (points)
 * @param quantization the quantization method assumed (e.g. "QAT, first/last 8 bit, per-channel")
 * @param extrapolation why the prediction is outside the table's domain, or null
 * @param pruningDrop predicted top-1 lost to pruning (points; 0 for a dense network; format version 4, an older
 *        file reads with 0)
 */
public record PredictionInfo(double floatTop1, double quantizationDrop, String quantization, String extrapolation,
		double pruningDrop) {
}
