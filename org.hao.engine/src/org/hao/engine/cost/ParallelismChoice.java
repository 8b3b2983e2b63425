package org.hao.engine.cost;

/**
 * Parallelism of one layer engine: {@code pa} input-channel lanes x {@code pe} output-channel lanes (depthwise, pool
 * and add engines use pa = 1 and pe channel lanes), and where its weights live: on chip for the whole frame, or
 * {@code streamWeights} = fetched from DDR tile by tile for every output row (few BRAM18K, more DDR traffic).
 */
public record ParallelismChoice(int pa, int pe, boolean streamWeights) {
	public ParallelismChoice {
		if (pa <= 0) {
			throw new IllegalArgumentException("pa must be positive, was " + pa);
		}
		if (pe <= 0) {
			throw new IllegalArgumentException("pe must be positive, was " + pe);
		}
	}

	/** Weights on chip. */
	public ParallelismChoice(int pa, int pe) {
		this(pa, pe, false);
	}

	/** The same lanes with weights streamed from DDR. */
	public ParallelismChoice streamed() {
		return new ParallelismChoice(pa, pe, true);
	}

	/** Parallel multiply lanes. */
	public int lanes() {
		return pa * pe;
	}

	@Override
	public String toString() {
		return pa + "x" + pe + (streamWeights ? " streamed" : "");
	}
}
