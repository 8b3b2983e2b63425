package org.hao.engine.arch;

/**
 * Full reconfiguration of the device between subgraphs: time = bitstream bytes / configuration-port rate.
 *
 * @param bitstreamBytes size of one full bitstream in bytes
 * @param portMBps configuration-port rate in MB/s (1e6 bytes per second); UltraScale+ ICAP: 200 MHz x 32 bit =
 *        800 MB/s at most (Xilinx UG909, "Configuration Time", Table 3)
 */
public record Reconfiguration(double bitstreamBytes, double portMBps) {
	public Reconfiguration {
		if (!(bitstreamBytes > 0) || !(portMBps > 0)) {
			throw new IllegalArgumentException("bitstream size and configuration-port rate must be positive");
		}
	}

	/** Milliseconds one reconfiguration takes. */
	public double ms() {
		return bitstreamBytes / (portMBps * 1e3);
	}
}
