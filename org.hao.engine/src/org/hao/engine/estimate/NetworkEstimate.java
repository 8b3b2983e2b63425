package org.hao.engine.estimate;

import java.util.List;

/**
 * Base-configuration estimate of a network on a device and its architecture: latency, throughput (fps), what one
 * bitstream needs (dsp, bram18k, lut), energy per frame, predicted top-1; {@code accelerator} describes the
 * architecture and its engines (JSON-ready, empty when infeasible); {@code feasible} = a configuration exists.
 */
public record NetworkEstimate(String network, String device, String solver, double latencyMs, double fps, int dsp,
		int bram18k, int lut, double energyMj, double accuracy, boolean feasible, List<SubgraphEstimate> subgraphs,
		List<String> findings, org.hao.engine.results.AcceleratorConfig accelerator, long macs, long weights) {
	public NetworkEstimate {
		subgraphs = List.copyOf(subgraphs);
		findings = List.copyOf(findings);
	}
}
