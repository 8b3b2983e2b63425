package org.hao.dsl.mapping;

import org.hao.engine.model.Activation;

/** Values used when an optional attribute is omitted; documented in docs/language.md. */
public final class HaoDefaults {

	public static final int STRIDE = 1;
	public static final int REPEAT = 1;
	/** Activation of conv, depthwise and pointwise ops without {@code act}. */
	public static final Activation CONV_ACTIVATION = Activation.RELU;
	/** Activation of an mbconv's expand and depthwise layers without {@code act} (MobileNetV2). */
	public static final Activation MBCONV_ACTIVATION = Activation.RELU6;
	public static final double UTILIZATION_CAP = 0.85;
	/** Conservative: no speed-up from pruned MACs unless the device says so. */
	public static final double GPU_PRUNING_EFFICIENCY = 0.0;
	/** No per-layer kernel launch cost unless the device says so. */
	public static final double GPU_LAUNCH_OVERHEAD_US = 0.0;
	public static final long SEED = 0;
	public static final double TIME_LIMIT_SECONDS = 60;

	private HaoDefaults() {
	}
}
