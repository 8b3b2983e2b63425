package org.hao.engine.cost;

/**
 * Parallelism of one layer engine: {@code pa} input-channel lanes x {@code pe} output-channel lanes (depthwise, pool
 * and add engines use pa = 1 and pe channel lanes).
 */
public record ParallelismChoice(int pa, int pe) {
    public ParallelismChoice {
        if (pa <= 0) {
            throw new IllegalArgumentException("pa must be positive, was " + pa);
        }
        if (pe <= 0) {
            throw new IllegalArgumentException("pe must be positive, was " + pe);
        }
    }

    /** Parallel multiply lanes. */
    public int lanes() {
        return pa * pe;
    }

    @Override
    public String toString() {
        return pa + "x" + pe;
    }
}
