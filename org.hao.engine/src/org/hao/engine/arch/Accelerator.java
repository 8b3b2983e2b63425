package org.hao.engine.arch;

import java.util.Locale;

/**
 * One built overlay: the engine sizes the ILP chose (or the pinned ones) and what one bitstream needs.
 *
 * @param name label ("overlay", or the pinned accelerator's name)
 * @param conv convolution engine PP x ICP x OCP
 * @param depthwise depthwise engine PP x CP, or null when the network has no depthwise layer (none built)
 * @param featureBufferKiB on-chip feature-map buffer (KiB)
 * @param clockMhz clock of the engines (MHz)
 * @param cores cores on the chip (latency is one core's; resources count all)
 * @param overheads per-layer overhead, DDR and depthwise efficiency
 * @param convResources conv engine with its elementwise unit and the core's control, one core (NONE for vendor figures)
 * @param depthwiseResources depthwise engine, one core (NONE for vendor figures)
 * @param bufferResources feature-map buffer, one core (NONE for vendor figures)
 * @param vendorResources the vendor's figures per core, or null when derived from the engines
 * @param datapathBits widest operand the engines are built for (sets the DSP packing)
 */
public record Accelerator(String name, ConvEngine conv, DepthwiseEngine depthwise, int featureBufferKiB,
		double clockMhz, int cores, Overheads overheads, Resources convResources, Resources depthwiseResources,
		Resources bufferResources, Resources vendorResources, int datapathBits) {

	/** What one bitstream needs: every core's engines and buffer (or the vendor's figures times the cores). */
	public Resources total() {
		Resources perCore = vendorResources != null ? vendorResources
				: convResources.plus(depthwiseResources).plus(bufferResources);
		return perCore.times(cores);
	}

	public int dsp() {
		return total().dsp();
	}

	public int bram18k() {
		return total().bram18k();
	}

	public int lut() {
		return total().lut();
	}

	/** One line for the CLI, e.g. {@code overlay: conv 8x10x10 (PPxICPxOCP), depthwise 8x10 (PPxCP), ...}. */
	public String describe() {
		return String.format(Locale.ROOT,
				"%s: conv %s (PPxICPxOCP), %s, %d KiB feature buffer, %.0f MHz%s;" + " %d DSP, %d BRAM18K, %d LUT",
				name, conv, depthwise == null ? "no depthwise engine" : "depthwise " + depthwise + " (PPxCP)",
				featureBufferKiB, clockMhz, cores > 1 ? ", " + cores + " cores (one per inference)" : "", dsp(),
				bram18k(), lut());
	}
}
