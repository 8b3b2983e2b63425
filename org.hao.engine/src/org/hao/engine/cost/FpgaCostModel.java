package org.hao.engine.cost;

import static java.lang.Math.ceilDiv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.LayerKind;

/**
 * Cost of a layer-parallel FPGA accelerator: every layer of a subgraph gets its own engine of PA x PE lanes.
 * Formulas and constants are documented (with worked examples) in {@code docs/cost-model.md}.
 */
public final class FpgaCostModel {
	/** Control LUTs of one layer engine: loop counters, address generators, stream handshakes. */
	public static final int LUT_PER_ENGINE = 500;
	/** LUTs per output lane for requantisation: rounding shift, clamp / ReLU6, output register. */
	public static final int LUT_PER_OUTPUT_LANE = 40;
	/**
	 * LUTs per output lane for a hard-swish / hard-sigmoid (x * relu6(x + 3) / 6: one 8 x 8 multiply in fabric).
	 * ASSUMPTION: an n x n LUT multiplier takes about n^2 LUT6 (64 at 8 bit), plus the add and clamp.
	 */
	public static final int LUT_PER_HARD_ACTIVATION_LANE = 72;
	/**
	 * Output lanes one BRAM18K lookup table serves for sigmoid / SiLU: a 256-entry table (8-bit input) on each of the
	 * two read ports of a RAMB18. SiLU also multiplies (as hard-swish).
	 */
	public static final int SIGMOID_LANES_PER_BRAM18K = 2;

	private final Device device;
	private final FpgaSpec fpga;

	public FpgaCostModel(Device device) {
		if (device.kind() != DeviceKind.FPGA) {
			throw new IllegalArgumentException(
					"FpgaCostModel needs an FPGA device, " + device.name() + " is " + device.kind());
		}
		this.device = device;
		this.fpga = device.fpga();
	}

	public Device device() {
		return device;
	}

	/** Cost for layer-by-layer execution (activations go through DDR), the contract's default. */
	public LayerCost cost(Layer layer, ParallelismChoice p) {
		return cost(layer, p, ExecutionMode.SEQUENTIAL);
	}

	/**
	 * Cost of one layer engine. In {@link ExecutionMode#PIPELINED} mode only the weights come from DDR (activations
	 * stream on chip; the subgraph's own input and output are added by {@link #subgraphCost}), and the layer
	 * latency is its compute time (the memory roofline applies to the whole subgraph).
	 */
	public LayerCost cost(Layer layer, ParallelismChoice p, ExecutionMode mode) {
		checkLanes(layer, p);
		if (layer.kind().isDataMovement()) {
			// zero-copy: producers write at channel offsets, consumers read a channel slice or a permutation
			return new LayerCost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		double skipped = skippedFraction(layer, p);
		long cycles = cycles(layer, p, skipped);
		long executedMacs = Math.round(layer.denseMacs() * (1 - skipped));
		double computeMs = cycles / (fpga.clockMhz() * 1e3);
		long ddrBytes = ddrBytes(layer, p, mode);
		double memoryMs = ddrMs(ddrBytes);
		// a pipeline stage with streamed weights waits for its weight tiles; on-chip weights load before the frame
		boolean memoryBound = mode == ExecutionMode.SEQUENTIAL || streams(layer, p);
		double latencyMs = memoryBound ? Math.max(computeMs, memoryMs) : computeMs;
		double energyMj = EnergyModel.energyMj(device, latencyMs, executedMacs, ddrBytes, layer.bits());
		return new LayerCost(executedMacs, cycles, computeMs, memoryMs, latencyMs, dsp(layer, p), bram18k(layer, p),
				lut(layer, p), ddrBytes, energyMj);
	}

	// ---- cycles ----------------------------------------------------------------------------------------------

	/** Fraction of the tile work skipped thanks to block pruning (0 when unpruned). */
	public double skippedFraction(Layer layer, ParallelismChoice p) {
		if (!Layer.isPrunable(layer.kind()) || layer.pruning().isNone()) {
			return 0;
		}
		return PruningAlignment.skippedFraction(layer.pruning(), layer.inChannels(), p.pa(), layer.outChannels(),
				p.pe());
	}

	private static long cycles(Layer l, ParallelismChoice p, double skipped) {
		long pixels = l.outPixels();
		long kk = (long) l.kernel() * l.kernel();
		return switch (l.kind()) {
			case CONV, POINTWISE, FULLY_CONNECTED -> {
				// a grouped layer runs its groups one after another, each with Cin/G inputs and Cout/G outputs
				long dense = pixels * kk * l.groups() * ceilDiv(l.channelsPerGroup(), p.pa())
						* ceilDiv(l.outChannels() / l.groups(), p.pe());
				// 1e-9 keeps an exact product such as 4096 * 0.5 from rounding up through floating-point noise.
				yield (long) Math.ceil(dense * (1 - skipped) - 1e-9);
			}
			case DEPTHWISE -> pixels * kk * ceilDiv(l.outChannels(), p.pe());
			case SQUEEZE_EXCITE -> {
				int c = l.inChannels();
				int s = l.squeezeChannels();
				long fcs = ceilDiv(c, p.pa()) * ceilDiv(s, p.pe()) + ceilDiv(s, p.pa()) * ceilDiv(c, p.pe());
				long poolAndScale = 2 * pixels * ceilDiv(c, p.pe());
				yield fcs + poolAndScale;
			}
			case POOL -> pixels * window(l) * ceilDiv(l.outChannels(), p.pe());
			case ADD -> pixels * ceilDiv(l.outChannels(), p.pe()) * Math.max(1, l.inputShapes().size() - 1);
			case CONCAT, SPLIT, SHUFFLE -> 0;
		};
	}

	private static long window(Layer l) {
		return (long) Math.min(l.kernel(), l.inHeight()) * Math.min(l.kernel(), l.inWidth());
	}

	/** Depthwise, pool and add engines have channel lanes only. */
	private static boolean channelLanesOnly(LayerKind kind) {
		return kind == LayerKind.DEPTHWISE || kind == LayerKind.POOL || kind == LayerKind.ADD || kind.isDataMovement();
	}

	private static void checkLanes(Layer layer, ParallelismChoice p) {
		if (channelLanesOnly(layer.kind()) && p.pa() != 1) {
			throw new IllegalArgumentException("layer " + layer.name() + ": " + layer.kind()
					+ " engines have channel lanes only (pa = 1), got " + p);
		}
	}

	// ---- resources -------------------------------------------------------------------------------------------

	/** DSPs: multiply lanes divided by the MACs one DSP packs at the layer's widest operand; pool/add use none. */
	public int dsp(Layer l, ParallelismChoice p) {
		if (l.kind() == LayerKind.POOL || l.kind() == LayerKind.ADD || l.kind().isDataMovement() || LutMacs.inLuts(l)) {
			return 0; // 1- and 2-bit MACs are XNOR / LUT products with popcount adders (LutMacs)
		}
		return Math.toIntExact(ceilDiv(p.lanes(), fpga.macsPerDsp(l.bits().maxBits())));
	}

	/** Weight buffer + line buffer + output buffer, each sized by {@link BramEstimate}. */
	public int bram18k(Layer l, ParallelismChoice p) {
		if (l.kind().isDataMovement()) {
			return 0;
		}
		return weightBufferBram(l, p) + lineBufferBram(l, p) + outputBufferBram(l, p) + activationBram(l, p);
	}

	/** Lookup tables of a sigmoid / SiLU activation: one BRAM18K per {@link #SIGMOID_LANES_PER_BRAM18K} lanes. */
	static int activationBram(Layer l, ParallelismChoice p) {
		return l.activation().isSigmoidLike() ? (int) ceilDiv(p.pe(), SIGMOID_LANES_PER_BRAM18K) : 0;
	}

	/**
	 * Layers with spatial reuse keep their whole (pruned) weight tensor on chip for the frame unless the choice
	 * streams them; streamed weights and layers whose weights are used once (1 x 1 output, e.g. FC) go through a
	 * double buffer of one tile: the k*k*Cin*PE weights (depthwise: k*k*PE) of PE output channels.
	 */
	int weightBufferBram(Layer l, ParallelismChoice p) {
		int wbits = l.bits().weightBits();
		long tensorBits = l.weights() * wbits;
		long contentBits = tensorBits;
		if (l.kind() == LayerKind.SQUEEZE_EXCITE) {
			// its two FCs use each weight once per frame, like a fully connected layer: a double-buffered tile of
			// PE rows of the larger matrix streams through
			long tile = (long) Math.max(l.inChannels(), l.squeezeChannels()) * Math.min(p.pe(), l.inChannels());
			contentBits = Math.min(tensorBits, 2 * tile * wbits);
		} else if ((l.outPixels() == 1 || p.streamWeights()) && Layer.isPrunable(l.kind())) {
			long perOutput = (long) l.kernel() * l.kernel()
					* (l.kind() == LayerKind.DEPTHWISE ? 1 : l.channelsPerGroup());
			long tile = perOutput * Math.min(p.pe(), l.outChannels());
			long tileBits = 2 * Math.round(tile * l.pruning().density()) * wbits;
			contentBits = Math.min(tensorBits, tileBits);
		}
		return BramEstimate.bram18k(contentBits, (long) p.lanes() * wbits);
	}

	/** True when the choice streams this layer's weights (only layers with spatial reuse have a choice). */
	public static boolean streams(Layer l, ParallelismChoice p) {
		return p.streamWeights() && canStreamWeights(l);
	}

	/** Layers whose weights are reused over several output pixels: they may keep them on chip or stream them. */
	public static boolean canStreamWeights(Layer l) {
		return Layer.isPrunable(l.kind()) && l.outPixels() > 1;
	}

	/** k rows of the input (k x Win x Cin x abits) for windowed layers, one bank group per row; none for k = 1. */
	int lineBufferBram(Layer l, ParallelismChoice p) {
		boolean windowed = l.kind() == LayerKind.CONV || l.kind() == LayerKind.DEPTHWISE
				|| l.kind() == LayerKind.POOL && !l.isGlobalPool();
		if (!windowed || l.kernel() == 1) {
			return 0;
		}
		int abits = l.bits().activationBits();
		long rowBits = (long) l.inWidth() * l.inChannels() * abits;
		int readLanes = l.kind() == LayerKind.CONV ? p.pa() : p.pe();
		// a dilated window spans dilation (k - 1) + 1 rows
		return Math.multiplyExact(l.effectiveKernel(), BramEstimate.bram18k(rowBits, (long) readLanes * abits));
	}

	/** Double-buffered output row: 2 x Wout x Cout x abits, written PE values per cycle. */
	int outputBufferBram(Layer l, ParallelismChoice p) {
		int abits = l.bits().activationBits();
		long bits = 2L * l.outWidth() * l.outChannels() * abits;
		return BramEstimate.bram18k(bits, (long) p.pe() * abits);
	}

	/**
	 * LUT = engine control + one LUT per accumulator bit per lane (adder tree and accumulator) + requantisation per
	 * output lane. Accumulator width: MAC layers wbits + abits + ceil(log2(reduction length)); pool/add abits +
	 * ceil(log2(window)).
	 */
	public int lut(Layer l, ParallelismChoice p) {
		if (l.kind().isDataMovement()) {
			return 0;
		}
		long accBits;
		long lanes;
		switch (l.kind()) {
			case POOL -> {
				accBits = l.bits().activationBits() + log2Ceil(window(l));
				lanes = p.pe();
			}
			case ADD -> {
				accBits = l.bits().activationBits() + 1;
				lanes = p.pe();
			}
			default -> {
				accBits = l.bits().weightBits() + l.bits().activationBits() + log2Ceil(reductionLength(l));
				lanes = p.lanes();
			}
		}
		long activation = l.activation().isClamp() || l.activation() == org.hao.engine.model.Activation.SIGMOID ? 0
				: (long) p.pe() * LUT_PER_HARD_ACTIVATION_LANE; // hard-swish / hard-sigmoid / SiLU multiply
		long lutMultipliers = LutMacs.inLuts(l) ? LutMacs.luts(lanes, l.bits()) : 0; // binary / ternary: no DSP
		return Math.toIntExact(
				LUT_PER_ENGINE + lanes * accBits + (long) p.pe() * LUT_PER_OUTPUT_LANE + activation + lutMultipliers);
	}

	/** Products summed into one output value. */
	private static long reductionLength(Layer l) {
		return switch (l.kind()) {
			case DEPTHWISE -> (long) l.kernel() * l.kernel();
			case SQUEEZE_EXCITE -> Math.max(l.inChannels(), l.squeezeChannels());
			default -> (long) l.kernel() * l.kernel() * l.channelsPerGroup();
		};
	}

	// ---- memory ----------------------------------------------------------------------------------------------

	/** DDR bytes per frame with weights on chip (see {@link #ddrBytes(Layer, ParallelismChoice, ExecutionMode)}). */
	public long ddrBytes(Layer l, ExecutionMode mode) {
		return ddrBytes(l, new ParallelismChoice(1, 1), mode);
	}

	/**
	 * DDR bytes per frame: the (pruned) weights once, or once per output row when the choice streams them (all
	 * weight tiles pass for every row), plus for layer-by-layer execution the output activations and those of every
	 * input (an ADD or CONCAT reads all of its inputs). Concat, split and shuffle move nothing (zero-copy).
	 */
	public long ddrBytes(Layer l, ParallelismChoice p, ExecutionMode mode) {
		if (l.kind().isDataMovement()) {
			return 0;
		}
		long weightBytes = ceilDiv(l.weights() * l.bits().weightBits(), 8) * (streams(l, p) ? l.outHeight() : 1);
		if (mode == ExecutionMode.PIPELINED) {
			return weightBytes;
		}
		long inputs = l.allInputActivations();
		return weightBytes + ceilDiv((inputs + l.outputActivations()) * l.bits().activationBits(), 8);
	}

	// ---- subgraphs -------------------------------------------------------------------------------------------

	/**
	 * DDR bytes a pipelined subgraph moves besides weights: every tensor it reads from outside (earlier subgraphs or
	 * the network input) read once, and its output written once.
	 */
	public long pipelineEdgeBytes(List<Layer> layers) {
		return pipelineEdgeBytes(layers, List.of());
	}

	/**
	 * As {@link #pipelineEdgeBytes(List)}, plus each of {@code liveOutputs} (layers of the subgraph whose output a
	 * later subgraph reads, {@link org.hao.engine.expand.ExpandedSubgraph#liveOutputs()}) written once: a branch
	 * that leaves a pipelined subgraph from its middle outlives the subgraph's on-chip FIFOs, so its writer stores
	 * it in DDR (C x H x W x abits / 8 bytes) and the later subgraph reads it back (charged there as an input).
	 */
	public long pipelineEdgeBytes(List<Layer> layers, List<Layer> liveOutputs) {
		Layer last = layers.get(layers.size() - 1);
		long bytes = 0;
		for (BranchBuffers.Edge e : BranchBuffers.externalInputs(layers)) {
			bytes += ceilDiv(e.shape().elements() * e.reader().bits().activationBits(), 8);
		}
		for (Layer l : liveOutputs) {
			if (l != last) {
				bytes += ceilDiv(l.outputActivations() * l.bits().activationBits(), 8);
			}
		}
		return bytes + ceilDiv(last.outputActivations() * last.bits().activationBits(), 8);
	}

	/** Time {@code bytes} take at the device's DDR bandwidth (ms). */
	public double ddrMs(long bytes) {
		return bytes / (fpga.ddrGBps() * 1e6);
	}

	/**
	 * Share of a stage's time that passes before it emits its first output row in a pipeline: it needs ceil(k/2)
	 * input rows ('same' padding, centred window) out of the rows it produces, capped at 1 (FC and global pool must
	 * see the whole input first).
	 */
	public static double fillFraction(Layer l) {
		int rowsBeforeFirstOutput = l.kind() == LayerKind.FULLY_CONNECTED || l.isGlobalPool() ? Integer.MAX_VALUE
				: (l.kernel() + 1) / 2;
		return Math.min(1.0, (double) rowsBeforeFirstOutput / l.outHeight());
	}

	/**
	 * Cost of a whole subgraph under one parallelism per layer. Resources add up (one engine per layer).
	 * SEQUENTIAL: latency = sum of layer latencies. PIPELINED: latency = max(max stage + sum(fill_l x stage_l),
	 * (weights + subgraph input + subgraph output bytes) / DDR bandwidth).
	 */
	public SubgraphCost subgraphCost(List<Layer> layers, List<ParallelismChoice> parallelism, ExecutionMode mode) {
		return subgraphCost(layers, parallelism, mode, List.of());
	}

	/**
	 * As {@link #subgraphCost(List, List, ExecutionMode)}; a PIPELINED subgraph also writes each of
	 * {@code liveOutputs} to DDR ({@link #pipelineEdgeBytes(List, List)}). A SEQUENTIAL subgraph writes every layer's
	 * output already.
	 */
	public SubgraphCost subgraphCost(List<Layer> layers, List<ParallelismChoice> parallelism, ExecutionMode mode,
			List<Layer> liveOutputs) {
		if (layers.isEmpty() || layers.size() != parallelism.size()) {
			throw new IllegalArgumentException(
					"need one parallelism per layer, got " + parallelism.size() + " for " + layers.size() + " layers");
		}
		List<LayerCost> costs = new ArrayList<>(layers.size());
		for (int i = 0; i < layers.size(); i++) {
			costs.add(cost(layers.get(i), parallelism.get(i), mode));
		}
		int skipFifos = mode == ExecutionMode.PIPELINED ? BranchBuffers.fifoBram18k(layers) : 0;
		long macs = 0;
		long ddr = 0;
		int dsp = 0;
		int bram = 0;
		int lut = 0;
		for (LayerCost c : costs) {
			macs += c.macs();
			ddr += c.ddrBytes();
			dsp += c.dsp();
			bram += c.bram18k();
			lut += c.lut();
		}
		double latencyMs;
		if (mode == ExecutionMode.SEQUENTIAL) {
			latencyMs = costs.stream().mapToDouble(LayerCost::latencyMs).sum();
		} else {
			double maxStage = 0;
			double fill = 0;
			for (int i = 0; i < layers.size(); i++) {
				maxStage = Math.max(maxStage, costs.get(i).latencyMs());
				fill += fillFraction(layers.get(i)) * costs.get(i).latencyMs();
			}
			ddr += pipelineEdgeBytes(layers, liveOutputs);
			latencyMs = Math.max(maxStage + fill, ddrMs(ddr));
		}
		double energyMj = 0;
		for (int i = 0; i < layers.size(); i++) {
			energyMj += EnergyModel.energyMj(device.power(), 0, costs.get(i).macs(), 0, layers.get(i).bits());
		}
		energyMj += device.power().runningWatts() * latencyMs + EnergyModel.ddrMj(device.power(), ddr);
		return new SubgraphCost(latencyMs, macs, dsp, bram + skipFifos, lut, ddr, energyMj, costs);
	}

	// ---- candidates ------------------------------------------------------------------------------------------

	/**
	 * Parallelism candidates for a layer: lane counts per dimension are the powers of two and divisors of the
	 * channel count, each lowered to the smallest count with the same number of passes ceil(C/P) (extra lanes that
	 * save no pass are waste). Of the PA x PE grid only non-dominated choices are kept (each one strictly faster
	 * than every cheaper one), those that alone exceed the usable DSPs are dropped (the cheapest is always kept),
	 * and at most {@code maxCandidates} are returned, evenly spread from the cheapest to the fastest, sorted by
	 * ascending resource (DSP, then LUT, then BRAM). Layers that can stream their weights get each of these twice,
	 * weights on chip and streamed (when streaming saves BRAM18K), so up to 2 x {@code maxCandidates} in all: the
	 * ILP then trades BRAM against DDR bandwidth.
	 */
	public List<ParallelismChoice> candidates(Layer layer, int maxCandidates) {
		if (maxCandidates < 1) {
			throw new IllegalArgumentException("maxCandidates must be positive, was " + maxCandidates);
		}
		if (layer.kind().isDataMovement()) {
			return List.of(new ParallelismChoice(1, 1));
		}
		List<Integer> peValues = laneCounts(
				layer.kind() == LayerKind.SQUEEZE_EXCITE ? layer.inChannels() : layer.outChannels() / layer.groups());
		List<Integer> paValues = channelLanesOnly(layer.kind()) ? List.of(1) : laneCounts(
				layer.kind() == LayerKind.SQUEEZE_EXCITE ? layer.squeezeChannels() : layer.channelsPerGroup());
		// lanes beyond what the usable DSPs can pack are never chosen: skip them before costing, so that a large
		// layer (VGG-16 fc6: 25088 x 4096 lanes) is not costed in int counts that overflow
		long maxLanes = LutMacs.inLuts(layer) ? LutMacs.maxLanes(fpga, layer.bits())
				: (long) Math.max(1, fpga.usableDsp()) * fpga.macsPerDsp(layer.bits().maxBits());
		record Scored(ParallelismChoice choice, LayerCost cost) {
		}
		List<Scored> all = new ArrayList<>();
		for (int pa : paValues) {
			for (int pe : peValues) {
				if ((long) pa * pe > maxLanes && (pa > 1 || pe > 1) && usesDsp(layer.kind())) {
					continue;
				}
				ParallelismChoice p = new ParallelismChoice(pa, pe);
				all.add(new Scored(p, cost(layer, p)));
			}
		}
		all.sort(Comparator.<Scored>comparingInt(s -> s.cost().dsp()).thenComparingInt(s -> s.cost().lut())
				.thenComparingInt(s -> s.cost().bram18k()).thenComparingLong(s -> s.cost().cycles()));
		List<ParallelismChoice> front = new ArrayList<>();
		long bestCycles = Long.MAX_VALUE;
		for (Scored s : all) {
			boolean fits = s.cost().dsp() <= fpga.usableDsp()
					&& (!LutMacs.inLuts(layer) || s.cost().lut() <= fpga.usableLut()) || front.isEmpty();
			if (s.cost().cycles() < bestCycles && fits) {
				front.add(s.choice());
				bestCycles = s.cost().cycles();
			}
		}
		List<ParallelismChoice> picked = spread(front, maxCandidates);
		if (!canStreamWeights(layer)) {
			return picked;
		}
		List<ParallelismChoice> withStreaming = new ArrayList<>(picked);
		for (ParallelismChoice p : picked) {
			if (bram18k(layer, p.streamed()) < bram18k(layer, p)) {
				withStreaming.add(p.streamed());
			}
		}
		return withStreaming;
	}

	private static boolean usesDsp(LayerKind kind) {
		return kind != LayerKind.POOL && kind != LayerKind.ADD && !kind.isDataMovement();
	}

	/** Lane counts for a dimension of {@code channels}: powers of two and divisors, minimal per pass count. */
	static List<Integer> laneCounts(int channels) {
		TreeSet<Integer> raw = new TreeSet<>();
		for (int p = 1; p <= channels; p *= 2) {
			raw.add(p);
			if (p > Integer.MAX_VALUE / 2) {
				break;
			}
		}
		for (int d = 1; (long) d * d <= channels; d++) {
			if (channels % d == 0) {
				raw.add(d);
				raw.add(channels / d);
			}
		}
		TreeSet<Integer> minimal = new TreeSet<>();
		for (int p : raw) {
			long passes = ceilDiv(channels, p);
			minimal.add(Math.toIntExact(ceilDiv(channels, passes)));
		}
		return List.copyOf(minimal);
	}

	/** At most {@code max} elements, evenly spaced by index, always keeping the first and the last. */
	static <T> List<T> spread(List<T> items, int max) {
		if (items.size() <= max) {
			return items;
		}
		if (max == 1) {
			return List.of(items.get(items.size() - 1));
		}
		List<T> picked = new ArrayList<>(max);
		for (int i = 0; i < max; i++) {
			picked.add(items.get((int) Math.round(i * (items.size() - 1) / (double) (max - 1))));
		}
		return picked;
	}

	private static long log2Ceil(long n) {
		return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
	}

}
