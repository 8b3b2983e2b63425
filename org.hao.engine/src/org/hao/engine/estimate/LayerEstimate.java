package org.hao.engine.estimate;

/**
 * Base-configuration estimate of one layer at the subgraph ILP's optimal parallelism.
 *
 * @param pa input-channel lanes (0 on a GPU)
 * @param pe output-channel lanes (0 on a GPU)
 */
public record LayerEstimate(String layer, String sourceOp, String subgraph, double latencyMs, int dsp, int bram18k, int lut,
        int pa, int pe, long macs, double energyMj) {
}
