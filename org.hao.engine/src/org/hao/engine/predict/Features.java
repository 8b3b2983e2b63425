package org.hao.engine.predict;

/**
 * What the predictor knows of a network. The block-type features are indicators of what the network is (its family's
 * building block), computed by {@link AccuracyPredictor#featuresOf} from the expanded layers the same way whether the
 * network is written with MBConv ops or as a graph of plain ops (e.g. imported from ONNX); a table row states them for
 * its published network.
 *
 * @param macsM multiply-accumulates per frame in millions (after pruning)
 * @param paramsM parameters in millions (after pruning)
 * @param resolution input height in pixels
 * @param invertedResidual 1 when inverted-residual (MBConv) blocks carry at least half of the MACs, else 0
 *        ({@link AccuracyPredictor#BLOCK_SHARE})
 * @param squeezeExcite 1 when the network uses squeeze-excite, else 0
 * @param weightBits effective weight bit-width (table rows: the uniform width, or for a mixed-precision result the
 *        width b with 2^(-b/2) equal to the mean of 2^(-b_l/2) over its layers; float = 32)
 * @param actBits effective activation bit-width
 * @param quantNoise MAC-share-weighted mean over layers of (2^(-wbits/2) + 2^(-abits/2)) / 2
 * @param pruneRatio MAC-share-weighted mean block-pruning ratio, 0..1
 * @param denseConv 1 when dense (ungrouped) k x k convolutions with k > 1 carry at least
 *        {@link AccuracyPredictor#DENSE_CONV_SHARE} of the MACs (ResNets, VGG), else 0 (depthwise-separable networks)
 * @param channelShuffle 1 when the network shuffles channels (ShuffleNet's channel split and shuffle), else 0
 * @param swish 1 when the network uses swish-type activations (SiLU or hard-swish: EfficientNet, MobileNetV3), else 0
 */
public record Features(double macsM, double paramsM, double resolution, double invertedResidual, double squeezeExcite,
		double weightBits, double actBits, double quantNoise, double pruneRatio, double denseConv,
		double channelShuffle, double swish) {

	/** Features of a network without dense convolutions, channel shuffles or swish (a MobileNetV1/V2-type network). */
	public Features(double macsM, double paramsM, double resolution, double invertedResidual, double squeezeExcite,
			double weightBits, double actBits, double quantNoise, double pruneRatio) {
		this(macsM, paramsM, resolution, invertedResidual, squeezeExcite, weightBits, actBits, quantNoise, pruneRatio,
				0, 0, 0);
	}

	/** Quantisation noise term of one layer: 2^(-b/2) averaged over weights and activations. */
	public static double quantNoise(double weightBits, double actBits) {
		return 0.5 * (Math.pow(2, -weightBits / 2.0) + Math.pow(2, -actBits / 2.0));
	}

	/** Features of a uniformly quantised MobileNetV1/V2-type network (no dense convolutions, shuffle or swish). */
	public static Features uniform(double macsM, double paramsM, double resolution, double invertedResidual,
			double squeezeExcite, double weightBits, double actBits, double pruneRatio) {
		return uniform(macsM, paramsM, resolution, invertedResidual, squeezeExcite, 0, 0, 0, weightBits, actBits,
				pruneRatio);
	}

	/** Features of a uniformly quantised network. */
	public static Features uniform(double macsM, double paramsM, double resolution, double invertedResidual,
			double squeezeExcite, double denseConv, double channelShuffle, double swish, double weightBits,
			double actBits, double pruneRatio) {
		return new Features(macsM, paramsM, resolution, invertedResidual, squeezeExcite, weightBits, actBits,
				quantNoise(weightBits, actBits), pruneRatio, denseConv, channelShuffle, swish);
	}

	/**
	 * The regression's input vector (before standardisation); order matches {@link #NAMES}. The block-type indicators
	 * of dense convolutions and channel shuffle also scale ln MACs: ResNets gain about 1.7 points per doubling of
	 * MACs from 1.8 to 11.5 G, MobileNets 4-5 at their sizes, so one slope for all would misplace one family. Dense
	 * convolutions also scale ln params: ResNets have 11.7..60 M params, the depthwise-separable networks 0.47..7.4 M,
	 * and one params curve for both fell with params across the ResNets (docs/predictor.md, "Capacity").
	 */
	double[] vector() {
		double lm = Math.log(macsM);
		double lp = Math.log(paramsM);
		return new double[]{lm, lm * lm, lp, lp * lp, Math.log(resolution / 224.0), invertedResidual, squeezeExcite,
				quantNoise, pruneRatio, denseConv, channelShuffle, denseConv * lm, channelShuffle * lm, swish,
				denseConv * lp};
	}

	/**
	 * Derivative of {@link #vector()} along ln MACs at {@code lnMacs} for a network with the given dense-convolution
	 * and channel-shuffle indicators (the only features that move with MACs).
	 */
	static double[] dLnMacs(double lnMacs, double denseConv, double channelShuffle) {
		return new double[]{1, 2 * lnMacs, 0, 0, 0, 0, 0, 0, 0, 0, 0, denseConv, channelShuffle, 0, 0};
	}

	/** Derivative of {@link #vector()} along ln params at {@code lnParams}. */
	static double[] dLnParams(double lnParams, double denseConv) {
		return new double[]{0, 0, 1, 2 * lnParams, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, denseConv};
	}

	/** The block-type indicators that make a network's family (the float model's box is kept per family). */
	String family() {
		return (invertedResidual >= 0.5 ? "ir" : "") + (denseConv >= 0.5 ? "dense" : "")
				+ (channelShuffle >= 0.5 ? "shuffle" : "");
	}

	static final String[] NAMES = {"ln_macs", "ln_macs^2", "ln_params", "ln_params^2", "ln_resolution/224",
			"inverted_residual", "squeeze_excite", "quant_noise", "prune_ratio", "dense_conv", "channel_shuffle",
			"dense_conv*ln_macs", "channel_shuffle*ln_macs", "swish", "dense_conv*ln_params"};
}
