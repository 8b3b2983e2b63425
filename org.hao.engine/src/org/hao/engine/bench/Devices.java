package org.hao.engine.bench;

import java.util.Map;

import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.PowerModel;

/**
 * Fixture devices of the engine's tests and benchmarks, with the reason for every number (cost-model.md, "Devices").
 * They are not the product's catalogue: every device a user names, and every estimate the editor, the language server
 * or the CLI shows, comes from {@code org.hao.dsl/stdlib/devices.hao} (an ArchUnit rule keeps this package out of the
 * product's code). The fixture is named {@code ZU3EG_HLS} because its figures (an HLS engine's 6.0 GB/s, chip-level
 * power) differ from the library's measured ZU3EG board.
 */
public final class Devices {
	private Devices() {
	}

	/**
	 * Xilinx Zynq UltraScale+ ZU3EG as on the Ultra96 board (HAO's target).
	 * <ul>
	 * <li>360 DSP48E2, 216 BRAM36 = 432 BRAM18K, 70,560 LUT, 141,120 FF: Xilinx DS891 device table.</li>
	 * <li>200 MHz: a clock HLS CNN engines routinely close on this speed grade.</li>
	 * <li>6.0 GB/s: Ultra96 LPDDR4 x32 at 2133 MT/s is 8.5 GB/s peak; about 70 % is reachable by PL masters.</li>
	 * <li>0.85 utilisation cap: routing headroom, the HAO method's utilisation cap (ASSUMPTION).</li>
	 * <li>Packing {16:1, 8:2, 4:4}: one MAC per DSP48E2 at 16 bit; two INT8 MACs sharing a weight (Xilinx WP486);
	 * four at 4 bit, a conservative half of HiKonv's eight 4-bit products per 27x18 multiplier.</li>
	 * <li>Power (assumptions to replace with measurements): 2.0 W static for PS + PL while running; 2 pJ per 8-bit
	 * MAC (Horowitz ISSCC 2014: 0.2 pJ 8-bit multiply + 0.03 pJ add at 45 nm, times about 10 for FPGA routing and
	 * on-chip buffer reads); 40 pJ per DDR byte (LPDDR4 about 5 pJ/bit including I/O).</li>
	 * </ul>
	 */
	public static final Device ZU3EG_HLS = new Device("ZU3EG_HLS", DeviceKind.FPGA,
			new FpgaSpec(360, 432, 70_560, 141_120, 200.0, 6.0, 0.85, Map.of(16, 1, 8, 2, 4, 4)), null,
			new PowerModel(2.0, 2.0, 40.0));

	/**
	 * Full reconfiguration of the ZU3EG: 5.6 MB bitstream (ASSUMPTION: the size Vivado writes for a full xczu3eg .bin;
	 * measure with write_bitstream) through the ICAP at 800 MB/s (Xilinx UG909, "Configuration Time", Table 3:
	 * UltraScale+ ICAP 200 MHz x 32 bit): 7 ms per switch.
	 */
	public static final org.hao.engine.arch.Reconfiguration ZU3EG_RECONFIGURATION = new org.hao.engine.arch.Reconfiguration(
			5.6e6, 800);

	/** The ZU3EG with one layer-parallel accelerator per subgraph, reconfigured at every switch (the old model). */
	public static final Device ZU3EG_PER_SUBGRAPH = ZU3EG_HLS
			.withArchitecture(org.hao.engine.arch.Architecture.perSubgraph(ZU3EG_RECONFIGURATION));
}
