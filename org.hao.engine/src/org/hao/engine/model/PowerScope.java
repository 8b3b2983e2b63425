package org.hao.engine.model;

import java.util.Locale;

/**
 * What a device's power figures measure (cost-model.md, section 6 "Scope"). Energies are only comparable between
 * devices of the same scope: a board's input power includes its regulators, DRAM, PS and peripherals, which a chip's
 * own rails do not.
 * <ul>
 * <li>CHIP: the device's core rails only (e.g. an FPGA's VCCINT + VCCBRAM, a GPU's rail).</li>
 * <li>RAIL: the monitored supply rails of the chip and its DRAM (on-board INA226 sensors, PMIC telemetry).</li>
 * <li>BOARD: power at the board's (or phone's battery) input, peripherals idle and display off: what a wall meter
 * or a supply shunt measures.</li>
 * <li>UNSPECIFIED: the figures do not say (a user device without {@code scope}).</li>
 * </ul>
 */
public enum PowerScope {
	CHIP, RAIL, BOARD, UNSPECIFIED;

	/** The keyword of the .hao language ({@code chip}, {@code rail}, {@code board}; unspecified has none). */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}
}
