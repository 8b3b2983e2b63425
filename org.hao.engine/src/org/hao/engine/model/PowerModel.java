package org.hao.engine.model;

/**
 * Power of a device: static power while a frame runs plus dynamic energy per 8-bit MAC (scaled linearly with
 * bits/8, see cost-model.md) and per DDR byte.
 */
public record PowerModel(double staticWatts, double picojoulesPerMac8, double picojoulesPerDdrByte) {
    public PowerModel {
        Checks.nonNegative("staticWatts", staticWatts);
        Checks.nonNegative("picojoulesPerMac8", picojoulesPerMac8);
        Checks.nonNegative("picojoulesPerDdrByte", picojoulesPerDdrByte);
    }
}
