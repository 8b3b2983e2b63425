package org.hao.engine.results;

import java.util.List;

/**
 * One expanded layer of a point: shape, placement and cost. Fields that do not apply are null.
 *
 * @param in input shape "CxHxW"
 * @param out output shape "CxHxW"
 * @param inputs the layers it reads (graph networks), null for a chain
 * @param groups convolution groups, null when 1
 * @param activation activation (relu, relu6, hswish, ...), null when none
 * @param pa input-channel lanes (per-subgraph / dataflow engines), null on an overlay
 * @param pe output-channel lanes, null on an overlay
 * @param weights "streamed" or "on_chip" (per-layer engines), null otherwise
 * @param engine "conv" or "depthwise" (overlay), null otherwise
 * @param latencyMs layer latency (ms)
 * @param ddrBytes DDR traffic (bytes per frame)
 * @param weightBufferBytes pruned weights x weight bits / 8
 * @param lineBufferBytes k rows x input width x input channels x activation bits / 8
 */
public record LayerConfig(String name, String subgraph, String kind, String in, String out, int kernel, int stride,
		List<String> inputs, Integer groups, String activation, Integer pa, Integer pe, String weights, String engine,
		int weightBits, int actBits, double pruningRatio, double latencyMs, int dsp, int bram18k, int lut,
		long ddrBytes, long weightBufferBytes, long lineBufferBytes) {
}
