package org.hao.engine.arch;

/**
 * What a real overlay loses against its peak, each a physical effect (cost-model.md, "Overlay"):
 *
 * @param layerOverheadCycles fixed cycles per layer: instruction fetch and decode, DMA descriptor set-up, pipeline
 *        fill and drain; paid however small the layer (>= 0)
 * @param ddrEfficiency achievable fraction of the device's DDR bandwidth for the accelerator's bursts, in (0, 1]
 * @param depthwiseEfficiency fraction of the depthwise engine's cycles that do useful work (line-buffer refills and
 *        channel-group switches stall it), in (0, 1]
 */
public record Overheads(double layerOverheadCycles, double ddrEfficiency, double depthwiseEfficiency) {
	/**
	 * The DPU figures fitted by {@code hao calibrate} on the Vitis AI model-zoo latencies of ZCU102 / ZCU104
	 * ({@code releng/fidelity/calibration.csv}); used for free overlays as well, where they are an ASSUMPTION (an
	 * HLS overlay has the same kinds of overhead, not necessarily the same amounts). Fit on MobileNetV1 / MobileNetV2 /
	 * ResNet-50, 10 rows: 7028 +- 416 cycles, 0.600 +- 0.035 (cost-model.md, section 8). The depthwise efficiency is not
	 * determined by those rows (their depthwise layers are DDR-bound): 0.5 is an ASSUMPTION.
	 */
	public static final Overheads DPU_FITTED = new Overheads(7028, 0.600, 0.5);

	public Overheads {
		if (!(layerOverheadCycles >= 0) || Double.isInfinite(layerOverheadCycles)) {
			throw new IllegalArgumentException("layer overhead must be >= 0 cycles, was " + layerOverheadCycles);
		}
		if (!(ddrEfficiency > 0 && ddrEfficiency <= 1)) {
			throw new IllegalArgumentException("DDR efficiency must be in (0, 1], was " + ddrEfficiency);
		}
		if (!(depthwiseEfficiency > 0 && depthwiseEfficiency <= 1)) {
			throw new IllegalArgumentException("depthwise efficiency must be in (0, 1], was " + depthwiseEfficiency);
		}
	}
}
