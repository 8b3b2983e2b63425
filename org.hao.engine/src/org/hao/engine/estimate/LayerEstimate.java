package org.hao.engine.estimate;

/**
 * Base-configuration estimate of one layer at the subgraph ILP's optimal parallelism.
 *
 * @param pa input-channel lanes (0 on a GPU)
 * @param pe output-channel lanes (0 on a GPU)
 * @param streamedWeights the layer fetches its weights from DDR per output row instead of holding them on chip
 */
public record LayerEstimate(String layer, String sourceOp, String subgraph, double latencyMs, int dsp, int bram18k, int lut,
        int pa, int pe, boolean streamedWeights, long macs, double energyMj) {
}
