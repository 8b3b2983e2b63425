package org.hao.engine.expand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Padding;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SeReference;
import org.hao.engine.model.Shape;
import org.hao.engine.model.Shuffle;
import org.hao.engine.model.Split;
import org.hao.engine.model.SqueezeExcite;
import org.hao.engine.model.SubgraphSpec;

/**
 * Turns a {@link NetworkSpec} plus per-subgraph choices into layers with inferred shapes. Each op reads its named
 * inputs (earlier ops or {@link OpSpec#NETWORK_INPUT}) or, without names, the op written before it; output sizes
 * follow each op's {@link Padding}. One pass over the ops with a hash map of op outputs, so linear in the number of
 * layers. A reference to an op that is not earlier is an error (a cycle, or an op written out of order).
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
				throw new IllegalArgumentException(
						"choices name subgraph '" + key + "' which network " + network.name() + " does not have");
			}
		}
		Run run = new Run(network);
		List<ExpandedSubgraph> subgraphs = new ArrayList<>(network.subgraphs().size());
		for (SubgraphSpec spec : network.subgraphs()) {
			SubgraphChoice choice = given.get(spec.name());
			subgraphs.add(run.subgraph(spec, choice != null ? choice : SubgraphChoice.base(spec)));
		}
		return new ExpandedNetwork(network, withLiveOutputs(subgraphs));
	}

	/**
	 * Marks in each subgraph the layers whose output an op of a later subgraph reads by name (the last layer of the
	 * named op), except the subgraph's last layer, which every subgraph hands on anyway.
	 */
	private static List<ExpandedSubgraph> withLiveOutputs(List<ExpandedSubgraph> subgraphs) {
		List<ExpandedSubgraph> out = new ArrayList<>(subgraphs.size());
		for (int i = 0; i < subgraphs.size(); i++) {
			ExpandedSubgraph sg = subgraphs.get(i);
			java.util.Set<String> readLater = new java.util.HashSet<>();
			for (ExpandedSubgraph later : subgraphs.subList(i + 1, subgraphs.size())) {
				later.spec().ops().forEach(op -> readLater.addAll(op instanceof Add a ? a.operands() : op.inputs()));
			}
			Map<String, Layer> lastOfOp = new HashMap<>();
			sg.layers().forEach(l -> lastOfOp.put(l.sourceOp(), l));
			Layer last = sg.layers().isEmpty() ? null : sg.layers().get(sg.layers().size() - 1);
			List<Layer> live = sg.spec().ops().stream().filter(op -> readLater.contains(op.name()))
					.map(op -> lastOfOp.get(op.name())).filter(l -> l != null && l != last).toList();
			out.add(live.isEmpty() ? sg
					: new ExpandedSubgraph(sg.spec(), sg.choice(), sg.input(), sg.layers(), sg.output(), live));
		}
		return out;
	}

	/** Base expansion (every subgraph as written, INT8, unpruned). */
	public static ExpandedNetwork expand(NetworkSpec network) {
		return expand(network, Map.of());
	}

	/** A tensor: its shape and the layer that writes it ({@link OpSpec#NETWORK_INPUT} for the network input). */
	private record Tensor(String op, String layer, Shape shape) {
	}

	/** State of one expansion: the running tensor and every op output seen so far. */
	private static final class Run {
		private int layerCount;
		private final Map<String, Tensor> outputsByOp = new HashMap<>();
		private final Map<String, String> subgraphByOp = new HashMap<>();
		private final NetworkSpec network;
		private Tensor current;
		private SubgraphSpec spec;
		private SubgraphChoice choice;
		private List<Layer> layers;

		Run(NetworkSpec network) {
			this.network = network;
			this.current = new Tensor(OpSpec.NETWORK_INPUT, OpSpec.NETWORK_INPUT, network.input());
			outputsByOp.put(OpSpec.NETWORK_INPUT, current);
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
			Shape input = firstInput(subgraph.ops().get(0)).shape();
			for (OpSpec op : subgraph.ops()) {
				register(op.name());
				List<Tensor> ins = inputsOf(op);
				current = ins.get(0);
				switch (op) {
					case Conv c -> conv(c);
					case Depthwise d -> depthwise(d.name(), d.name(), d.kernel(), d.stride(), d.dilation(), d.padding(),
							d.activation());
					case Pointwise p -> pointwise(p.name(), p.name(),
							Channels.scale(p.outChannels(), choice.widthMultiplier()), p.groups(), p.activation());
					case FullyConnected f -> fullyConnected(f);
					case Pool p -> pool(p);
					case Add a -> add(a.name(), a.name(), ins, a.activation());
					case MBConv m -> mbconv(m);
					case Concat c -> concat(c, ins);
					case Split s -> split(s);
					case Shuffle s -> shuffle(s);
					case SqueezeExcite s -> emit(s.name(), s.name(), LayerKind.SQUEEZE_EXCITE, current.shape(), 1, 1,
							Pruning.NONE, List.of(current), 1, 1, Activation.NONE, s.hidden());
				}
				outputsByOp.put(op.name(), current);
			}
			return new ExpandedSubgraph(subgraph, subgraphChoice, input, layers, current.shape());
		}

		private Tensor firstInput(OpSpec op) {
			return op.inputs().isEmpty() ? current : resolve(op, op.inputs().get(0));
		}

		/** The tensors an op reads: its named inputs, or the previous op's output (an ADD adds its 'from'). */
		private List<Tensor> inputsOf(OpSpec op) {
			List<String> names = op instanceof Add a ? a.operands() : op.inputs();
			List<Tensor> ins = new ArrayList<>(names.size() + 1);
			if (op.inputs().isEmpty()) {
				ins.add(current);
			}
			for (String name : names) {
				ins.add(resolve(op, name));
			}
			return ins;
		}

		private Tensor resolve(OpSpec op, String name) {
			Tensor t = outputsByOp.get(name);
			if (t != null) {
				return t;
			}
			if (name.equals(op.name())) {
				throw new ShapeException(op.name(), "op '" + op.name() + "' reads its own output (a cycle)");
			}
			List<String> cycle = NetworkGraph.cycleThrough(network, op.name());
			if (!cycle.isEmpty()) {
				throw new ShapeException(op.name(), "op '" + op.name() + "' reads '" + name + "', which comes later"
						+ " and depends on it: cycle " + String.join(" -> ", cycle));
			}
			if (NetworkGraph.opNames(network).contains(name)) {
				throw new ShapeException(op.name(), "op '" + op.name() + "' reads '" + name
						+ "', which comes later; an op may read only earlier ops (move '" + name + "' before it)");
			}
			throw new ShapeException(op.name(), "op '" + op.name() + "' reads '" + name + "', which is not an op of"
					+ " network " + network.name());
		}

		private void register(String opName) {
			if (opName.equals(OpSpec.NETWORK_INPUT)) {
				throw new ShapeException(opName,
						"'" + OpSpec.NETWORK_INPUT + "' names the network input; choose" + " another op name");
			}
			String earlier = subgraphByOp.putIfAbsent(opName, spec.name());
			if (earlier != null) {
				throw new ShapeException(opName,
						"duplicate op name '" + opName + "' (already used in subgraph '" + earlier + "')");
			}
		}

		private void conv(Conv c) {
			int out = Channels.scale(c.outChannels(), choice.widthMultiplier());
			checkGroups(c.name(), c.groups(), current.shape().channels(), out);
			Shape next = spatial(c.name(), out, c.kernel(), c.stride(), c.dilation(), c.padding(), false);
			emit(c.name(), c.name(), LayerKind.CONV, next, c.kernel(), c.stride(), choice.pruningFor(c.name()),
					List.of(current), c.groups(), c.dilation(), c.activation(), 0);
		}

		private void checkGroups(String opName, int groups, int in, int out) {
			if (in % groups != 0 || out % groups != 0) {
				throw new ShapeException(opName,
						groups + " groups must divide the " + in + " input and " + out + " output channels");
			}
		}

		private void depthwise(String layerName, String opName, int kernel, int stride, int dilation, Padding padding,
				Activation activation) {
			Shape next = spatial(opName, current.shape().channels(), kernel, stride, dilation, padding, false);
			emit(layerName, opName, LayerKind.DEPTHWISE, next, kernel, stride, Pruning.NONE, List.of(current), 1,
					dilation, activation, 0);
		}

		private void pointwise(String layerName, String opName, int outChannels, int groups, Activation activation) {
			checkGroups(opName, groups, current.shape().channels(), outChannels);
			Shape next = new Shape(outChannels, current.shape().height(), current.shape().width());
			emit(layerName, opName, LayerKind.POINTWISE, next, 1, 1, choice.pruningFor(opName), List.of(current),
					groups, 1, activation, 0);
		}

		private void fullyConnected(FullyConnected f) {
			long features = current.shape().elements();
			if (features > Integer.MAX_VALUE) {
				throw new ShapeException(f.name(), "fully connected input " + current.shape() + " has " + features
						+ " features, more than " + Integer.MAX_VALUE + "; add a pool first");
			}
			Tensor in = current;
			current = new Tensor(in.op(), in.layer(), new Shape((int) features, 1, 1));
			emit(f.name(), f.name(), LayerKind.FULLY_CONNECTED, new Shape(f.outFeatures(), 1, 1), 1, 1,
					choice.pruningFor(f.name()), List.of(in), 1, 1, f.activation(), 0);
		}

		private void pool(Pool p) {
			Shape in = current.shape();
			if (p.global()) {
				// A global pool is one window covering the whole map: kernel = stride = the larger side.
				int window = Math.max(in.height(), in.width());
				emit(p.name(), p.name(), LayerKind.POOL, new Shape(in.channels(), 1, 1), window, window, Pruning.NONE,
						List.of(current), 1, 1, Activation.NONE, 0);
			} else {
				Shape next = spatial(p.name(), in.channels(), p.kernel(), p.stride(), 1, p.padding(), p.ceilMode());
				emit(p.name(), p.name(), LayerKind.POOL, next, p.kernel(), p.stride(), Pruning.NONE, List.of(current),
						1, 1, Activation.NONE, 0);
			}
		}

		private void add(String layerName, String opName, List<Tensor> ins, Activation activation) {
			Tensor first = ins.get(0);
			for (Tensor other : ins.subList(1, ins.size())) {
				if (!other.shape().equals(first.shape())) {
					throw new ShapeException(opName,
							"add '" + opName + "' of '" + first.op() + "' with shape " + first.shape() + " and '"
									+ other.op() + "' with shape " + other.shape()
									+ ": shapes (channels x height x width) must be equal");
				}
			}
			current = first;
			emit(layerName, opName, LayerKind.ADD, first.shape(), 1, 1, Pruning.NONE, ins, 1, 1, activation, 0);
		}

		private void concat(Concat c, List<Tensor> ins) {
			Tensor first = ins.get(0);
			long channels = 0;
			for (Tensor t : ins) {
				if (t.shape().height() != first.shape().height() || t.shape().width() != first.shape().width()) {
					throw new ShapeException(c.name(),
							"concat '" + c.name() + "' of '" + first.op() + "' with shape " + first.shape() + " and '"
									+ t.op() + "' with shape " + t.shape() + ": heights and widths must be equal");
				}
				channels += t.shape().channels();
			}
			if (channels > Integer.MAX_VALUE) {
				throw new ShapeException(c.name(), "concat '" + c.name() + "' has " + channels + " channels");
			}
			Shape out = new Shape((int) channels, first.shape().height(), first.shape().width());
			current = new Tensor(first.op(), first.layer(), out); // a concat layer's inChannels are the sum
			emit(c.name(), c.name(), LayerKind.CONCAT, out, 1, 1, Pruning.NONE, ins, 1, 1, Activation.NONE, 0);
		}

		private void split(Split s) {
			Shape in = current.shape();
			if (in.channels() % s.parts() != 0) {
				throw new ShapeException(s.name(), "split '" + s.name() + "': " + in.channels()
						+ " channels do not split into " + s.parts() + " equal parts");
			}
			emit(s.name(), s.name(), LayerKind.SPLIT, new Shape(in.channels() / s.parts(), in.height(), in.width()), 1,
					1, Pruning.NONE, List.of(current), 1, 1, Activation.NONE, 0);
		}

		private void shuffle(Shuffle s) {
			Shape in = current.shape();
			if (in.channels() % s.groups() != 0) {
				throw new ShapeException(s.name(), "shuffle '" + s.name() + "': " + s.groups()
						+ " groups do not divide " + in.channels() + " channels");
			}
			emit(s.name(), s.name(), LayerKind.SHUFFLE, in, 1, 1, Pruning.NONE, List.of(current), s.groups(), 1,
					Activation.NONE, 0);
		}

		private void mbconv(MBConv m) {
			int repeats = choice.depthFor(m);
			int kernel = choice.kernelFor(m);
			double expansion = choice.expansionFor(m);
			int out = Channels.scale(m.outChannels(), choice.widthMultiplier());
			for (int r = 0; r < repeats; r++) {
				String prefix = repeats == 1 ? m.name() : m.name() + "." + (r + 1);
				int stride = r == 0 ? m.stride() : 1; // only the first repetition downsamples
				Tensor blockInput = current;
				int inChannels = blockInput.shape().channels();
				if (expansion != 1) {
					long hidden = Math.round(inChannels * expansion);
					if (hidden > Integer.MAX_VALUE) {
						throw new ShapeException(m.name(),
								"expanded channels "
										+ inChannels + " x " + (expansion == Math.rint(expansion)
												? Long.toString((long) expansion) : Double.toString(expansion))
										+ " overflow");
					}
					pointwise(prefix + ".expand", m.name(), Math.max(1, (int) hidden), 1, m.activation());
				}
				depthwise(prefix + ".dw", m.name(), kernel, stride, 1, Padding.SAME, m.activation());
				if (m.squeezeExcite()) {
					int expanded = current.shape().channels();
					int hidden = m.seReference() == SeReference.BLOCK_INPUT
							? Math.max(1, (int) Math.floor(inChannels * m.seRatio()))
							: Channels.makeDivisible(Math.floor(expanded * m.seRatio()));
					emit(prefix + ".se", m.name(), LayerKind.SQUEEZE_EXCITE, current.shape(), 1, 1, Pruning.NONE,
							List.of(current), 1, 1, Activation.NONE, hidden);
				}
				pointwise(prefix + ".project", m.name(), out, 1, Activation.NONE);
				if (stride == 1 && inChannels == out) {
					add(prefix + ".add", m.name(), List.of(current, blockInput), Activation.NONE);
				}
			}
		}

		/**
		 * Output shape of a windowed op under its padding; rejects windows that do not fit. An axis of length 1 (the
		 * H of a 1 x N map: 1-D signals) stays 1 under any stride with 'same' padding; a stride larger than an axis
		 * longer than 1 is rejected: the stride would step past the end of the map after its first window, so the
		 * rest of the map would be read by no window (e.g. stride 64 on 32 x 32).
		 */
		private Shape spatial(String opName, int channels, int kernel, int stride, int dilation, Padding padding,
				boolean ceil) {
			Shape in = current.shape();
			if (tooLarge(stride, in.height()) || tooLarge(stride, in.width())) {
				throw new ShapeException(opName, "stride " + stride + " is larger than the " + in.height() + "x"
						+ in.width() + " feature map (input shape " + in + ")");
			}
			long h = padding.outputSize(in.height(), kernel, stride, dilation, true, ceil);
			long w = padding.outputSize(in.width(), kernel, stride, dilation, false, ceil);
			if (h < 1 || w < 1) {
				throw new ShapeException(opName,
						"window " + kernel + "x" + kernel + (dilation == 1 ? "" : " (dilation " + dilation + ")")
								+ " with padding " + padding + " does not fit the " + in.height() + "x" + in.width()
								+ " feature map (input shape " + in + ")");
			}
			return new Shape(channels, (int) h, (int) w);
		}

		/** A stride that skips past an axis longer than one: see {@link #spatial}. */
		private static boolean tooLarge(int stride, int axis) {
			return axis > 1 && stride > axis;
		}

		private void emit(String layerName, String opName, LayerKind kind, Shape out, int kernel, int stride,
				Pruning pruning, List<Tensor> ins, int groups, int dilation, Activation activation, int squeeze) {
			if (++layerCount > MAX_LAYERS) {
				throw new ShapeException(opName,
						"the network expands to more than " + MAX_LAYERS + " layers (check repeat counts and depths)");
			}
			Shape in = current.shape();
			layers.add(new Layer(layerName, opName, spec.name(), kind, in.channels(), out.channels(), in.height(),
					in.width(), out.height(), out.width(), kernel, stride, choice.bitsFor(opName), pruning,
					ins.stream().map(Tensor::layer).toList(), ins.stream().map(Tensor::shape).toList(), groups,
					dilation, activation, squeeze));
			current = new Tensor(opName, layerName, out);
		}
	}
}
