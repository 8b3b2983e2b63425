package org.hao.engine.estimate;

/**
 * Base-configuration estimate of one layer.
 *
 * @param kind layer kind (CONV, DEPTHWISE, ...)
 * @param inputShape input tensor C x H x W
 * @param outputShape output tensor C x H x W
 * @param weights weights after pruning
 * @param engine what runs the layer: "conv" / "depthwise" (overlay), "PAxPE" lanes (dataflow, per-subgraph), "gpu"
 * @param pa input-channel lanes of the layer's own engine (0 on an overlay or a GPU)
 * @param pe output-channel lanes of the layer's own engine (0 on an overlay or a GPU)
 * @param streamedWeights the layer fetches its weights from DDR per output row instead of holding them on chip
 */
public record LayerEstimate(String layer, String sourceOp, String subgraph, double latencyMs, int dsp, int bram18k,
		int lut, int pa, int pe, boolean streamedWeights, long macs, double energyMj, String kind, String inputShape,
		String outputShape, long weights, String engine) {
}
