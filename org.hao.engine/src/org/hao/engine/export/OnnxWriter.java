package org.hao.engine.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkGraph;
import org.hao.engine.model.Activation;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Split;
import org.hao.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hao.engine.onnx.proto.OnnxProto.GraphProto;
import org.hao.engine.onnx.proto.OnnxProto.ModelProto;
import org.hao.engine.onnx.proto.OnnxProto.NodeProto;
import org.hao.engine.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.hao.engine.onnx.proto.OnnxProto.TensorProto;
import org.hao.engine.onnx.proto.OnnxProto.TensorShapeProto;
import org.hao.engine.onnx.proto.OnnxProto.TypeProto;
import org.hao.engine.onnx.proto.OnnxProto.ValueInfoProto;

/**
 * Writes an expanded network as an ONNX graph (opset 14) without weight values: every weight is a graph input with
 * its shape, as PyTorch's {@code export_params=False} does, so the file is small and a training flow initialises the
 * weights. Node names are {@code /OP/Kind} scopes, so {@code hao import} gives the ops their names back. Layers: Conv
 * (groups, pads, strides, dilations), Gemm (with Flatten), pools, Add, Concat, Split, channel shuffle as Reshape /
 * Transpose / Reshape with constant shapes, squeeze-excite as GlobalAveragePool, Conv, Relu, Conv, Sigmoid, Mul;
 * activations as their ONNX ops.
 */
public final class OnnxWriter {
	private static final int OPSET = 14;

	private final GraphProto.Builder graph = GraphProto.newBuilder().setName("hao");
	private final Map<String, OpSpec> ops = new HashMap<>();
	private int counter;

	private OnnxWriter(ExpandedNetwork net) {
		NetworkGraph.ops(net.spec()).forEach(o -> ops.put(o.name(), o));
	}

	/** The serialized ModelProto. */
	public static byte[] write(ExpandedNetwork net) {
		return new OnnxWriter(net).model(net).toByteArray();
	}

	private ModelProto model(ExpandedNetwork net) {
		var in = net.spec().input();
		graph.addInput(value("input", 1, in.channels(), in.height(), in.width()));
		Map<String, String> tensor = new HashMap<>();
		tensor.put("input", "input");
		String last = "input";
		for (ExpandedSubgraph sg : net.subgraphs()) {
			for (Layer l : sg.layers()) {
				List<String> ins = l.inputs().isEmpty() ? List.of(last)
						: l.inputs().stream().map(n -> tensor.getOrDefault(n, n)).toList();
				String out = layer(l, ins);
				tensor.put(l.name(), out);
				last = out;
			}
		}
		var o = net.output();
		Layer end = net.layers().get(net.layers().size() - 1);
		graph.addOutput(end.kind() == LayerKind.FULLY_CONNECTED ? value(last, 1, o.channels())
				: value(last, 1, o.channels(), o.height(), o.width()));
		return ModelProto.newBuilder().setIrVersion(8).setProducerName("HAO Studio")
				.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph)
				.build();
	}

	/** Scope of a layer's nodes: its op name, plus the layer's part after the op name (mbconv b2.expand -> b2/expand). */
	private static String scope(Layer l) {
		return "/" + l.name().replace('.', '_');
	}

	private String layer(Layer l, List<String> ins) {
		String scope = scope(l);
		String x = ins.get(0);
		OpSpec op = ops.get(l.sourceOp());
		return switch (l.kind()) {
			case CONV, POINTWISE, DEPTHWISE -> {
				int groups = l.kind() == LayerKind.DEPTHWISE ? l.outChannels() : l.groups();
				String w = weight(scope + ".weight", l.outChannels(), l.inChannels() / groups, l.kernel(), l.kernel());
				int[] ph = PyTorchWriter.padding(l.inHeight(), l.outHeight(), l.kernel(), l.stride(), l.dilation());
				int[] pw = PyTorchWriter.padding(l.inWidth(), l.outWidth(), l.kernel(), l.stride(), l.dilation());
				String y = node("Conv", scope + "/Conv", List.of(x, w), ints("kernel_shape", l.kernel(), l.kernel()),
						ints("strides", l.stride(), l.stride()), ints("dilations", l.dilation(), l.dilation()),
						ints("pads", ph[0], pw[0], ph[1], pw[1]), integer("group", groups));
				yield activation(scope, y, l.activation());
			}
			case FULLY_CONNECTED -> {
				String flat = node("Flatten", scope + "/Flatten", List.of(x), integer("axis", 1));
				String w = weight(scope + ".weight", l.outChannels(), l.inChannels());
				String y = node("Gemm", scope + "/Gemm", List.of(flat, w), integer("transB", 1));
				yield activation(scope, y, l.activation());
			}
			case POOL -> {
				boolean max = op instanceof Pool p && p.kind() == PoolKind.MAX;
				if (l.isGlobalPool()) {
					yield node(max ? "GlobalMaxPool" : "GlobalAveragePool", scope + "/GlobalAveragePool", List.of(x));
				}
				int[] ph = PyTorchWriter.padding(l.inHeight(), l.outHeight(), l.kernel(), l.stride(), 1);
				boolean floor = ph[0] == ph[1] && ph[0] * 2 <= l.kernel();
				int p = floor ? ph[0] : Math.min((l.kernel() - 1) / 2, Math.max(0, ph[0]));
				yield node(max ? "MaxPool" : "AveragePool", scope + "/Pool", List.of(x),
						ints("kernel_shape", l.kernel(), l.kernel()), ints("strides", l.stride(), l.stride()),
						ints("pads", p, p, p, p), integer("ceil_mode", floor ? 0 : 1));
			}
			case ADD -> {
				String sum = ins.get(0);
				for (int i = 1; i < ins.size(); i++) {
					sum = node("Add", scope + "/Add" + (i == 1 ? "" : "_" + i), List.of(sum, ins.get(i)));
				}
				yield activation(scope, sum, l.activation());
			}
			case CONCAT -> node("Concat", scope + "/Concat", ins, integer("axis", 1));
			case SPLIT -> {
				int parts = l.inChannels() / l.outChannels();
				int part = op instanceof Split s ? s.part() - 1 : 0;
				long[] sizes = new long[parts];
				java.util.Arrays.fill(sizes, l.outChannels());
				String split = constant(scope + ".sizes", sizes);
				NodeProto.Builder n = NodeProto.newBuilder().setOpType("Split").setName(scope + "/Split").addInput(x)
						.addInput(split).addAttribute(integer("axis", 1));
				String result = null;
				for (int i = 0; i < parts; i++) {
					String t = scope + "_out" + i;
					n.addOutput(t);
					if (i == part) {
						result = t;
					}
				}
				graph.addNode(n);
				yield result;
			}
			case SHUFFLE -> {
				int g = l.groups();
				String s1 = constant(scope + ".shape1", 1, g, l.inChannels() / g, l.inHeight(), l.inWidth());
				String s2 = constant(scope + ".shape2", 1, l.inChannels(), l.inHeight(), l.inWidth());
				String r = node("Reshape", scope + "/Reshape", List.of(x, s1));
				String t = node("Transpose", scope + "/Transpose", List.of(r), ints("perm", 0, 2, 1, 3, 4));
				yield node("Reshape", scope + "/Reshape_1", List.of(t, s2));
			}
			case SQUEEZE_EXCITE -> {
				int c = l.inChannels();
				int s = l.squeezeChannels();
				String pool = node("GlobalAveragePool", scope + "/avgpool/GlobalAveragePool", List.of(x));
				String f1 = node("Conv", scope + "/fc1/Conv", List.of(pool, weight(scope + ".fc1.weight", s, c, 1, 1)),
						ints("kernel_shape", 1, 1));
				String a = node("Relu", scope + "/activation/Relu", List.of(f1));
				String f2 = node("Conv", scope + "/fc2/Conv", List.of(a, weight(scope + ".fc2.weight", c, s, 1, 1)),
						ints("kernel_shape", 1, 1));
				String gate = node("Sigmoid", scope + "/scale_activation/Sigmoid", List.of(f2));
				yield node("Mul", scope + "/Mul", List.of(gate, x));
			}
		};
	}

	private String activation(String scope, String x, Activation a) {
		return switch (a) {
			case NONE -> x;
			case RELU -> node("Relu", scope + "_act/Relu", List.of(x));
			case RELU6 ->
				node("Clip", scope + "_act/Clip", List.of(x, scalar(scope + ".min", 0f), scalar(scope + ".max", 6f)));
			case HSWISH -> node("HardSwish", scope + "_act/HardSwish", List.of(x));
			case HSIGMOID -> node("HardSigmoid", scope + "_act/HardSigmoid", List.of(x), real("alpha", 1 / 6f));
			case SIGMOID -> node("Sigmoid", scope + "_act/Sigmoid", List.of(x));
			case SILU ->
				node("Mul", scope + "_act/Mul", List.of(x, node("Sigmoid", scope + "_act/Sigmoid", List.of(x))));
		};
	}

	private String node(String type, String name, List<String> inputs, AttributeProto... attributes) {
		String out = name + "_output_" + counter++;
		NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(name).addAllInput(inputs).addOutput(out);
		for (AttributeProto a : attributes) {
			n.addAttribute(a);
		}
		graph.addNode(n);
		return out;
	}

	/** A weight as a graph input with its shape and no values. */
	private String weight(String name, long... dims) {
		graph.addInput(value(name, dims));
		return name;
	}

	private String constant(String name, long... values) {
		TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
				.addDims(values.length);
		for (long v : values) {
			t.addInt64Data(v);
		}
		graph.addInitializer(t);
		return name;
	}

	private String scalar(String name, float value) {
		graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
				.addFloatData(value));
		return name;
	}

	private static ValueInfoProto value(String name, long... dims) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		for (long d : dims) {
			shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
		}
		return ValueInfoProto.newBuilder().setName(name)
				.setType(TypeProto.newBuilder().setTensorType(
						TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
				.build();
	}

	private static AttributeProto ints(String name, long... values) {
		AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
		for (long v : values) {
			a.addInts(v);
		}
		return a.build();
	}

	private static AttributeProto integer(String name, long value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
	}

	private static AttributeProto real(String name, float value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
				.build();
	}
}
