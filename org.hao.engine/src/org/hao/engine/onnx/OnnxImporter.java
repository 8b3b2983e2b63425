package org.hao.engine.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Padding;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Shape;
import org.hao.engine.model.Shuffle;
import org.hao.engine.model.Split;
import org.hao.engine.model.SqueezeExcite;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hao.engine.onnx.proto.OnnxProto.GraphProto;
import org.hao.engine.onnx.proto.OnnxProto.ModelProto;
import org.hao.engine.onnx.proto.OnnxProto.NodeProto;
import org.hao.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hao.engine.onnx.proto.OnnxProto.TensorProto;
import org.hao.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hao.engine.onnx.proto.OnnxProto.ValueInfoProto;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Turns an ONNX classifier (ai.onnx opsets 11-18; weights as initializers or as graph inputs, only their shapes are
 * read) into a {@link NetworkSpec}. Parsed with the protobuf runtime and classes generated from ONNX's own
 * {@code onnx.proto}. Supported: Conv (groups, pads, strides, dilations; depthwise and 1x1 recognised), Gemm / MatMul,
 * BatchNormalization (folded), Relu / Clip / HardSwish / HardSigmoid / Sigmoid (activations of the op before; Sigmoid
 * x Mul = SiLU), squeeze-excite (GlobalAveragePool, 1x1 Conv, activation, 1x1 Conv, gate, Mul), Add, Concat, Split
 * into equal parts, Slice of channels (one equal part), Reshape + Transpose channel shuffle, GlobalAveragePool /
 * ReduceMean over H, W, MaxPool / AveragePool, Pad (folded into the next window), Flatten / Reshape before a fully
 * connected layer; Dropout, Identity and Constant dropped. Integer shape arithmetic computed at run time (Shape,
 * Gather, Unsqueeze, Concat, Div, ... as torchvision's ShuffleNetV2 exports {@code x.chunk(2, dim=1)}) is folded by
 * {@link ShapeArithmetic}, since the input has fixed sizes. Anything else is an {@link OnnxImportException} naming the node and its op type.
 * Op names are the PyTorch module paths of the nodes with '.' as '_' ({@code layer1_0_conv1}).
 */
public final class OnnxImporter {
	/** Opsets whose operators this importer reads (attributes and inputs as defined there). */
	public static final int MIN_OPSET = 11;
	public static final int MAX_OPSET = 18;

	/** How ops are grouped into subgraphs. */
	public enum Subgraphs {
		/** A new subgraph wherever the output resolution drops (stem, stages, head). */
		STAGE,
		/** One subgraph with every op. */
		NONE
	}

	private final GraphProto graph;
	private final String networkName;
	private final int opset;
	private final Map<String, TensorProto> constants = new HashMap<>();
	private final Map<String, List<Long>> dims = new HashMap<>();
	private final Map<String, List<NodeProto>> consumers = new HashMap<>();
	private final Map<String, String> producerOp = new HashMap<>();
	private final Map<String, int[]> pendingPads = new HashMap<>();
	private final Map<String, Draft> drafts = new LinkedHashMap<>();
	private final Set<NodeProto> done = new HashSet<>();
	private final Set<String> usedNames = new HashSet<>();
	private final List<String> notes = new ArrayList<>();
	private final ShapeArithmetic shapes = new ShapeArithmetic();
	/** Feature maps flattened or reshaped for a fully connected layer: their producer's shape is not theirs. */
	private final Set<String> reshaped = new HashSet<>();
	private String inputName;
	private Shape networkInputShape;
	private String last;

	/** An op under construction (its activation may still be set by a following node). */
	private static final class Draft {
		final String name;
		final String outputTensor;
		OpSpec op;
		Activation activation = Activation.NONE;
		final boolean takesActivation;

		Draft(String name, String outputTensor, OpSpec op, boolean takesActivation) {
			this.name = name;
			this.outputTensor = outputTensor;
			this.op = op;
			this.takesActivation = takesActivation;
		}
	}

	private OnnxImporter(ModelProto model, String networkName) {
		this.graph = model.getGraph();
		this.networkName = networkName;
		this.opset = opsetOf(model);
	}

	/** Reads {@code file}; the network is named after the file. */
	public static ImportedNetwork read(Path file, Subgraphs subgraphs) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
			return read(in, name(stem, "model"), subgraphs);
		}
	}

	/** Reads a serialized ModelProto. */
	public static ImportedNetwork read(InputStream in, String networkName, Subgraphs subgraphs) throws IOException {
		ModelProto model;
		try {
			model = ModelProto.parseFrom(in);
		} catch (InvalidProtocolBufferException e) {
			throw new OnnxImportException("not an ONNX model (protobuf: " + e.getMessage() + ")", e);
		}
		if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
			throw new OnnxImportException("the ONNX model has no graph nodes");
		}
		return new OnnxImporter(model, networkName).run(subgraphs);
	}

	private static int opsetOf(ModelProto model) {
		for (OperatorSetIdProto o : model.getOpsetImportList()) {
			if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
				int v = (int) o.getVersion();
				if (v < MIN_OPSET || v > MAX_OPSET) {
					throw new OnnxImportException("opset " + v + " is not supported (ai.onnx opsets " + MIN_OPSET + "-"
							+ MAX_OPSET + "); re-export with opset_version in that range");
				}
				return v;
			}
		}
		throw new OnnxImportException("the model imports no ai.onnx opset");
	}

	private ImportedNetwork run(Subgraphs mode) {
		for (TensorProto t : graph.getInitializerList()) {
			constants.put(t.getName(), t);
			dims.put(t.getName(), t.getDimsList());
			foldable(t.getName(), t);
		}
		for (ValueInfoProto v : graph.getInputList()) {
			if (!dims.containsKey(v.getName()) && v.getType().hasTensorType()) {
				dims.put(v.getName(), shapeOf(v));
			}
		}
		for (NodeProto n : graph.getNodeList()) {
			for (String in : n.getInputList()) {
				consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
			}
		}
		Shape input = networkInput();
		networkInputShape = input;
		producerOp.put(inputName, OpSpec.NETWORK_INPUT);
		for (NodeProto n : graph.getNodeList()) {
			if (!done.contains(n)) {
				node(n);
			}
		}
		if (drafts.isEmpty()) {
			throw new OnnxImportException("the model has no conv, fully connected or pooling layer");
		}
		List<OpSpec> ops = drafts.values().stream().map(OnnxImporter::build).toList();
		NetworkSpec flat = new NetworkSpec(networkName, input,
				List.of(new SubgraphSpec("body", ExecutionMode.SEQUENTIAL, ops, SubgraphSpace.NONE)));
		NetworkSpec network = mode == Subgraphs.STAGE ? byStage(flat) : flat;
		return new ImportedNetwork(network, opset, notes);
	}

	/** The data input: the first graph input that is no initializer and no weight of a node. */
	private Shape networkInput() {
		for (ValueInfoProto v : graph.getInputList()) {
			if (constants.containsKey(v.getName()) || isWeight(v.getName())) {
				continue;
			}
			List<Long> d = shapeOf(v);
			if (d.size() != 4 || d.stream().anyMatch(x -> x <= 0)) {
				throw new OnnxImportException("graph input '" + v.getName() + "' has shape " + d
						+ "; a 1 x C x H x W image input with fixed sizes is needed");
			}
			inputName = v.getName();
			return new Shape(Math.toIntExact(d.get(1)), Math.toIntExact(d.get(2)), Math.toIntExact(d.get(3)));
		}
		throw new OnnxImportException("the model has no data input");
	}

	/** A tensor read as a weight / parameter (input 1+ of Conv, Gemm, MatMul, BatchNormalization, directly or via Identity). */
	private boolean isWeight(String tensor) {
		for (NodeProto c : consumers.getOrDefault(tensor, List.of())) {
			if (c.getOpType().equals("Identity")) {
				if (isWeight(c.getOutput(0))) {
					return true;
				}
			} else if (c.getInputCount() > 1 && !c.getInput(0).equals(tensor)) {
				return true;
			}
		}
		return false;
	}

	private static List<Long> shapeOf(ValueInfoProto v) {
		List<Long> d = new ArrayList<>();
		for (TensorShapeProto.Dimension dim : v.getType().getTensorType().getShape().getDimList()) {
			d.add(dim.hasDimValue() ? dim.getDimValue() : -1L);
		}
		return d;
	}

	// ------------------------------------------------------------------ nodes

	private void node(NodeProto n) {
		if (shapes.foldable(n)) {
			shapes.fold(n, opset, why -> unsupported(n, why));
			return;
		}
		switch (n.getOpType()) {
			case "Identity", "Dropout" -> alias(n);
			case "Constant" -> constant(n);
			case "BatchNormalization" -> {
				alias(n);
				notes.add("BatchNormalization folded into the op before it (no MACs or weights counted)");
			}
			case "Flatten" -> {
				alias(n);
				reshaped.add(n.getOutput(0));
			}
			case "Reshape" -> reshape(n);
			case "Shape" -> shapes.shape(n, dimsOf(n, n.getInput(0)));
			case "Slice" -> slice(n);
			case "Conv" -> conv(n);
			case "Gemm", "MatMul" -> fullyConnected(n);
			case "Relu", "Clip", "HardSwish", "HardSigmoid", "Sigmoid" -> activation(n);
			case "Add" -> add(n);
			case "Concat" -> concat(n);
			case "Split" -> split(n);
			case "MaxPool", "AveragePool" -> pool(n);
			case "GlobalAveragePool", "ReduceMean", "GlobalMaxPool" -> globalPool(n);
			case "Pad" -> pad(n);
			default -> throw unsupported(n, "op type not supported");
		}
	}

	private OnnxImportException unsupported(NodeProto n, String why) {
		return new OnnxImportException("node '" + n.getName() + "' (" + n.getOpType() + "): " + why);
	}

	private void alias(NodeProto n) {
		String from = n.getInput(0);
		if (dims.containsKey(from) && !producerOp.containsKey(from)) {
			dims.put(n.getOutput(0), dims.get(from)); // a weight passed on
			if (constants.containsKey(from)) {
				constants.put(n.getOutput(0), constants.get(from));
			}
			return;
		}
		if (constants.containsKey(from)) {
			constants.put(n.getOutput(0), constants.get(from));
			return;
		}
		producerOp.put(n.getOutput(0), op(n, from));
		if (pendingPads.containsKey(from)) {
			pendingPads.put(n.getOutput(0), pendingPads.get(from));
		}
	}

	private void constant(NodeProto n) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals("value")) {
				constants.put(n.getOutput(0), a.getT());
				dims.put(n.getOutput(0), a.getT().getDimsList());
				foldable(n.getOutput(0), a.getT());
				return;
			}
		}
		throw unsupported(n, "constant without a tensor 'value'");
	}

	/** An integer scalar or vector (a shape, an index, an axis) is known to the shape arithmetic. */
	private void foldable(String name, TensorProto t) {
		boolean integer = t.getDataType() == TensorProto.DataType.INT64_VALUE
				|| t.getDataType() == TensorProto.DataType.INT32_VALUE;
		if (integer && t.getDimsCount() <= 1) {
			List<Long> v = intValues(t);
			if (v != null) {
				shapes.put(name, new ShapeArithmetic.Ints(v.stream().mapToLong(Long::longValue).toArray(),
						t.getDimsCount() == 0));
			}
		}
	}

	/**
	 * The dimensions of a tensor: a graph input's or weight's as declared, a feature map's (1 x C x H x W, or 1 x F
	 * after a fully connected layer) from the shapes of the ops imported so far.
	 */
	private List<Long> dimsOf(NodeProto n, String tensor) {
		if (!producerOp.containsKey(tensor) || tensor.equals(inputName)) {
			List<Long> d = dims.get(tensor);
			if (d == null || d.stream().anyMatch(x -> x <= 0)) {
				throw unsupported(n, "the shape of '" + tensor + "' is not known");
			}
			return d;
		}
		if (reshaped.contains(tensor) || pendingPads.containsKey(tensor)) {
			throw unsupported(n, "the shape of the reshaped or padded tensor '" + tensor + "' is not known");
		}
		String op = op(n, tensor);
		List<OpSpec> ops = drafts.values().stream().map(OnnxImporter::build).toList();
		Layer last = null;
		try {
			NetworkSpec sofar = new NetworkSpec(networkName, networkInputShape,
					List.of(new SubgraphSpec("body", ExecutionMode.SEQUENTIAL, ops, SubgraphSpace.NONE)));
			for (Layer l : NetworkExpander.expand(sofar).layers()) {
				if (l.sourceOp().equals(op)) {
					last = l;
				}
			}
		} catch (RuntimeException e) {
			throw unsupported(n, "the shape of '" + tensor + "' cannot be inferred: " + e.getMessage());
		}
		if (last == null) {
			throw unsupported(n, "the shape of '" + tensor + "' is not known");
		}
		return last.kind() == org.hao.engine.model.LayerKind.FULLY_CONNECTED ? List.of(1L, (long) last.outChannels())
				: List.of(1L, (long) last.outChannels(), (long) last.outHeight(), (long) last.outWidth());
	}

	/** The HAO op whose output is {@code tensor}. */
	private String op(NodeProto n, String tensor) {
		String op = producerOp.get(tensor);
		if (op == null) {
			throw unsupported(n, "reads '" + tensor + "', which no supported node produces");
		}
		return op;
	}

	private String opName(NodeProto n, int dropSegments) {
		return opName(n, dropSegments, "");
	}

	/** The op name of a node's module path without its last {@code dropSegments} segments, plus {@code suffix}. */
	private String opName(NodeProto n, int dropSegments, String suffix) {
		String[] segments = n.getName().replaceFirst("^/", "").split("/");
		// scope segments name each module relative to its parent, repeating the parent's own name when nested in a
		// container: /layer2/layer2.0/downsample/downsample.0/Conv is module layer2.0.downsample.0
		String path = "";
		String previous = null;
		for (int i = 0; i < segments.length - dropSegments; i++) {
			String seg = segments[i];
			if (previous != null && seg.startsWith(previous + ".")) {
				path = path.substring(0, path.length() - previous.length()) + seg;
			} else {
				path = path.isEmpty() ? seg : path + "." + seg;
			}
			previous = seg;
		}
		String base = name(path.isEmpty() ? n.getOpType().toLowerCase(Locale.ROOT) + "_" + drafts.size() : path,
				n.getOpType().toLowerCase(Locale.ROOT)) + suffix;
		String unique = base;
		for (int i = 2; !usedNames.add(unique) || unique.equals(OpSpec.NETWORK_INPUT); i++) {
			unique = base + "_" + i;
		}
		return unique;
	}

	/** A HAO identifier from a module path: letters, digits and '_' only, starting with a letter. */
	static String name(String raw, String fallback) {
		String s = raw.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
		if (s.isEmpty()) {
			s = fallback;
		}
		return Character.isLetter(s.charAt(0)) ? s : "n" + s;
	}

	private void emit(NodeProto n, String name, OpSpec op, boolean takesActivation) {
		drafts.put(name, new Draft(name, n.getOutput(0), op, takesActivation));
		producerOp.put(n.getOutput(0), name);
		last = name;
	}

	/** Inputs as written: none when the op reads the op emitted just before it. */
	private List<String> inputs(String... ops) {
		if (ops.length == 1 && ops[0].equals(last)) {
			return List.of();
		}
		if (ops.length == 1 && last == null && ops[0].equals(OpSpec.NETWORK_INPUT)) {
			return List.of();
		}
		return List.of(ops);
	}

	// ------------------------------------------------------------------ layers

	private void conv(NodeProto n) {
		List<Long> w = weightDims(n, 1);
		if (w.size() != 4) {
			throw unsupported(n, "only 2-D convolutions are supported (weight shape " + w + ")");
		}
		int out = Math.toIntExact(w.get(0));
		int group = (int) intAttr(n, "group", 1);
		int[] k = kernel(n, w);
		int[] s = pair(n, "strides", 1);
		int[] d = pair(n, "dilations", 1);
		if (s[0] != s[1] || d[0] != d[1]) {
			throw unsupported(n, "strides and dilations must be equal along height and width");
		}
		String in = op(n, n.getInput(0));
		Padding padding = padding(n, n.getInput(0));
		String name = opName(n, 1);
		List<String> inputs = inputs(in);
		boolean noPad = padding.equals(Padding.of(0)) || padding.equals(Padding.VALID);
		OpSpec op;
		if (group > 1 && group == out && w.get(1) == 1) {
			op = new Depthwise(name, k[0], s[0], d[0], padding, Activation.NONE, inputs);
		} else if (k[0] == 1 && s[0] == 1 && d[0] == 1 && noPad) {
			op = new Pointwise(name, out, group, Activation.NONE, inputs);
		} else {
			op = new Conv(name, out, k[0], s[0], group, d[0], padding, Activation.NONE, inputs);
		}
		emit(n, name, op, true);
	}

	private int[] kernel(NodeProto n, List<Long> w) {
		int kh = Math.toIntExact(w.get(2));
		int kw = Math.toIntExact(w.get(3));
		if (kh != kw) {
			throw unsupported(n, "non-square kernel " + kh + "x" + kw + " is not supported");
		}
		return new int[]{kh, kw};
	}

	private List<Long> weightDims(NodeProto n, int index) {
		List<Long> d = dims.get(n.getInput(index));
		if (d == null || d.stream().anyMatch(x -> x <= 0)) {
			throw unsupported(n, "weight '" + n.getInput(index) + "' has no fixed shape (initializer or graph input)");
		}
		return d;
	}

	private void fullyConnected(NodeProto n) {
		List<Long> w = weightDims(n, 1);
		if (w.size() != 2) {
			throw unsupported(n, "weight of rank " + w.size() + "; a 2-D matrix is needed");
		}
		boolean transB = n.getOpType().equals("Gemm") && intAttr(n, "transB", 0) == 1;
		int out = Math.toIntExact(transB ? w.get(0) : w.get(1));
		String in = op(n, n.getInput(0));
		String name = opName(n, 1);
		emit(n, name, new FullyConnected(name, out, Activation.NONE, inputs(in)), true);
	}

	private void add(NodeProto n) {
		if (constants.containsKey(n.getInput(1))
				|| dims.containsKey(n.getInput(1)) && !producerOp.containsKey(n.getInput(1))) {
			alias(n); // a bias added after MatMul: folded
			return;
		}
		String a = op(n, n.getInput(0));
		String b = op(n, n.getInput(1));
		String name = opName(n, 1);
		emit(n, name, new Add(name, null, Activation.NONE, List.of(a, b)), true);
	}

	private void concat(NodeProto n) {
		if (n.getInputList().stream().allMatch(constants::containsKey)) {
			// constant data (Resize scales as floats): not evaluated; a node that reads it names itself
			return;
		}
		if (intAttr(n, "axis", 1) != 1) {
			throw unsupported(n, "only concatenation along channels (axis 1) is supported");
		}
		List<String> ins = new ArrayList<>();
		for (String t : n.getInputList()) {
			ins.add(op(n, t));
		}
		String name = opName(n, 1);
		if (ins.size() == 1) {
			producerOp.put(n.getOutput(0), ins.get(0));
			return;
		}
		emit(n, name, new Concat(name, ins), false);
	}

	/**
	 * Split along channels into equal parts: one {@code split} op per output. The sizes (attribute {@code split}
	 * before opset 13, input 2 from opset 13, {@code num_outputs} in opset 18) must be equal and cover the channels.
	 */
	private void split(NodeProto n) {
		if (intAttr(n, "axis", 0) != 1) {
			throw unsupported(n, "only splits along channels (axis 1) are supported");
		}
		String in = op(n, n.getInput(0));
		int parts = n.getOutputCount();
		List<Long> sizes = opset < 13 ? intsAttr(n, "split")
				: n.getInputCount() > 1 && !n.getInput(1).isEmpty() ? ints(n, n.getInput(1)) : List.of();
		long channels = dimsOf(n, n.getInput(0)).get(1);
		if (sizes.isEmpty() && channels % parts != 0) {
			throw unsupported(n, channels + " channels do not split into " + parts + " equal parts");
		}
		if (!sizes.isEmpty() && (sizes.size() != parts || sizes.stream().distinct().count() != 1
				|| sizes.get(0) * parts != channels)) {
			throw unsupported(n, "split of " + channels + " channels into " + sizes
					+ ": only equal parts that cover the channels are supported");
		}
		String base = opName(n, 1);
		for (int i = 0; i < parts; i++) {
			String name = base + "_" + (i + 1);
			usedNames.add(name);
			drafts.put(name, new Draft(name, n.getOutput(i),
					new Split(name, i + 1, parts, i == 0 ? inputs(in) : List.of(in)), false));
			producerOp.put(n.getOutput(i), name);
			last = name;
		}
	}

	/**
	 * Slice of channels ({@code x.chunk(k, dim=1)} as torchvision's ShuffleNetV2 exports it: bounds computed from the
	 * input's shape, folded by {@link ShapeArithmetic}): channels [start, end) with step 1 must be one of equal parts,
	 * and become that {@code split} op; a slice of all channels is dropped.
	 */
	private void slice(NodeProto n) {
		if (opset < 10 || n.getAttributeCount() > 0) {
			throw unsupported(n, "Slice with attributes (opset 1-9) is not supported");
		}
		String in = op(n, n.getInput(0));
		List<Long> d = dimsOf(n, n.getInput(0));
		ShapeArithmetic.Range r = ShapeArithmetic.range(n, d.size(), axis -> d.get((int) axis),
				why -> unsupported(n, why),
				i -> i < n.getInputCount() && !n.getInput(i).isEmpty() ? ints(n, n.getInput(i)) : null);
		if (r.axis() != 1 || r.step() != 1) {
			throw unsupported(n, "only slices of channels (axis 1) with step 1 are supported");
		}
		long channels = d.get(1);
		long width = r.end() - r.start();
		if (width <= 0 || channels % width != 0 || r.start() % width != 0) {
			throw unsupported(n,
					"channels [" + r.start() + ", " + r.end() + ") of " + channels + " are not one of equal parts");
		}
		if (width == channels) {
			producerOp.put(n.getOutput(0), in);
			return;
		}
		int parts = Math.toIntExact(channels / width);
		int part = Math.toIntExact(r.start() / width) + 1;
		String name = opName(n, 1, "_" + part);
		emit(n, name, new Split(name, part, parts, inputs(in)), false);
	}

	private void pool(NodeProto n) {
		int[] k = pair(n, "kernel_shape", 0);
		int[] s = pair(n, "strides", 1);
		if (k[0] <= 0 || k[0] != k[1] || s[0] != s[1]) {
			throw unsupported(n, "only square pooling windows with equal strides are supported");
		}
		String in = op(n, n.getInput(0));
		Padding padding = padding(n, n.getInput(0));
		boolean ceil = intAttr(n, "ceil_mode", 0) == 1;
		String name = opName(n, 1);
		PoolKind kind = n.getOpType().equals("MaxPool") ? PoolKind.MAX : PoolKind.AVG;
		emit(n, name, new Pool(name, kind, k[0], s[0], false, padding, ceil, inputs(in)), false);
	}

	private void globalPool(NodeProto n) {
		if (n.getOpType().equals("ReduceMean")) {
			List<Long> axes = intsAttr(n, "axes");
			if (axes.isEmpty() && n.getInputCount() > 1) {
				axes = ints(n, n.getInput(1));
			}
			if (!(axes.size() == 2 && axes.contains(2L) && axes.contains(3L))) {
				throw unsupported(n, "only a mean over height and width (axes 2, 3) is supported");
			}
		}
		if (squeezeExcite(n)) {
			return;
		}
		String in = op(n, n.getInput(0));
		String name = opName(n, 1);
		PoolKind kind = n.getOpType().equals("GlobalMaxPool") ? PoolKind.MAX : PoolKind.AVG;
		emit(n, name, new Pool(name, kind, 1, 1, true, Padding.SAME, false, inputs(in)), false);
	}

	/**
	 * Squeeze-excite: pool -> 1x1 Conv (C -> s) -> activation -> 1x1 Conv (s -> C) -> Sigmoid / HardSigmoid -> Mul
	 * with the pool's input. Becomes one {@code squeeze} op with hidden width s.
	 */
	private boolean squeezeExcite(NodeProto pool) {
		List<NodeProto> path = new ArrayList<>();
		NodeProto fc1 = sole(pool.getOutput(0), "Conv");
		if (fc1 == null) {
			return false;
		}
		path.add(fc1);
		String t = fc1.getOutput(0);
		List<NodeProto> next = consumers.getOrDefault(t, List.of());
		if (next.size() == 1 && Set.of("Relu", "Clip", "HardSwish").contains(next.get(0).getOpType())) {
			path.add(next.get(0));
			t = next.get(0).getOutput(0);
		} else if (next.size() == 2 && next.stream().anyMatch(c -> c.getOpType().equals("Sigmoid"))
				&& next.stream().anyMatch(c -> c.getOpType().equals("Mul"))) { // SiLU
			path.addAll(next);
			t = next.stream().filter(c -> c.getOpType().equals("Mul")).findFirst().orElseThrow().getOutput(0);
		} else {
			return false;
		}
		NodeProto fc2 = sole(t, "Conv");
		if (fc2 == null) {
			return false;
		}
		path.add(fc2);
		NodeProto gate = sole(fc2.getOutput(0), null);
		if (gate == null || !Set.of("Sigmoid", "HardSigmoid").contains(gate.getOpType())) {
			return false;
		}
		path.add(gate);
		NodeProto mul = sole(gate.getOutput(0), "Mul");
		String x = pool.getInput(0);
		if (mul == null || !(mul.getInput(0).equals(x) || mul.getInput(1).equals(x))) {
			return false;
		}
		path.add(mul);
		int hidden = Math.toIntExact(weightDims(fc1, 1).get(0));
		String name = opName(pool, 2);
		done.addAll(path);
		Draft d = new Draft(name, mul.getOutput(0), new SqueezeExcite(name, hidden, inputs(op(pool, x))), false);
		drafts.put(name, d);
		producerOp.put(mul.getOutput(0), name);
		last = name;
		return true;
	}

	/** The only consumer of {@code tensor} when it has that op type (any when null). */
	private NodeProto sole(String tensor, String opType) {
		List<NodeProto> c = consumers.getOrDefault(tensor, List.of());
		return c.size() == 1 && (opType == null || c.get(0).getOpType().equals(opType)) ? c.get(0) : null;
	}

	private void reshape(NodeProto n) {
		NodeProto transpose = sole(n.getOutput(0), "Transpose");
		if (transpose == null) {
			alias(n); // flattening before a fully connected layer
			reshaped.add(n.getOutput(0));
			return;
		}
		// channel shuffle: Reshape to [N, g, C/g, H, W], Transpose [0, 2, 1, 3, 4], Reshape back to [N, C, H, W]
		NodeProto back = sole(transpose.getOutput(0), "Reshape");
		if (!(constants.containsKey(n.getInput(1)) || shapes.has(n.getInput(1))) || back == null) {
			throw unsupported(n, "a channel shuffle (Reshape, Transpose, Reshape) needs constant shapes; this model"
					+ " computes them at run time (re-export with do_constant_folding=True)");
		}
		List<Long> shape = ints(n, n.getInput(1));
		if (shape.size() != 5 || !intsAttr(transpose, "perm").equals(List.of(0L, 2L, 1L, 3L, 4L))) {
			throw unsupported(n, "a Reshape / Transpose that is no channel shuffle (shape " + shape + ")");
		}
		String in = op(n, n.getInput(0));
		String name = opName(n, 1, "_shuffle");
		done.add(transpose);
		done.add(back);
		Draft d = new Draft(name, back.getOutput(0), new Shuffle(name, Math.toIntExact(shape.get(1)), inputs(in)),
				false);
		drafts.put(name, d);
		producerOp.put(back.getOutput(0), name);
		last = name;
	}

	private void pad(NodeProto n) {
		List<Long> pads = n.getInputCount() > 1 && !n.getInput(1).isEmpty() ? ints(n, n.getInput(1))
				: intsAttr(n, "pads");
		String mode = stringAttr(n, "mode", "constant");
		if (!mode.equals("constant") || pads.size() != 8 || pads.get(0) != 0 || pads.get(1) != 0 || pads.get(4) != 0
				|| pads.get(5) != 0) {
			throw unsupported(n, "only constant zero padding of height and width is supported (pads " + pads + ")");
		}
		producerOp.put(n.getOutput(0), op(n, n.getInput(0)));
		if (pads.stream().anyMatch(p -> p != 0)) {
			pendingPads.put(n.getOutput(0), new int[]{pads.get(2).intValue(), pads.get(3).intValue(),
					pads.get(6).intValue(), pads.get(7).intValue()});
		}
	}

	/** Padding of a Conv or pool: auto_pad, pads, plus a Pad node just before it. */
	private Padding padding(NodeProto n, String input) {
		String auto = stringAttr(n, "auto_pad", "NOTSET");
		int[] extra = pendingPads.getOrDefault(input, new int[4]);
		if (auto.startsWith("SAME")) {
			return Padding.SAME;
		}
		if (auto.equals("VALID") && extra[0] + extra[1] + extra[2] + extra[3] == 0) {
			return Padding.VALID;
		}
		List<Long> p = intsAttr(n, "pads");
		int[] pads = p.size() == 4
				? new int[]{p.get(0).intValue(), p.get(1).intValue(), p.get(2).intValue(), p.get(3).intValue()}
				: new int[4];
		return new Padding(Padding.Mode.EXPLICIT, pads[0] + extra[0], pads[1] + extra[1], pads[2] + extra[2],
				pads[3] + extra[3]);
	}

	// ------------------------------------------------------------------ activations

	private void activation(NodeProto n) {
		Activation a = switch (n.getOpType()) {
			case "Relu" -> Activation.RELU;
			case "Clip" -> clip(n);
			case "HardSwish" -> Activation.HSWISH;
			case "HardSigmoid" -> Activation.HSIGMOID;
			default -> Activation.SIGMOID;
		};
		String x = n.getInput(0);
		String out = n.getOutput(0);
		int readersOfInput = 1;
		if (a == Activation.SIGMOID) { // x * sigmoid(x) = SiLU
			NodeProto mul = sole(out, "Mul");
			if (mul != null && (mul.getInput(0).equals(x) || mul.getInput(1).equals(x))
					&& consumers.getOrDefault(x, List.of()).size() == 2) {
				a = Activation.SILU;
				readersOfInput = 2;
				done.add(mul);
				out = mul.getOutput(0);
			}
		}
		String op = op(n, x);
		Draft d = drafts.get(op);
		if (d != null && d.takesActivation && d.activation == Activation.NONE
				&& readers(d.outputTensor) == readersOfInput) {
			d.activation = a;
			producerOp.put(out, op);
			return;
		}
		if (a.isClamp()) {
			// a pre-activation (DenseNet: BN -> ReLU -> conv, the raw tensor also read elsewhere): a clamp in the
			// reading layer's input path costs nothing and changes no shape
			notes.add(n.getOpType() + " on a tensor that is also read elsewhere (a pre-activation, as in DenseNet):"
					+ " a clamp costs nothing, not written");
			producerOp.put(out, op);
			return;
		}
		throw unsupported(n, "activation on '" + op + "', whose output is also read elsewhere or which takes none");
	}

	/** Readers of a tensor, looking through nodes that only pass it on (Identity, BatchNormalization, Dropout). */
	private int readers(String tensor) {
		int n = 0;
		for (NodeProto c : consumers.getOrDefault(tensor, List.of())) {
			n += Set.of("Identity", "BatchNormalization", "Dropout").contains(c.getOpType()) ? readers(c.getOutput(0))
					: 1;
		}
		return n;
	}

	private Activation clip(NodeProto n) {
		double min = Double.NEGATIVE_INFINITY;
		double max = Double.POSITIVE_INFINITY;
		if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) {
			min = scalar(n, n.getInput(1));
		}
		if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
			max = scalar(n, n.getInput(2));
		}
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals("min")) {
				min = a.getF();
			} else if (a.getName().equals("max")) {
				max = a.getF();
			}
		}
		if (min == 0 && max == 6) {
			return Activation.RELU6;
		}
		if (min == 0 && Double.isInfinite(max)) {
			return Activation.RELU;
		}
		throw unsupported(n, "clip to [" + min + ", " + max + "] is neither ReLU nor ReLU6");
	}

	// ------------------------------------------------------------------ subgraphs

	/** Splits the op list where the output resolution drops: stem, one subgraph per stage, head. */
	private static NetworkSpec byStage(NetworkSpec flat) {
		ExpandedNetwork x = NetworkExpander.expand(flat);
		Map<String, Layer> lastLayer = new HashMap<>();
		for (Layer l : x.layers()) {
			lastLayer.put(l.sourceOp(), l);
		}
		List<SubgraphSpec> subgraphs = new ArrayList<>();
		List<OpSpec> current = new ArrayList<>();
		int resolution = -1;
		for (OpSpec op : flat.subgraphs().get(0).ops()) {
			Layer l = lastLayer.get(op.name());
			int r = l.outHeight();
			// a new stage where the resolution drops below the stage's; a branch still at the higher resolution
			// (ResNet / RegNet: the shortcut's projection is written before the block's first 1x1) stays with it
			if (r < resolution && !current.isEmpty()) {
				subgraphs.add(stage(subgraphs.size(), resolution, current));
				current = new ArrayList<>();
			}
			resolution = resolution < 0 || r < resolution ? r : resolution;
			current.add(op);
		}
		subgraphs.add(stage(subgraphs.size(), resolution, current));
		return new NetworkSpec(flat.name(), flat.input(), subgraphs);
	}

	private static SubgraphSpec stage(int index, int resolution, List<OpSpec> ops) {
		String name = resolution == 1 ? "head" + (index == 0 ? "" : "_" + (index + 1))
				: "stage" + (index + 1) + "_" + resolution;
		return new SubgraphSpec(name, ExecutionMode.SEQUENTIAL, ops, SubgraphSpace.NONE);
	}

	// ------------------------------------------------------------------ building

	private static OpSpec build(Draft d) {
		Activation a = d.activation;
		return switch (d.op) {
			case Conv c -> new Conv(c.name(), c.outChannels(), c.kernel(), c.stride(), c.groups(), c.dilation(),
					c.padding(), a, c.inputs());
			case Depthwise w ->
				new Depthwise(w.name(), w.kernel(), w.stride(), w.dilation(), w.padding(), a, w.inputs());
			case Pointwise p -> new Pointwise(p.name(), p.outChannels(), p.groups(), a, p.inputs());
			case FullyConnected f -> new FullyConnected(f.name(), f.outFeatures(), a, f.inputs());
			case Add s -> new Add(s.name(), null, a, s.inputs());
			default -> d.op;
		};
	}

	// ------------------------------------------------------------------ attributes and constants

	private static long intAttr(NodeProto n, String name, long dflt) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals(name)) {
				return a.getI();
			}
		}
		return dflt;
	}

	private static List<Long> intsAttr(NodeProto n, String name) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals(name)) {
				return a.getIntsList();
			}
		}
		return List.of();
	}

	private static String stringAttr(NodeProto n, String name, String dflt) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals(name)) {
				return a.getS().toStringUtf8();
			}
		}
		return dflt;
	}

	private int[] pair(NodeProto n, String name, int dflt) {
		List<Long> v = intsAttr(n, name);
		if (v.isEmpty()) {
			return new int[]{dflt, dflt};
		}
		if (v.size() != 2) {
			throw unsupported(n, name + " " + v + ": only 2-D windows are supported");
		}
		return new int[]{v.get(0).intValue(), v.get(1).intValue()};
	}

	/** Integers of a constant tensor (initializer or Constant node). */
	private List<Long> ints(NodeProto n, String tensor) {
		if (shapes.has(tensor)) {
			return shapes.get(tensor).list();
		}
		TensorProto t = constants.get(tensor);
		if (t == null) {
			throw unsupported(n, "input '" + tensor + "' must be a constant");
		}
		List<Long> out = intValues(t);
		if (out == null) {
			throw unsupported(n, "input '" + tensor + "' is not an integer tensor");
		}
		return out;
	}

	/** The values of an INT64 or INT32 tensor, null for other types. */
	private static List<Long> intValues(TensorProto t) {
		if (t.getDataType() == TensorProto.DataType.INT64_VALUE && t.getInt64DataCount() > 0) {
			return t.getInt64DataList();
		}
		if (t.getDataType() == TensorProto.DataType.INT32_VALUE && t.getInt32DataCount() > 0) {
			return t.getInt32DataList().stream().map(Integer::longValue).toList();
		}
		List<Long> out = new ArrayList<>();
		ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		if (t.getDataType() == TensorProto.DataType.INT64_VALUE) {
			while (b.remaining() >= 8) {
				out.add(b.getLong());
			}
		} else if (t.getDataType() == TensorProto.DataType.INT32_VALUE) {
			while (b.remaining() >= 4) {
				out.add((long) b.getInt());
			}
		} else {
			return null;
		}
		return out;
	}

	private double scalar(NodeProto n, String tensor) {
		TensorProto t = constants.get(tensor);
		if (t == null) {
			throw unsupported(n, "input '" + tensor + "' must be a constant");
		}
		if (t.getFloatDataCount() > 0) {
			return t.getFloatData(0);
		}
		ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		return switch (t.getDataType()) {
			case TensorProto.DataType.FLOAT_VALUE -> b.getFloat();
			case TensorProto.DataType.DOUBLE_VALUE -> b.getDouble();
			default -> throw unsupported(n, "input '" + tensor + "' is not a float scalar");
		};
	}
}
