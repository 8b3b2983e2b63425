package org.hao.engine.cost;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.LayerKind;

/**
 * Binary and ternary layers computed in LUTs, FINN style (cost-model.md, section 2 "Binary and ternary layers"): when
 * both operands of a MAC layer are at most {@link #MAX_BITS} bits wide, a layer engine multiplies with XNOR (1 bit) or a
 * small LUT product (2 bit, ternary weights) and adds with a popcount / LUT adder tree; it uses no DSP. One MAC per lane
 * per cycle, as a DSP lane.
 * <p>
 * LUTs per lane, from FINN-R's LUT model as FINN implements it (Blott et al., "FINN-R: An End-to-End Deep-Learning
 * Framework for Fast Exploration of Quantized Neural Networks", ACM TRETS 2018; Xilinx/finn
 * {@code src/finn/custom_op/fpgadataflow/hls/matrixvectoractivation_hls.py}, {@code lut_estimation}, commit 0064baee:
 * {@code c1 * (SIMD * (2*ceil((W+A)/6) - 1) * (W+A) + (W+A) * (2*SIMD - 1))} per PE with {@code c1 = 1.1}):
 * <pre>
 * lutsPerLane(W, A) = 1.1 * ((2 * ceil((W + A) / 6) - 1) * (W + A) + 2 * (W + A))
 * </pre>
 * i.e. 6.6 LUTs per binary (W1A1) MAC lane, 9.9 at W1A2 or W2A1, 13.2 at W2A2; the accumulator, control and
 * requantisation LUTs of {@link FpgaCostModel#lut} come on top.
 */
public final class LutMacs {
	/** Widest operand a MAC layer may have to be computed in LUTs (1 bit: binary; 2 bit: ternary / 2-bit). */
	public static final int MAX_BITS = 2;
	/** FINN-R's LUT scaling constant {@code c1} (fitted by FINN-R on synthesis results). */
	static final double FINN_R_C1 = 1.1;

	private LutMacs() {
	}

	/** True when the layer multiplies (conv, pointwise, depthwise, FC, squeeze-excite) with operands of at most 2 bits. */
	public static boolean inLuts(Layer l) {
		return multiplies(l.kind()) && inLuts(l.bits());
	}

	/** True when both operands are at most {@link #MAX_BITS} bits. */
	public static boolean inLuts(BitWidths bits) {
		return bits.maxBits() <= MAX_BITS;
	}

	static boolean multiplies(LayerKind kind) {
		return kind == LayerKind.CONV || kind == LayerKind.POINTWISE || kind == LayerKind.FULLY_CONNECTED
				|| kind == LayerKind.DEPTHWISE || kind == LayerKind.SQUEEZE_EXCITE;
	}

	/** LUTs of one MAC lane (multiplier and its share of the adder tree) at these bit-widths (FINN-R, above). */
	public static double lutsPerLane(BitWidths bits) {
		int wa = bits.weightBits() + bits.activationBits();
		return FINN_R_C1 * ((2 * Math.ceilDiv(wa, 6) - 1) * wa + 2 * wa);
	}

	/** LUTs of {@code lanes} MAC lanes, rounded up. */
	public static long luts(long lanes, BitWidths bits) {
		return (long) Math.ceil(lanes * lutsPerLane(bits) - 1e-9);
	}

	/** Most lanes the usable LUTs of the device hold at these bit-widths (at least 1). */
	public static long maxLanes(FpgaSpec fpga, BitWidths bits) {
		return Math.max(1, (long) Math.floor(fpga.usableLut() / lutsPerLane(bits)));
	}
}
