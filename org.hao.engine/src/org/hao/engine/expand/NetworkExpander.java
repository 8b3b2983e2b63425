package org.hao.engine.expand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.model.Add;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpec;

/**
 * Turns a {@link NetworkSpec} plus per-subgraph choices into layers with inferred shapes. 'Same' padding everywhere:
 * out = ceil(in / stride). One pass over the ops with a hash map of op outputs, so linear in the number of layers.
 */
public final class NetworkExpander {
    /**
     * Most layers a network may expand to. Why: a typo such as {@code repeat 2147483647} would otherwise make every
     * validation run allocate layers until the process runs out of memory; real networks have a few hundred.
     */
    public static final int MAX_LAYERS = 100_000;

    private NetworkExpander() {
    }

    /**
     * Expands every subgraph; a subgraph missing from {@code choices} (or a null map) uses
     * {@link SubgraphChoice#base(SubgraphSpec)}.
     *
     * @throws ShapeException           when shapes do not fit (names the op)
     * @throws IllegalArgumentException when {@code choices} names a subgraph the network does not have
     */
    public static ExpandedNetwork expand(NetworkSpec network, Map<String, SubgraphChoice> choices) {
        Map<String, SubgraphChoice> given = choices == null ? Map.of() : choices;
        for (String key : given.keySet()) {
            if (network.subgraphs().stream().noneMatch(s -> s.name().equals(key))) {
                throw new IllegalArgumentException("choices name subgraph '" + key + "' which network "
                        + network.name() + " does not have");
            }
        }
        Run run = new Run(network.input());
        List<ExpandedSubgraph> subgraphs = new ArrayList<>(network.subgraphs().size());
        for (SubgraphSpec spec : network.subgraphs()) {
            SubgraphChoice choice = given.get(spec.name());
            subgraphs.add(run.subgraph(spec, choice != null ? choice : SubgraphChoice.base(spec)));
        }
        return new ExpandedNetwork(network, subgraphs);
    }

    /** Base expansion (every subgraph as written, INT8, unpruned). */
    public static ExpandedNetwork expand(NetworkSpec network) {
        return expand(network, Map.of());
    }

    /** State of one expansion: the running tensor and every op output seen so far (for residual adds). */
    private static final class Run {
        private int layerCount;
        private final Map<String, Shape> outputsByOp = new HashMap<>();
        private final Map<String, String> subgraphByOp = new HashMap<>();
        private Shape current;
        private SubgraphSpec spec;
        private SubgraphChoice choice;
        private List<Layer> layers;

        Run(Shape input) {
            this.current = input;
        }

        ExpandedSubgraph subgraph(SubgraphSpec subgraph, SubgraphChoice subgraphChoice) {
            for (String op : subgraphChoice.opsWithOwnChoices()) {
                // per-op choices must name an op of this subgraph: a typo would silently change nothing
                if (subgraph.ops().stream().noneMatch(o -> o.name().equals(op))) {
                    throw new IllegalArgumentException("per-op choice (pruning or bits) names op '" + op
                            + "' which subgraph " + subgraph.name() + " does not have");
                }
            }
            this.spec = subgraph;
            this.choice = subgraphChoice;
            this.layers = new ArrayList<>();
            Shape input = current;
            for (OpSpec op : subgraph.ops()) {
                register(op.name());
                switch (op) {
                    case Conv c -> conv(c);
                    case Depthwise d -> depthwise(d.name(), d.name(), d.kernel(), d.stride());
                    case Pointwise p -> pointwise(p.name(), p.name(), Channels.scale(p.outChannels(),
                            choice.widthMultiplier()));
                    case FullyConnected f -> fullyConnected(f);
                    case Pool p -> pool(p);
                    case Add a -> add(a.name(), a.name(), a.from(), outputsByOp.get(a.from()));
                    case MBConv m -> mbconv(m);
                }
                outputsByOp.put(op.name(), current);
            }
            return new ExpandedSubgraph(subgraph, subgraphChoice, input, layers, current);
        }

        private void register(String opName) {
            String earlier = subgraphByOp.putIfAbsent(opName, spec.name());
            if (earlier != null) {
                throw new ShapeException(opName, "duplicate op name '" + opName + "' (already used in subgraph '"
                        + earlier + "')");
            }
        }

        private void conv(Conv c) {
            int out = Channels.scale(c.outChannels(), choice.widthMultiplier());
            Shape next = spatial(c.name(), out, c.stride());
            emit(c.name(), c.name(), LayerKind.CONV, next, c.kernel(), c.stride(), choice.pruningFor(c.name()));
        }

        private void depthwise(String layerName, String opName, int kernel, int stride) {
            Shape next = spatial(opName, current.channels(), stride);
            emit(layerName, opName, LayerKind.DEPTHWISE, next, kernel, stride, Pruning.NONE);
        }

        private void pointwise(String layerName, String opName, int outChannels) {
            Shape next = new Shape(outChannels, current.height(), current.width());
            emit(layerName, opName, LayerKind.POINTWISE, next, 1, 1, choice.pruningFor(opName));
        }

        private void fullyConnected(FullyConnected f) {
            long features = current.elements();
            if (features > Integer.MAX_VALUE) {
                throw new ShapeException(f.name(), "fully connected input " + current + " has " + features
                        + " features, more than " + Integer.MAX_VALUE + "; add a pool first");
            }
            Shape flat = new Shape((int) features, 1, 1);
            current = flat;
            emit(f.name(), f.name(), LayerKind.FULLY_CONNECTED, new Shape(f.outFeatures(), 1, 1), 1, 1,
                    choice.pruningFor(f.name()));
        }

        private void pool(Pool p) {
            if (p.global()) {
                // A global pool is one window covering the whole map: kernel = stride = the larger side.
                int window = Math.max(current.height(), current.width());
                emit(p.name(), p.name(), LayerKind.POOL, new Shape(current.channels(), 1, 1), window, window,
                        Pruning.NONE);
            } else {
                Shape next = spatial(p.name(), current.channels(), p.stride());
                emit(p.name(), p.name(), LayerKind.POOL, next, p.kernel(), p.stride(), Pruning.NONE);
            }
        }

        private void add(String layerName, String opName, String from, Shape residual) {
            if (residual == null) {
                throw new ShapeException(opName, "residual source '" + from + "' is not an op before '" + opName
                        + "'");
            }
            if (!residual.equals(current)) {
                throw new ShapeException(opName, "residual add of '" + from + "' with shape " + residual
                        + " to the running tensor with shape " + current + ": shapes (channels x height x width)"
                        + " must be equal");
            }
            emit(layerName, opName, LayerKind.ADD, current, 1, 1, Pruning.NONE);
        }

        private void mbconv(MBConv m) {
            int repeats = choice.depthFor(m);
            int kernel = choice.kernelFor(m);
            int expansion = choice.expansionFor(m);
            int out = Channels.scale(m.outChannels(), choice.widthMultiplier());
            for (int r = 0; r < repeats; r++) {
                String prefix = repeats == 1 ? m.name() : m.name() + "." + (r + 1);
                int stride = r == 0 ? m.stride() : 1; // only the first repetition downsamples
                Shape blockInput = current;
                if (expansion != 1) {
                    int hidden;
                    try {
                        hidden = Math.multiplyExact(blockInput.channels(), expansion);
                    } catch (ArithmeticException e) {
                        throw new ShapeException(m.name(), "expanded channels " + blockInput.channels() + " x "
                                + expansion + " overflow");
                    }
                    pointwise(prefix + ".expand", m.name(), hidden);
                }
                depthwise(prefix + ".dw", m.name(), kernel, stride);
                if (m.squeezeExcite()) {
                    emit(prefix + ".se", m.name(), LayerKind.SQUEEZE_EXCITE, current, 1, 1, Pruning.NONE);
                }
                pointwise(prefix + ".project", m.name(), out);
                if (stride == 1 && blockInput.channels() == out) {
                    add(prefix + ".add", m.name(), prefix + " input", blockInput);
                }
            }
        }

        /**
         * Output shape of a windowed op with 'same' padding: ceil(n / stride) per axis. An axis of length 1 (the H of
         * a 1 x N map: 1-D signals) stays 1 under any stride, so {@code stride 2} on 1 x N gives 1 x ceil(N/2). A
         * stride larger than an axis longer than 1 is still rejected: the stride would step past the end of the
         * map after its first window, so the rest of the map would be read by no window (e.g. stride 64 on 32 x 32).
         */
        private Shape spatial(String opName, int channels, int stride) {
            if (tooLarge(stride, current.height()) || tooLarge(stride, current.width())) {
                throw new ShapeException(opName, "stride " + stride + " is larger than the " + current.height() + "x"
                        + current.width() + " feature map (input shape " + current + ")");
            }
            return new Shape(channels, ceilDiv(current.height(), stride), ceilDiv(current.width(), stride));
        }

        /** A stride that skips past an axis longer than one: see {@link #spatial}. */
        private static boolean tooLarge(int stride, int axis) {
            return axis > 1 && stride > axis;
        }

        private void emit(String layerName, String opName, LayerKind kind, Shape out, int kernel, int stride,
                Pruning pruning) {
            if (++layerCount > MAX_LAYERS) {
                throw new ShapeException(opName, "the network expands to more than " + MAX_LAYERS
                        + " layers (check repeat counts and depths)");
            }
            layers.add(new Layer(layerName, opName, spec.name(), kind, current.channels(), out.channels(),
                    current.height(), current.width(), out.height(), out.width(), kernel, stride, choice.bitsFor(opName),
                    pruning));
            current = out;
        }

        private static int ceilDiv(int a, int b) {
            return a / b + (a % b == 0 ? 0 : 1); // (a + b - 1) / b overflows for sizes near 2^31
        }
    }
}
