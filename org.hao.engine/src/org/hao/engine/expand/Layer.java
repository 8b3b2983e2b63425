package org.hao.engine.expand;

import java.util.List;

import org.hao.engine.model.Activation;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;

/**
 * One expanded layer with its shapes. Conventions (see cost-model.md, "Layer arithmetic"):
 * <ul>
 * <li>FULLY_CONNECTED flattens its input: inChannels = C*H*W of the incoming tensor, all spatial sizes 1.</li>
 * <li>SQUEEZE_EXCITE stands for pool -> FC(C -> s) -> FC(s -> C) -> scale, with s = {@link #squeezeChannels()};
 * its MACs and weights are those of the two small FCs.</li>
 * <li>POOL and ADD have no MACs and no weights; their work is {@link #elementOps()}.</li>
 * <li>{@link #macs()} and {@link #weights()} are after pruning; {@code dense*} are before.</li>
 * <li>{@code inputs} names the layers whose outputs this layer reads ({@code "input"} for the network input), with
 * their shapes in {@code inputShapes}; ADD and CONCAT read several. inChannels x inHeight x inWidth is the first
 * input (CONCAT: the sum of the input channels).</li>
 * <li>{@code groups} G of a grouped CONV / POINTWISE: each output channel sees inChannels / G inputs.</li>
 * <li>{@code dilation} spaces a window's taps: the window spans dilation (k - 1) + 1 pixels.</li>
 * <li>{@code squeeze}: hidden width of SQUEEZE_EXCITE (0 for other kinds, or for the older rule
 * make_divisible(C / 4)).</li>
 * </ul>
 */
public record Layer(String name, String sourceOp, String subgraph, LayerKind kind, int inChannels, int outChannels,
		int inHeight, int inWidth, int outHeight, int outWidth, int kernel, int stride, BitWidths bits, Pruning pruning,
		List<String> inputs, List<Shape> inputShapes, int groups, int dilation, Activation activation, int squeeze) {

	/**
	 * A layer of a chain (inputs not named), ungrouped, undilated, no activation; an ADD reads two inputs of its
	 * input shape; squeeze-excite uses make_divisible(C / 4).
	 */
	public Layer(String name, String sourceOp, String subgraph, LayerKind kind, int inChannels, int outChannels,
			int inHeight, int inWidth, int outHeight, int outWidth, int kernel, int stride, BitWidths bits,
			Pruning pruning) {
		this(name, sourceOp, subgraph, kind, inChannels, outChannels, inHeight, inWidth, outHeight, outWidth, kernel,
				stride, bits, pruning, List.of(), defaultInputs(kind, inChannels, inHeight, inWidth), 1, 1,
				Activation.NONE, 0);
	}

	private static List<Shape> defaultInputs(LayerKind kind, int c, int h, int w) {
		if (c <= 0 || h <= 0 || w <= 0) {
			return List.of(); // the canonical constructor reports the bad size
		}
		Shape in = new Shape(c, h, w);
		return kind == LayerKind.ADD ? List.of(in, in) : List.of(in);
	}

	public Layer {
		require(name != null && !name.isBlank(), "name must not be blank");
		require(sourceOp != null, "sourceOp must not be null");
		require(subgraph != null, "subgraph must not be null");
		require(kind != null, "kind must not be null");
		positive("inChannels", inChannels);
		positive("outChannels", outChannels);
		positive("inHeight", inHeight);
		positive("inWidth", inWidth);
		positive("outHeight", outHeight);
		positive("outWidth", outWidth);
		positive("kernel", kernel);
		positive("stride", stride);
		require(bits != null, "bits must not be null");
		require(pruning != null, "pruning must not be null");
		require(pruning.isNone() || isPrunable(kind),
				"layer " + name + ": " + kind + " layers have no weight matrix to block-prune");
		require(kind != LayerKind.DEPTHWISE || inChannels == outChannels,
				"layer " + name + ": depthwise needs inChannels == outChannels");
		inputs = inputs == null ? List.of() : List.copyOf(inputs);
		inputShapes = inputShapes == null ? List.of() : List.copyOf(inputShapes);
		positive("groups", groups);
		positive("dilation", dilation);
		require(groups == 1 || inChannels % groups == 0 && outChannels % groups == 0, "layer " + name + ": " + groups
				+ " groups do not divide " + inChannels + " input and " + outChannels + " output channels");
		require(activation != null, "activation must not be null");
		require(squeeze >= 0, "squeeze must not be negative, was " + squeeze);
	}

	/** Input channels each output channel sees: inChannels / groups (1 for depthwise). */
	public int channelsPerGroup() {
		return kind == LayerKind.DEPTHWISE ? 1 : inChannels / groups;
	}

	/** Rows and columns one window spans: dilation x (kernel - 1) + 1. */
	public int effectiveKernel() {
		return dilation * (kernel - 1) + 1;
	}

	/** Activations read from all inputs (an ADD of two tensors reads both). */
	public long allInputActivations() {
		if (inputShapes.isEmpty()) {
			return inputActivations();
		}
		return inputShapes.stream().mapToLong(Shape::elements).sum();
	}

	private static void require(boolean ok, String message) {
		if (!ok) {
			throw new IllegalArgumentException(message);
		}
	}

	private static void positive(String field, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(field + " must be positive, was " + value);
		}
	}

	/** Layers with a (Cout x Cin*k*k) weight matrix, the object of block pruning. */
	public static boolean isPrunable(LayerKind kind) {
		return kind == LayerKind.CONV || kind == LayerKind.POINTWISE || kind == LayerKind.FULLY_CONNECTED;
	}

	/**
	 * Hidden width of squeeze-excite: {@link #squeeze()} as the expander sized it (see
	 * {@link org.hao.engine.model.SeReference}); when 0, make_divisible(C / 4), the MobileNetV3 rule.
	 */
	public int squeezeChannels() {
		return squeeze > 0 ? squeeze : Channels.makeDivisible(inChannels / 4.0);
	}

	/** A pool whose single window covers the whole input (kernel at least the larger side, 1 x 1 output). */
	public boolean isGlobalPool() {
		return kind == LayerKind.POOL && outHeight == 1 && outWidth == 1 && kernel >= Math.max(inHeight, inWidth);
	}

	/** Output pixels (Hout * Wout). */
	public long outPixels() {
		return (long) outHeight * outWidth;
	}

	/** Multiply-accumulates before pruning. */
	public long denseMacs() {
		return switch (kind) {
			case CONV, POINTWISE, FULLY_CONNECTED -> outPixels() * kernel * kernel * channelsPerGroup() * outChannels;
			case DEPTHWISE -> outPixels() * kernel * kernel * outChannels;
			case SQUEEZE_EXCITE -> 2L * inChannels * squeezeChannels();
			case POOL, ADD, CONCAT, SPLIT, SHUFFLE -> 0;
		};
	}

	/** Weights before pruning (biases are folded with batch norm and not counted). */
	public long denseWeights() {
		return switch (kind) {
			case CONV, POINTWISE, FULLY_CONNECTED -> (long) kernel * kernel * channelsPerGroup() * outChannels;
			case DEPTHWISE -> (long) kernel * kernel * outChannels;
			case SQUEEZE_EXCITE -> 2L * inChannels * squeezeChannels();
			case POOL, ADD, CONCAT, SPLIT, SHUFFLE -> 0;
		};
	}

	/** Multiply-accumulates that remain after block pruning: round(dense * (1 - ratio)). */
	public long macs() {
		return Math.round(denseMacs() * pruning.density());
	}

	/** Weights that remain after block pruning: round(dense * (1 - ratio)). */
	public long weights() {
		return Math.round(denseWeights() * pruning.density());
	}

	public long inputActivations() {
		return (long) inChannels * inHeight * inWidth;
	}

	public long outputActivations() {
		return (long) outChannels * outHeight * outWidth;
	}

	/**
	 * Element-wise operations (compare/add/multiply) of the layers without a weight matrix: POOL = window size per
	 * output (a global pool reads every input once), ADD = one add per output, SQUEEZE_EXCITE = global pool plus
	 * channel scaling (two per input activation), SHUFFLE and CONCAT = one copy per output. SPLIT is a view (zero).
	 * Zero for the MAC layers.
	 */
	public long elementOps() {
		return switch (kind) {
			case POOL -> outPixels() * Math.min(kernel, inHeight) * Math.min(kernel, inWidth) * outChannels;
			case ADD -> outputActivations() * Math.max(1, inputShapes.size() - 1);
			case CONCAT, SHUFFLE -> outputActivations();
			case SQUEEZE_EXCITE -> 2L * inputActivations();
			default -> 0;
		};
	}

	@Override
	public String toString() {
		return name + " " + kind + " " + inChannels + "x" + inHeight + "x" + inWidth + " -> " + outChannels + "x"
				+ outHeight + "x" + outWidth + " k" + kernel + " s" + stride + " " + bits
				+ (groups == 1 ? "" : " g" + groups) + (dilation == 1 ? "" : " d" + dilation)
				+ (pruning.isNone() ? "" : " pruned " + pruning);
	}
}
