package org.hao.engine.ilp;

/**
 * One parallelism option of one layer as the ILP sees it: precomputed latency and resource coefficients.
 *
 * @param latencyMs latency of the layer with this option (milliseconds)
 * @param dsp DSP48 slices
 * @param bram18k BRAM18K blocks
 * @param lut LUTs
 * @param ddrMs MIN_MAX (pipelined) only: time this option's DDR traffic takes at the full bandwidth (ms); the stages
 *        share the bandwidth, so the subgraph takes at least the sum of these over the layers
 * @param fillMs MIN_MAX (pipelined) only: time this option adds before the pipeline runs at the pace of its slowest
 *        stage (ms; the stage's fill share of its latency)
 */
public record IlpCandidate(double latencyMs, int dsp, int bram18k, int lut, double ddrMs, double fillMs) {

	/** A layer's option without pipeline terms (sequential subgraphs, or problems that ignore them). */
	public IlpCandidate(double latencyMs, int dsp, int bram18k, int lut) {
		this(latencyMs, dsp, bram18k, lut, 0, 0);
	}

	public IlpCandidate {
		if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
			throw new IllegalArgumentException("candidate latency must be a finite number >= 0, got " + latencyMs);
		}
		if (!(ddrMs >= 0) || Double.isInfinite(ddrMs) || !(fillMs >= 0) || Double.isInfinite(fillMs)) {
			throw new IllegalArgumentException(
					"candidate DDR and fill times must be finite numbers >= 0, got " + ddrMs + " and " + fillMs);
		}
		if (dsp < 0 || bram18k < 0 || lut < 0) {
			throw new IllegalArgumentException(
					"candidate resources must be >= 0, got dsp=" + dsp + " bram18k=" + bram18k + " lut=" + lut);
		}
	}
}
