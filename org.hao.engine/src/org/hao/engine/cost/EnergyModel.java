package org.hao.engine.cost;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.PowerModel;

/**
 * Energy per frame = static power x time + dynamic energy per MAC + dynamic energy per DDR byte:
 * <pre>
 * energyMj = staticW * latencyMs                       (W x ms = mJ)
 *          + macs * pjPerMac8 * (bits / 8) * 1e-9       (pJ -> mJ)
 *          + ddrBytes * pjPerDdrByte * 1e-9
 * </pre>
 * with bits = max(weightBits, activationBits): a MAC's datapath is as wide as its widest operand, and the per-MAC
 * energy of narrow integer datapaths scales roughly linearly with width for the small widths used here.
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
        double staticMj = power.staticWatts() * latencyMs;
        double macMj = macs * power.picojoulesPerMac8() * (bits.maxBits() / 8.0) / PJ_PER_MJ;
        double ddrMj = ddrBytes * power.picojoulesPerDdrByte() / PJ_PER_MJ;
        return staticMj + macMj + ddrMj;
    }

    /** Frames per joule for an energy per frame in mJ. */
    public static double framesPerJoule(double energyMjPerFrame) {
        return 1000.0 / energyMjPerFrame;
    }
}
