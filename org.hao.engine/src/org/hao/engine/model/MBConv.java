package org.hao.engine.model;

import java.util.List;

/**
 * Inverted-residual block (MobileNetV2): pointwise expand to round(in x expansion) channels (skipped for expansion
 * 1), depthwise k x k, optional squeeze-excite (hidden width {@code seRatio} of the {@code seReference} width, see
 * {@link SeReference}), pointwise project (no activation), residual add when shapes allow; repeated {@code repeat}
 * times, the first repetition carries the stride. {@code activation} is that of the expand and depthwise layers.
 */
public record MBConv(String name, double expansion, int kernel, int stride, int outChannels, boolean squeezeExcite,
		int repeat, double seRatio, SeReference seReference, Activation activation,
		List<String> inputs) implements OpSpec {
	/** Default squeeze-excite ratio of MnasNet, EfficientNet and MobileNetV3: 0.25. */
	public static final double SE_RATIO = 0.25;

	public MBConv {
		Checks.name("name", name);
		Checks.positive("expansion", expansion);
		Checks.positive("kernel", kernel);
		Checks.positive("stride", stride);
		Checks.positive("outChannels", outChannels);
		Checks.positive("repeat", repeat);
		Checks.positive("seRatio", seRatio);
		Checks.notNull("seReference", seReference);
		Checks.notNull("activation", activation);
		inputs = OpSpec.inputList(inputs);
		if (inputs.size() > 1) {
			throw new IllegalArgumentException("mbconv " + name + " reads one input");
		}
	}

	/** ReLU6, squeeze-excite (if any) at 0.25 of the block input, reading the previous op. */
	public MBConv(String name, int expansion, int kernel, int stride, int outChannels, boolean squeezeExcite,
			int repeat) {
		this(name, expansion, kernel, stride, outChannels, squeezeExcite, repeat, SE_RATIO, SeReference.BLOCK_INPUT,
				Activation.RELU6, List.of());
	}
}
