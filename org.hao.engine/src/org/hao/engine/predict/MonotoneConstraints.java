package org.hao.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The float model's monotonicity constraints: within a block type, a network with more MACs or more parameters is
 * never predicted less accurate (docs/predictor.md section 1). The model is a quadratic in ln MACs and in ln params
 * (no cross term), so its derivative along each is linear in that axis and is non-negative over an interval when it
 * is at both ends: one constraint row per end. Along ln MACs, per block type with at least two table rows, at the
 * smallest and largest MACs of its rows (the box its predictions use; outside it the model continues linearly with
 * the edge's slope, never negative); along ln params at the smallest and largest params of all rows (the params slope
 * is the same for every block type).
 */
final class MonotoneConstraints {
	private MonotoneConstraints() {
	}

	/**
	 * Constraint rows on the standardised coefficients (one column per used feature): row . beta is the model's
	 * derivative (top-1 points per unit of ln MACs or ln params) at one end of the domain.
	 *
	 * @param families the table's rows by {@link Features#family()}
	 * @param familyBox per family of at least two rows: {min, max} of {MACs, params, resolution}
	 * @param used which features vary (are columns of the design)
	 * @param scale each feature's standard deviation on the rows
	 */
	static double[][] rows(Map<String, List<AccuracyPredictor.Row>> families, Map<String, double[][]> familyBox,
			boolean[] used, double[] scale) {
		List<double[]> out = new ArrayList<>();
		familyBox.forEach((fam, box) -> {
			Features f = families.get(fam).get(0).features();
			for (int end = 0; end < 2; end++) {
				out.add(standardised(Features.dLnMacs(Math.log(box[end][0]), f.denseConv(), f.channelShuffle()), used,
						scale));
				out.add(standardised(Features.dLnParams(Math.log(box[end][1]), f.denseConv()), used, scale));
			}
		});
		return out.toArray(double[][]::new);
	}

	private static double[] standardised(double[] d, boolean[] used, double[] scale) {
		int p = 0;
		for (boolean u : used) {
			p += u ? 1 : 0;
		}
		double[] row = new double[p];
		int k = 0;
		for (int j = 0; j < d.length; j++) {
			if (used[j]) {
				row[k++] = d[j] / scale[j];
			}
		}
		return row;
	}
}
