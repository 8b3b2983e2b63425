package org.hao.engine.arch;

/**
 * Resources of one core of a fixed (vendor) accelerator as its documentation reports them, used instead of the
 * engine-size formulas (e.g. DPUCZDX8G B1600: 202 DSP, 123 BRAM36 = 246 BRAM18K, 33,130 LUT; Xilinx PG338 v1.2
 * Table 9, low DSP usage).
 */
public record FixedResources(int dsp, int bram18k, int lut) {
	public FixedResources {
		if (dsp < 0 || bram18k < 0 || lut < 0) {
			throw new IllegalArgumentException("fixed accelerator resources must be >= 0");
		}
	}
}
