package org.hao.engine.model;

/**
 * Power of a device while it runs inference (cost-model.md, section 6): idle power plus the power of its active engines,
 * both paid for every millisecond a frame takes, plus dynamic energy per 8-bit MAC (scaled linearly with bits/8) and
 * per DDR byte.
 *
 * @param staticWatts          idle power in W: what the device draws switched on, configured and waiting (board idle
 *                             for BOARD scope), >= 0
 * @param picojoulesPerMac8    dynamic energy of one 8-bit multiply-accumulate in pJ, including its operand reads from
 *                             on-chip buffers (BRAM / register file), >= 0
 * @param picojoulesPerDdrByte energy of moving one byte to or from DDR in pJ (DRAM, PHY and controller), >= 0
 * @param enginesWatts         power of the accelerator's engines while they run, beyond the per-MAC energy: clock tree,
 *                             control and buffer activity (a GPU: its active baseline), in W, >= 0
 * @param scope                what the figures measure (chip, rail or board); comparisons should use one scope
 */
public record PowerModel(double staticWatts, double picojoulesPerMac8, double picojoulesPerDdrByte, double enginesWatts,
		PowerScope scope) {
	public PowerModel {
		Checks.nonNegative("staticWatts", staticWatts);
		Checks.nonNegative("picojoulesPerMac8", picojoulesPerMac8);
		Checks.nonNegative("picojoulesPerDdrByte", picojoulesPerDdrByte);
		Checks.nonNegative("enginesWatts", enginesWatts);
		if (scope == null) {
			scope = PowerScope.UNSPECIFIED;
		}
	}

	/** Idle power, per-MAC and per-byte energy only (no engine power, scope unspecified): the original model. */
	public PowerModel(double staticWatts, double picojoulesPerMac8, double picojoulesPerDdrByte) {
		this(staticWatts, picojoulesPerMac8, picojoulesPerDdrByte, 0, PowerScope.UNSPECIFIED);
	}

	/** Power paid for every millisecond of a frame, independent of its work: idle plus engines (W). */
	public double runningWatts() {
		return staticWatts + enginesWatts;
	}
}
