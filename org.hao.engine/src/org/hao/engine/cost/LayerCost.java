package org.hao.engine.cost;

/**
 * Cost of one layer under one configuration. Times in milliseconds, energy in millijoules. GPU costs have zero
 * cycles and zero FPGA resources.
 */
public record LayerCost(long macs, long cycles, double computeMs, double memoryMs, double latencyMs, int dsp,
		int bram18k, int lut, long ddrBytes, double energyMj) {
}
