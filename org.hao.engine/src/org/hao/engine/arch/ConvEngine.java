package org.hao.engine.arch;

/**
 * The convolution engine of an overlay: {@code pp} output pixels (along a feature-map row) x {@code icp} input
 * channels x {@code ocp} output channels multiply-accumulated per cycle (the DPU's PP x ICP x OCP; peak ops per cycle
 * = 2 * pp * icp * ocp, Xilinx PG338). Convolutions, pointwise and fully connected layers run on it.
 */
public record ConvEngine(int pp, int icp, int ocp) {
	public ConvEngine {
		if (pp <= 0 || icp <= 0 || ocp <= 0) {
			throw new IllegalArgumentException(
					"conv engine PP x ICP x OCP must be positive, was " + pp + " x " + icp + " x " + ocp);
		}
	}

	/** Multipliers: pp * icp * ocp MACs per cycle. */
	public int lanes() {
		return pp * icp * ocp;
	}

	@Override
	public String toString() {
		return pp + "x" + icp + "x" + ocp;
	}
}
