package org.hao.engine.search;

import java.util.Map;

/**
 * One network configuration on the accuracy-latency frontier.
 *
 * @param accuracy predicted ImageNet top-1 (percent)
 * @param latencyMs latency per frame
 * @param fps 1000 / latencyMs
 * @param dsp DSP the accelerator needs (max over subgraphs: subgraphs time-share the device)
 * @param bram18k BRAM18K needed (max over subgraphs)
 * @param lut LUT needed (max over subgraphs)
 * @param energyMj energy per frame (mJ)
 * @param config full configuration: "subgraphs" (chosen block options per subgraph) and "layers" (per-layer
 *        parallelism, bit-widths, buffers); ordered maps, JSON-ready
 */
public record ParetoPoint(double accuracy, double latencyMs, double fps, int dsp, int bram18k, int lut, double energyMj,
        Map<String, Object> config) {

    /** Frames per joule. */
    public double framesPerJoule() {
        return energyMj > 0 ? 1000.0 / energyMj : Double.POSITIVE_INFINITY;
    }

    /** Lower end of the accuracy interval (percent; config "accuracy_low"), the accuracy itself when absent. */
    public double accuracyLow() {
        return config != null && config.get("accuracy_low") instanceof Number n ? n.doubleValue() : accuracy;
    }

    /** Upper end of the accuracy interval (percent; config "accuracy_high"), the accuracy itself when absent. */
    public double accuracyHigh() {
        return config != null && config.get("accuracy_high") instanceof Number n ? n.doubleValue() : accuracy;
    }

    /** True when this point is at least as good in both objectives and better in one. */
    public boolean dominates(ParetoPoint o) {
        return accuracy >= o.accuracy && latencyMs <= o.latencyMs && (accuracy > o.accuracy || latencyMs < o.latencyMs);
    }
}
