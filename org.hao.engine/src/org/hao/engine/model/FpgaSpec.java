package org.hao.engine.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resources and memory system of an FPGA, plus its DSP packing table.
 *
 * @param dsp               DSP slices available
 * @param bram18k           18 Kbit block RAMs available (a 36K BRAM counts as two)
 * @param lut               look-up tables available
 * @param ff                flip-flops available
 * @param clockMhz          accelerator clock
 * @param ddrGBps           usable DDR bandwidth in GB/s (1e9 bytes per second)
 * @param utilizationCap    fraction of every resource a design may use (routing headroom), in (0, 1]
 * @param macsPerDspByBits  operand bit-width -> MACs one DSP computes per cycle, e.g. {16:1, 8:2, 4:4}
 */
public record FpgaSpec(int dsp, int bram18k, int lut, int ff, double clockMhz, double ddrGBps, double utilizationCap,
		Map<Integer, Integer> macsPerDspByBits) {

	public FpgaSpec {
		Checks.positive("dsp", dsp);
		Checks.positive("bram18k", bram18k);
		Checks.positive("lut", lut);
		Checks.positive("ff", ff);
		Checks.positive("clockMhz", clockMhz);
		Checks.positive("ddrGBps", ddrGBps);
		if (!(utilizationCap > 0 && utilizationCap <= 1)) {
			throw new IllegalArgumentException("utilizationCap must be in (0, 1], was " + utilizationCap);
		}
		Checks.notNull("macsPerDspByBits", macsPerDspByBits);
		if (macsPerDspByBits.isEmpty()) {
			throw new IllegalArgumentException("macsPerDspByBits must have at least one entry");
		}
		SortedMap<Integer, Integer> sorted = new TreeMap<>();
		macsPerDspByBits.forEach((bits, macs) -> {
			Checks.positive("macsPerDspByBits key", Checks.notNull("macsPerDspByBits key", bits));
			Checks.positive("macsPerDspByBits[" + bits + "]", Checks.notNull("macsPerDspByBits value", macs));
			sorted.put(bits, macs);
		});
		// Sorted so that "round up to an available key" is a ceiling lookup.
		macsPerDspByBits = Collections.unmodifiableSortedMap(sorted);
	}

	/**
	 * MACs one DSP computes per cycle for operands of {@code bits} bits: the entry of the smallest key that is at
	 * least {@code bits} (a 6-bit MAC packs like an 8-bit one).
	 *
	 * @throws IllegalArgumentException when {@code bits} is wider than every key of the table
	 */
	public int macsPerDsp(int bits) {
		Map.Entry<Integer, Integer> entry = packingTable().ceilingEntry(bits);
		if (entry == null) {
			throw new IllegalArgumentException("no DSP packing entry for " + bits + "-bit operands (table covers up to "
					+ widestPackedBits() + " bits)");
		}
		return entry.getValue();
	}

	/** Largest operand width the packing table covers. */
	public int widestPackedBits() {
		return packingTable().lastKey();
	}

	private TreeMap<Integer, Integer> packingTable() {
		return new TreeMap<>(macsPerDspByBits);
	}

	/** Usable DSPs after the utilisation cap. */
	public int usableDsp() {
		return (int) Math.floor(dsp * utilizationCap);
	}

	/** Usable BRAM18K after the utilisation cap. */
	public int usableBram18k() {
		return (int) Math.floor(bram18k * utilizationCap);
	}

	/** Usable LUTs after the utilisation cap. */
	public int usableLut() {
		return (int) Math.floor(lut * utilizationCap);
	}
}
