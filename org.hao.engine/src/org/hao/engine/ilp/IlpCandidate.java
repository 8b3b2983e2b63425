package org.hao.engine.ilp;

/**
 * One parallelism option of one layer as the ILP sees it: precomputed latency and resource coefficients.
 *
 * @param latencyMs latency of the layer with this option (milliseconds)
 * @param dsp DSP48 slices
 * @param bram18k BRAM18K blocks
 * @param lut LUTs
 */
public record IlpCandidate(double latencyMs, int dsp, int bram18k, int lut) {
    public IlpCandidate {
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("candidate latency must be a finite number >= 0, got " + latencyMs);
        }
        if (dsp < 0 || bram18k < 0 || lut < 0) {
            throw new IllegalArgumentException("candidate resources must be >= 0, got dsp=" + dsp + " bram18k=" + bram18k
                    + " lut=" + lut);
        }
    }
}
