package org.hao.engine.cost;

import static java.lang.Math.ceilDiv;

import java.util.ArrayList;
import java.util.List;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.ConvEngine;
import org.hao.engine.arch.DepthwiseEngine;
import org.hao.engine.arch.FixedResources;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Resources;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.LayerKind;

/**
 * Cost of layers on an overlay: one set of engines reused by every layer in turn (cost-model.md, section
 * "Overlay"). Layers run one after another; a layer's latency is
 * <pre>
 * latency = overheadCycles / clock + max(compute, ddrBytes / (bandwidth * ddrEfficiency))
 * </pre>
 * with compute from the engine that runs it, tiling losses included (ceil over PP, ICP, OCP):
 * <ul>
 * <li>CONV / POINTWISE / FC on the conv engine: {@code Hout * ceil(Wout/PP) * k*k * ceil(Cin/ICP) * ceil(Cout/OCP)}
 * cycles (block pruning skips tiles as in {@link PruningAlignment} with ICP x OCP tiles). An FC layer is one pixel:
 * PP - 1 pixel lanes idle, as on the DPU.</li>
 * <li>DEPTHWISE on the depthwise engine: {@code Hout * ceil(Wout/PP) * k*k * ceil(C/CP) / depthwiseEfficiency}.</li>
 * <li>POOL / ADD on the elementwise unit beside the conv engine (PP x ICP lanes): {@code Hout * ceil(Wout/PP) *
 * window * ceil(C/ICP)}; ADD window 1.</li>
 * <li>SQUEEZE_EXCITE: its two small FCs on the conv engine plus pool and scale on the elementwise unit.</li>
 * </ul>
 * DDR bytes: the layer's (pruned) weights, always (an overlay reloads every layer's weights each frame); input and
 * output activations unless both fit the feature-map buffer, and always the network's own input and output.
 */
public final class OverlayCostModel {
	/**
	 * LUTs of an overlay core besides its datapath: instruction fetch / decode, DMA engines, AXI interfaces, scheduler.
	 * ASSUMPTION (rough): the DPUCZDX8G uses 20-45 k LUT per core (PG338 v1.2, Table 9) of which most is such control
	 * and the adder trees; LUT seldom binds.
	 */
	public static final int LUT_CONTROL = 8000;
	/** LUTs per conv multiplier lane for the adder tree (DSPs do the multiplies). ASSUMPTION. */
	public static final int LUT_PER_CONV_LANE = 3;
	/** LUTs per output lane (PP x OCP) for requantisation, activation and output registers. ASSUMPTION. */
	public static final int LUT_PER_OUTPUT_LANE = 40;
	/** LUTs per depthwise lane (adder and accumulator). ASSUMPTION. */
	public static final int LUT_PER_DW_LANE = 24;

	private final Device device;
	private final FpgaSpec fpga;
	private final OverlaySpec spec;

	public OverlayCostModel(Device device, OverlaySpec spec) {
		if (device.fpga() == null) {
			throw new IllegalArgumentException(
					"an overlay needs an FPGA device, " + device.name() + " is " + device.kind());
		}
		this.device = device;
		this.fpga = device.fpga();
		this.spec = spec;
	}

	public Device device() {
		return device;
	}

	public OverlaySpec spec() {
		return spec;
	}

	/** The engines' clock: the overlay's own, else the device's (MHz). */
	public double clockMhz() {
		return spec.clockMhz() != null ? spec.clockMhz() : fpga.clockMhz();
	}

	// ---- per-layer cost ------------------------------------------------------------------------------------

	/** Cost of one layer on the accelerator; {@code first}/{@code last}: the network's input / output go to DDR. */
	public LayerCost cost(Layer l, Accelerator a, boolean first, boolean last) {
		return cost(l, a, first, last, 0);
	}

	/**
	 * As {@link #cost(Layer, Accelerator, boolean, boolean)} while {@code heldBytes} of branch outputs stay live in the
	 * feature buffer ({@link BranchBuffers#heldBytes}).
	 */
	public LayerCost cost(Layer l, Accelerator a, boolean first, boolean last, long heldBytes) {
		if (l.kind().isDataMovement()) {
			// concat / split / shuffle: addressing only (producers write at channel offsets), no instruction runs
			return new LayerCost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		double skipped = skippedFraction(l, a.conv());
		long cycles = computeCycles(l, a.conv(), a.depthwise());
		double computeMs = cycles / (a.clockMhz() * 1e3);
		long bytes = ddrBytes(l, a.featureBufferKiB(), first, last, heldBytes);
		double memoryMs = memoryMs(bytes);
		double latencyMs = overheadMs(a.clockMhz()) + Math.max(computeMs, memoryMs);
		long executedMacs = Math.round(l.denseMacs() * (1 - skipped));
		double energyMj = EnergyModel.energyMj(device, latencyMs, executedMacs, bytes, computedBits(l));
		return new LayerCost(executedMacs, cycles, computeMs, memoryMs, latencyMs, 0, 0, 0, bytes, energyMj);
	}

	/** The fixed per-layer cost in ms at the given clock. */
	public double overheadMs(double clockMhz) {
		return spec.overheads().layerOverheadCycles() / (clockMhz * 1e3);
	}

	/** DDR time of {@code bytes} at the achievable bandwidth (ms). */
	public double memoryMs(long bytes) {
		return bytes / (fpga.ddrGBps() * spec.overheads().ddrEfficiency() * 1e6);
	}

	/** Compute cycles of a layer on these engines (tiling losses, pruning and depthwise efficiency included). */
	public long computeCycles(Layer l, ConvEngine c, DepthwiseEngine d) {
		long rows = l.outHeight();
		long kk = Math.multiplyExact((long) l.kernel(), (long) l.kernel());
		return switch (l.kind()) {
			case CONV, POINTWISE, FULLY_CONNECTED -> {
				// a grouped layer runs its groups one after another (Cin/G inputs, Cout/G outputs each)
				long dense = mul(rows, ceilDiv(l.outWidth(), c.pp()), kk, ceilDiv(l.channelsPerGroup(), c.icp()),
						mul(l.groups(), ceilDiv(l.outChannels() / l.groups(), c.ocp())));
				yield (long) Math.ceil(dense * (1 - skippedFraction(l, c)) - 1e-9);
			}
			case DEPTHWISE ->
				(long) Math.ceil(mul(rows, ceilDiv(l.outWidth(), d.pp()), kk, ceilDiv(l.outChannels(), d.cp()))
						/ spec.overheads().depthwiseEfficiency() - 1e-9);
			case SQUEEZE_EXCITE -> {
				int ch = l.inChannels();
				int s = l.squeezeChannels();
				long fcs = ceilDiv(ch, c.icp()) * ceilDiv(s, c.ocp()) + ceilDiv(s, c.icp()) * ceilDiv(ch, c.ocp());
				long poolAndScale = mul(2, l.inHeight(), ceilDiv(l.inWidth(), c.pp()), ceilDiv(ch, c.icp()));
				yield fcs + poolAndScale;
			}
			case POOL -> {
				long window = (long) Math.min(l.kernel(), l.inHeight()) * Math.min(l.kernel(), l.inWidth());
				yield mul(rows, ceilDiv(l.outWidth(), c.pp()), window, ceilDiv(l.outChannels(), c.icp()));
			}
			case ADD -> mul(rows, ceilDiv(l.outWidth(), c.pp()), ceilDiv(l.outChannels(), c.icp()),
					Math.max(1, l.inputShapes().size() - 1));
			case CONCAT, SPLIT, SHUFFLE -> 0;
		};
	}

	/**
	 * Whether the conv engine skips ICP x OCP weight tiles that block pruning zeroed (and stores pruned weights
	 * compressed). A free overlay is built to (the block-pruning FPGA designs of "Mobile or FPGA?"); a fixed vendor
	 * accelerator is not: the DPUCZDX8G has no sparse mode (PG338), so a block-pruned layer runs and loads densely there.
	 */
	public boolean skipsZeroBlocks() {
		return spec.fixedResources() == null;
	}

	/**
	 * The operand widths a layer is stored and computed with here. A fixed vendor accelerator computes INT8 only (the
	 * DPUCZDX8G: PG338, "INT8 for both weights and activations"): narrower layers are held, moved and multiplied as
	 * 8-bit operands, so they gain neither DDR bytes nor MAC energy (nor compute cycles, which never depend on bits
	 * here). A free overlay is built for the network's own widths.
	 */
	public BitWidths computedBits(Layer l) {
		BitWidths b = l.bits();
		if (skipsZeroBlocks()) {
			return b;
		}
		return new BitWidths(Math.max(8, b.weightBits()), Math.max(8, b.activationBits()));
	}

	/** Whether a layer runs on the depthwise engine (all others use the conv engine and its elementwise unit). */
	public static boolean onDepthwiseEngine(Layer l) {
		return l.kind() == LayerKind.DEPTHWISE;
	}

	private double skippedFraction(Layer l, ConvEngine c) {
		if (!skipsZeroBlocks() || !Layer.isPrunable(l.kind()) || l.pruning().isNone()) {
			return 0;
		}
		return PruningAlignment.skippedFraction(l.pruning(), l.inChannels(), c.icp(), l.outChannels(), c.ocp());
	}

	/**
	 * DDR bytes of one layer: pruned weights, plus input (every input: ADD and CONCAT read all) and output activations
	 * unless together
	 * they fit a feature-map buffer of {@code bufferKiB}; the network's input and output always move through DDR.
	 */
	public long ddrBytes(Layer l, int bufferKiB, boolean first, boolean last) {
		return ddrBytes(l, bufferKiB, first, last, 0);
	}

	/**
	 * DDR bytes of a layer while {@code heldBytes} of branch outputs occupy the feature buffer: its input and output
	 * stay on chip only when they fit beside them (else both go through DDR, as without a buffer).
	 */
	public long ddrBytes(Layer l, int bufferKiB, boolean first, boolean last, long heldBytes) {
		BitWidths bits = computedBits(l);
		long weightBytes = ceilDiv((skipsZeroBlocks() ? l.weights() : l.denseWeights()) * bits.weightBits(), 8);
		if (l.kind().isDataMovement()) {
			return 0;
		}
		long inputs = l.allInputActivations();
		long inBytes = ceilDiv(inputs * bits.activationBits(), 8);
		long outBytes = ceilDiv(l.outputActivations() * bits.activationBits(), 8);
		boolean fits = inBytes + outBytes + heldBytes <= (long) bufferKiB * 1024;
		long bytes = weightBytes;
		if (!fits || first) {
			bytes += inBytes;
		}
		if (!fits || last) {
			bytes += outBytes;
		}
		return bytes;
	}

	// ---- resources -------------------------------------------------------------------------------------------

	/** The accelerator built from these engines for operands of up to {@code bits} bits. */
	public Accelerator accelerator(String name, ConvEngine c, DepthwiseEngine d, int bufferKiB, int bits) {
		return accelerator(name, c, d, bufferKiB, bits, true);
	}

	/**
	 * As above; {@code withDepthwise} false builds a free overlay without a depthwise engine (a network with no
	 * depthwise layer): {@code d} is then ignored and costs nothing.
	 */
	public Accelerator accelerator(String name, ConvEngine c, DepthwiseEngine d, int bufferKiB, int bits,
			boolean withDepthwise) {
		FixedResources fixed = spec.fixedResources();
		Resources conv = new Resources(convDsp(c, bits), convBram(c, bits), convLut(c, bits));
		Resources dw = withDepthwise ? new Resources(depthwiseDsp(d, bits), depthwiseBram(d, bits), depthwiseLut(d))
				: Resources.NONE;
		Resources buf = new Resources(0, bufferBram(bufferKiB), 0);
		Resources vendor = fixed == null ? null : new Resources(fixed.dsp(), fixed.bram18k(), fixed.lut());
		return new Accelerator(name, c, withDepthwise ? d : null, bufferKiB, clockMhz(), spec.cores(), spec.overheads(),
				conv, dw, buf, vendor, bits);
	}

	/** Whether the network needs the depthwise engine (a free overlay for a network without one is built without). */
	public boolean needsDepthwiseEngine(List<Layer> layers) {
		return spec.depthwise() != null || spec.fixedResources() != null
				|| layers.stream().anyMatch(OverlayCostModel::onDepthwiseEngine);
	}

	/** ceil(PP*ICP*OCP / MACs per DSP at {@code bits}). */
	public int convDsp(ConvEngine c, int bits) {
		return (int) ceilDiv(c.lanes(), fpga.macsPerDsp(bits));
	}

	public int depthwiseDsp(DepthwiseEngine d, int bits) {
		return (int) ceilDiv(d.lanes(), fpga.macsPerDsp(bits));
	}

	/**
	 * Conv engine buffers (BRAM18K by {@link BramEstimate}): weights, a double-buffered ICP x OCP x 3 x 3 tile read
	 * ICP*OCP weights per cycle; input, PP x ICP activations per cycle from a tile of 3 rows x 8 PP groups; output,
	 * PP x OCP 32-bit partial sums per cycle, double-buffered.
	 */
	public int convBram(ConvEngine c, int bits) {
		long lanesW = (long) c.icp() * c.ocp();
		int weights = BramEstimate.bram18k(2 * lanesW * 9 * bits, lanesW * bits);
		int input = BramEstimate.bram18k(3L * 8 * c.pp() * c.icp() * bits, (long) c.pp() * c.icp() * bits);
		int output = BramEstimate.bram18k(2L * 8 * c.pp() * c.ocp() * 32, (long) c.pp() * c.ocp() * 32);
		return weights + input + output;
	}

	/** Depthwise engine: k = 3 line buffer read PP x CP activations per cycle, CP x 3 x 3 weights. */
	public int depthwiseBram(DepthwiseEngine d, int bits) {
		int line = 3 * BramEstimate.bram18k(8L * d.pp() * d.cp() * bits, (long) d.pp() * d.cp() * bits);
		int weights = BramEstimate.bram18k(2L * d.cp() * 9 * bits, (long) d.cp() * bits);
		return line + weights;
	}

	/** Feature-map buffer: KiB * 8192 bits in 16,384-bit BRAM18K. */
	public static int bufferBram(int kib) {
		return (int) ceilDiv((long) kib * 8192, BramEstimate.DATA_BITS_PER_BRAM18K);
	}

	public int convLut(ConvEngine c, int bits) {
		return LUT_CONTROL + LUT_PER_CONV_LANE * c.lanes() + LUT_PER_OUTPUT_LANE * c.pp() * c.ocp();
	}

	public int depthwiseLut(DepthwiseEngine d) {
		return LUT_PER_DW_LANE * d.lanes();
	}

	// ---- a whole network -----------------------------------------------------------------------------------

	/** Costs of every layer, in order, and the network totals on one accelerator. */
	public SubgraphCost networkCost(List<Layer> layers, Accelerator a) {
		List<LayerCost> out = new ArrayList<>(layers.size());
		double lat = 0, energy = 0;
		long macs = 0, ddr = 0;
		long[] held = BranchBuffers.heldBytes(layers);
		for (int i = 0; i < layers.size(); i++) {
			LayerCost c = cost(layers.get(i), a, i == 0, i == layers.size() - 1, held[i]);
			out.add(c);
			lat += c.latencyMs();
			energy += c.energyMj();
			macs += c.macs();
			ddr += c.ddrBytes();
		}
		return new SubgraphCost(lat, macs, a.dsp(), a.bram18k(), a.lut(), ddr, energy, out);
	}

	/**
	 * Frames per second of the whole accelerator with every core running its own frame back to back (throughput
	 * mode: Vitis AI's multi-thread figure). One core alone moves DDR data at {@code ddrEfficiency} of the board's
	 * peak bandwidth (the fitted figure of section 8); n cores together cannot exceed the peak, so under load each
	 * core's DDR time grows by {@code max(1, n x ddrEfficiency)}: a layer takes its overhead plus the larger of its
	 * compute time and that DDR time. One core: 1000 / latency. {@code net} is {@link #networkCost} of the same layers
	 * on {@code a}.
	 */
	public double throughputFps(SubgraphCost net, Accelerator a) {
		if (a.cores() == 1) {
			return 1000.0 / net.latencyMs();
		}
		double sharing = Math.max(1, a.cores() * spec.overheads().ddrEfficiency());
		double loadedMs = 0;
		for (LayerCost c : net.layers()) {
			boolean runs = c.latencyMs() > 0; // data movement (concat, split) runs no instruction
			loadedMs += runs ? overheadMs(a.clockMhz()) + Math.max(c.computeMs(), c.memoryMs() * sharing) : 0;
		}
		return a.cores() * 1000.0 / loadedMs;
	}

	/**
	 * Energy per frame in throughput mode ({@link #throughputFps}): idle power and every core's engine power over the
	 * frame interval 1000 / fps, plus the frame's own MAC and DDR energy. One core: {@code net}'s energy.
	 */
	public double throughputEnergyMj(SubgraphCost net, Accelerator a, double fps) {
		if (a.cores() == 1) {
			return net.energyMj();
		}
		PowerModel p = device.power();
		double workMj = net.energyMj() - p.runningWatts() * net.latencyMs();
		return workMj + (p.staticWatts() + a.cores() * p.enginesWatts()) * 1000.0 / fps;
	}

	/** Widest operand of any layer: the engines' datapath width. */
	public static int datapathBits(List<Layer> layers) {
		return layers.stream().mapToInt(l -> l.bits().maxBits()).max().orElse(8);
	}

	/** Product that throws ArithmeticException instead of overflowing (a layer too large to cost). */
	private static long mul(long... factors) {
		long p = 1;
		for (long f : factors) {
			p = Math.multiplyExact(p, f);
		}
		return p;
	}

}
