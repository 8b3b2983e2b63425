package org.hao.engine.model;

/** Weight and activation bit-widths of a layer or subgraph (1..32 bits each). */
public record BitWidths(int weightBits, int activationBits) {
	public static final BitWidths INT8 = new BitWidths(8, 8);

	public BitWidths {
		if (weightBits < 1 || weightBits > 32) {
			throw new IllegalArgumentException("weightBits must be in 1..32, was " + weightBits);
		}
		if (activationBits < 1 || activationBits > 32) {
			throw new IllegalArgumentException("activationBits must be in 1..32, was " + activationBits);
		}
	}

	/** The wider of the two operands: it decides how many MACs fit into one DSP slice. */
	public int maxBits() {
		return Math.max(weightBits, activationBits);
	}

	@Override
	public String toString() {
		return "W" + weightBits + "A" + activationBits;
	}
}
