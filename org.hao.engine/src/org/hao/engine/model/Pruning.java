package org.hao.engine.model;

/**
 * Block-based pruning: the weight matrix (rows = output channels, cols = input channels x k x k) is cut into
 * blockRows x blockCols blocks and a fraction {@code ratio} of the blocks is removed.
 */
public record Pruning(int blockRows, int blockCols, double ratio) {
	public static final Pruning NONE = new Pruning(1, 1, 0.0);

	public Pruning {
		Checks.positive("blockRows", blockRows);
		Checks.positive("blockCols", blockCols);
		// ratio 1 would remove the layer entirely, which is a topology change, not pruning.
		if (!(ratio >= 0 && ratio < 1)) {
			throw new IllegalArgumentException("ratio must be in [0, 1), was " + ratio);
		}
	}

	public boolean isNone() {
		return ratio == 0;
	}

	/** Fraction of weights (and MACs) kept. */
	public double density() {
		return 1 - ratio;
	}

	@Override
	public String toString() {
		return isNone() ? "none" : blockRows + "x" + blockCols + "@" + ratio;
	}
}
