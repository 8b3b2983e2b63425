package org.hao.engine.predict;

import org.hao.engine.model.Quantization;

/**
 * One accuracy prediction.
 *
 * @param top1 predicted top-1 (percent)
 * @param low lower end of the interval (percent; coverage {@link DropModel#INTERVAL_LEVEL} on the tables' leave-one-out
 *        residuals)
 * @param high upper end of the interval (percent)
 * @param floatTop1 predicted ImageNet top-1 of the same architecture in float and dense (percent)
 * @param drop predicted top-1 drop of the quantization (points; float top-1 minus quantized, before the class mapping)
 * @param quantization the method the drop assumes
 * @param extrapolation null inside the tables' domain, else which bound is crossed and by how much
 * @param pruningDrop predicted top-1 drop of the pruning (points; 0 for a dense network); floatTop1 is the dense
 *        architecture's
 */
public record Prediction(double top1, double low, double high, double floatTop1, double drop, Quantization quantization,
		String extrapolation, double pruningDrop) {
}
