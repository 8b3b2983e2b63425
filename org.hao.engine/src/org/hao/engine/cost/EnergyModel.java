package org.hao.engine.cost;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.PowerModel;

/**
 * Energy per frame = (idle + engine power) x time + dynamic energy per MAC + dynamic energy per DDR byte
 * (cost-model.md, section 6):
 * <pre>
 * energyMj = (staticW + enginesW) * latencyMs              (W x ms = mJ)
 *          + macs * pjPerMac8 * (bits / 8) * 1e-9           (pJ -> mJ)
 *          + ddrBytes * pjPerDdrByte * 1e-9
 * </pre>
 * with bits = max(weightBits, activationBits): a MAC's datapath is as wide as its widest operand, and the per-MAC
 * energy of narrow integer datapaths scales roughly linearly with width for the small widths used here (a 1-bit
 * XNOR-popcount MAC in LUTs costs 1/8 of an 8-bit one).
 */
public final class EnergyModel {
	/** Picojoules in one millijoule. */
	static final double PJ_PER_MJ = 1e9;

	/** Stateless; the constructor exists so that callers may hold an instance. */
	public EnergyModel() {
	}

	public static double energyMj(Device device, double latencyMs, long macs, long ddrBytes, BitWidths bits) {
		return energyMj(device.power(), latencyMs, macs, ddrBytes, bits);
	}

	public static double energyMj(PowerModel power, double latencyMs, long macs, long ddrBytes, BitWidths bits) {
		double runningMj = power.runningWatts() * latencyMs;
		double macMj = macMj(power, macs, bits);
		double ddrMj = ddrMj(power, ddrBytes);
		return runningMj + macMj + ddrMj;
	}

	/** Dynamic energy of {@code macs} MACs at {@code bits} (mJ). */
	public static double macMj(PowerModel power, long macs, BitWidths bits) {
		return macs * power.picojoulesPerMac8() * (bits.maxBits() / 8.0) / PJ_PER_MJ;
	}

	/** Energy of {@code bytes} DDR bytes (mJ). */
	public static double ddrMj(PowerModel power, long bytes) {
		return bytes * power.picojoulesPerDdrByte() / PJ_PER_MJ;
	}

	/**
	 * Average power while frames run back to back (W): energy per frame over the time between frames, mJ / ms = W.
	 * {@code frameIntervalMs} is 1000 / fps (a pipelined dataflow accelerator starts a frame before the last ends).
	 */
	public static double averageWatts(double energyMjPerFrame, double frameIntervalMs) {
		return frameIntervalMs > 0 ? energyMjPerFrame / frameIntervalMs : 0;
	}
}
