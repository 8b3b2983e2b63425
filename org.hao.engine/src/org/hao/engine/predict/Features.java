package org.hao.engine.predict;

/**
 * What the predictor knows of a network.
 *
 * @param macsM multiply-accumulates per frame in millions (after pruning)
 * @param paramsM parameters in millions (after pruning)
 * @param resolution input height in pixels
 * @param invertedResidual share of the MACs in inverted-residual (MBConv) blocks, 0..1 (table rows: 0 or 1)
 * @param squeezeExcite 1 when the network uses squeeze-excite, else 0
 * @param weightBits effective weight bit-width (table rows: the uniform width, or for a mixed-precision result the
 *        width b with 2^(-b/2) equal to the mean of 2^(-b_l/2) over its layers; float = 32)
 * @param actBits effective activation bit-width
 * @param quantNoise MAC-share-weighted mean over layers of (2^(-wbits/2) + 2^(-abits/2)) / 2
 * @param pruneRatio MAC-share-weighted mean block-pruning ratio, 0..1
 */
public record Features(double macsM, double paramsM, double resolution, double invertedResidual, double squeezeExcite,
		double weightBits, double actBits, double quantNoise, double pruneRatio) {

	/** Quantisation noise term of one layer: 2^(-b/2) averaged over weights and activations. */
	public static double quantNoise(double weightBits, double actBits) {
		return 0.5 * (Math.pow(2, -weightBits / 2.0) + Math.pow(2, -actBits / 2.0));
	}

	/** Features of a uniformly quantised network. */
	public static Features uniform(double macsM, double paramsM, double resolution, double invertedResidual,
			double squeezeExcite, double weightBits, double actBits, double pruneRatio) {
		return new Features(macsM, paramsM, resolution, invertedResidual, squeezeExcite, weightBits, actBits,
				quantNoise(weightBits, actBits), pruneRatio);
	}

	/** The regression's input vector (before standardisation); order matches {@link #NAMES}. */
	double[] vector() {
		double lm = Math.log(macsM);
		double lp = Math.log(paramsM);
		return new double[]{lm, lm * lm, lp, lp * lp, Math.log(resolution / 224.0), invertedResidual, squeezeExcite,
				quantNoise, pruneRatio};
	}

	static final String[] NAMES = {"ln_macs", "ln_macs^2", "ln_params", "ln_params^2", "ln_resolution/224",
			"inverted_residual", "squeeze_excite", "quant_noise", "prune_ratio"};
}
