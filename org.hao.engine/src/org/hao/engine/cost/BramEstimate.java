package org.hao.engine.cost;

import static java.lang.Math.ceilDiv;

/**
 * BRAM18K count of one on-chip buffer: the larger of a capacity bound and a port-width bound.
 * <pre>
 * bram18k = max( ceil(contentBits / 16384), ceil(readBitsPerCycle / 36) )
 * </pre>
 * 16384: a RAMB18 holds 18 Kbit, but with 8/4/16-bit data only 16 Kbit are data bits (the other 2 Kbit are parity
 * bits usable only at 9/18/36-bit widths). 36: the widest read port of a RAMB18 (512 x 36), so a buffer read
 * {@code readBitsPerCycle} bits wide is partitioned into at least ceil(width/36) banks. Using the maximum assumes
 * the memory compiler packs content across banks, the usual assumption of analytical HLS models.
 */
public final class BramEstimate {
	/** Usable data bits of one RAMB18 at power-of-two data widths. */
	public static final int DATA_BITS_PER_BRAM18K = 16384;
	/** Widest port of one RAMB18 (512 x 36 configuration). */
	public static final int PORT_BITS = 36;

	private BramEstimate() {
	}

	public static int bram18k(long contentBits, long readBitsPerCycle) {
		if (contentBits <= 0) {
			return 0;
		}
		long capacity = ceilDiv(contentBits, DATA_BITS_PER_BRAM18K);
		long ports = ceilDiv(readBitsPerCycle, PORT_BITS);
		return Math.toIntExact(Math.max(capacity, ports));
	}

}
