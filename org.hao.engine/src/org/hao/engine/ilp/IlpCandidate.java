package org.hao.engine.ilp;

/**
 * One parallelism option of one layer as the ILP sees it: precomputed latency and resource coefficients.
 *
 * @param latencyMs latency of the layer with this option (milliseconds)
 * @param dsp DSP48 slices
 * @param bram18k BRAM18K blocks
 * @param lut LUTs
 * @param ddrMs time this option's DDR traffic takes at the full bandwidth (ms); in a MIN_MAX (pipelined) problem the
 *        stages share the bandwidth, so T is also bounded by the sum of these over the layers
 */
public record IlpCandidate(double latencyMs, int dsp, int bram18k, int lut, double ddrMs) {

    /** Without DDR traffic (or for problems that do not share bandwidth). */
    public IlpCandidate(double latencyMs, int dsp, int bram18k, int lut) {
        this(latencyMs, dsp, bram18k, lut, 0);
    }

    public IlpCandidate {
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException("candidate latency must be a finite number >= 0, got " + latencyMs);
        }
        if (!(ddrMs >= 0) || Double.isInfinite(ddrMs)) {
            throw new IllegalArgumentException("candidate DDR time must be a finite number >= 0, got " + ddrMs);
        }
        if (dsp < 0 || bram18k < 0 || lut < 0) {
            throw new IllegalArgumentException("candidate resources must be >= 0, got dsp=" + dsp + " bram18k=" + bram18k
                    + " lut=" + lut);
        }
    }
}
