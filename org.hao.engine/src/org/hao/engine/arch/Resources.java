package org.hao.engine.arch;

/** FPGA resources of one part of an accelerator (or of all of it). */
public record Resources(int dsp, int bram18k, int lut) {
	public static final Resources NONE = new Resources(0, 0, 0);

	public Resources {
		if (dsp < 0 || bram18k < 0 || lut < 0) {
			throw new IllegalArgumentException("resources must be >= 0");
		}
	}

	public Resources plus(Resources o) {
		return new Resources(Math.addExact(dsp, o.dsp), Math.addExact(bram18k, o.bram18k), Math.addExact(lut, o.lut));
	}

	public Resources times(int n) {
		return new Resources(Math.multiplyExact(dsp, n), Math.multiplyExact(bram18k, n), Math.multiplyExact(lut, n));
	}
}
