package org.hao.engine.estimate;

import java.util.List;

/**
 * Base-configuration estimate of a network. Latency = sum over subgraphs; resources = max over subgraphs (they
 * time-share the device); {@code feasible} = every subgraph has a configuration.
 */
public record NetworkEstimate(String network, String device, String solver, double latencyMs, double fps, int dsp,
        int bram18k, int lut, double energyMj, double accuracy, boolean feasible, List<SubgraphEstimate> subgraphs,
        List<String> findings) {
    public NetworkEstimate {
        subgraphs = List.copyOf(subgraphs);
        findings = List.copyOf(findings);
    }
}
