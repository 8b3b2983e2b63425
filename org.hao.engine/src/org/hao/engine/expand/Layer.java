package org.hao.engine.expand;

import org.hao.engine.model.BitWidths;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;

/**
 * One expanded layer with its shapes. Conventions (see cost-model.md, "Layer arithmetic"):
 * <ul>
 * <li>FULLY_CONNECTED flattens its input: inChannels = C*H*W of the incoming tensor, all spatial sizes 1.</li>
 * <li>SQUEEZE_EXCITE stands for pool -> FC(C -> s) -> FC(s -> C) -> scale, with s = {@link #squeezeChannels()};
 * its MACs and weights are those of the two small FCs.</li>
 * <li>POOL and ADD have no MACs and no weights; their work is {@link #elementOps()}.</li>
 * <li>{@link #macs()} and {@link #weights()} are after pruning; {@code dense*} are before.</li>
 * </ul>
 */
public record Layer(String name, String sourceOp, String subgraph, LayerKind kind, int inChannels, int outChannels,
        int inHeight, int inWidth, int outHeight, int outWidth, int kernel, int stride, BitWidths bits,
        Pruning pruning) {

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

    /** Hidden width of squeeze-excite: make_divisible(C/4), the MobileNetV3 rule on the expanded channels. */
    public int squeezeChannels() {
        return Channels.makeDivisible(inChannels / 4.0);
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
            case CONV, POINTWISE, FULLY_CONNECTED -> outPixels() * kernel * kernel * inChannels * outChannels;
            case DEPTHWISE -> outPixels() * kernel * kernel * outChannels;
            case SQUEEZE_EXCITE -> 2L * inChannels * squeezeChannels();
            case POOL, ADD -> 0;
        };
    }

    /** Weights before pruning (biases are folded with batch norm and not counted). */
    public long denseWeights() {
        return switch (kind) {
            case CONV, POINTWISE, FULLY_CONNECTED -> (long) kernel * kernel * inChannels * outChannels;
            case DEPTHWISE -> (long) kernel * kernel * outChannels;
            case SQUEEZE_EXCITE -> 2L * inChannels * squeezeChannels();
            case POOL, ADD -> 0;
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
     * channel scaling (two per input activation). Zero for the MAC layers.
     */
    public long elementOps() {
        return switch (kind) {
            case POOL -> outPixels() * Math.min(kernel, inHeight) * Math.min(kernel, inWidth) * outChannels;
            case ADD -> outputActivations();
            case SQUEEZE_EXCITE -> 2L * inputActivations();
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return name + " " + kind + " " + inChannels + "x" + inHeight + "x" + inWidth + " -> " + outChannels + "x"
                + outHeight + "x" + outWidth + " k" + kernel + " s" + stride + " " + bits
                + (pruning.isNone() ? "" : " pruned " + pruning);
    }
}
