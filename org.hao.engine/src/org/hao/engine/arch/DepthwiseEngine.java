package org.hao.engine.arch;

/**
 * The depthwise engine of an overlay: {@code pp} output pixels x {@code cp} channels per cycle, one kernel tap each
 * (a k x k depthwise layer takes k*k cycles per pixel group and channel group).
 */
public record DepthwiseEngine(int pp, int cp) {
	public DepthwiseEngine {
		if (pp <= 0 || cp <= 0) {
			throw new IllegalArgumentException("depthwise engine PP x CP must be positive, was " + pp + " x " + cp);
		}
	}

	/** Multipliers: pp * cp MACs per cycle. */
	public int lanes() {
		return pp * cp;
	}

	@Override
	public String toString() {
		return pp + "x" + cp;
	}
}
