package org.hao.engine.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hao.engine.onnx.proto.OnnxProto.AttributeProto;
import org.hao.engine.onnx.proto.OnnxProto.NodeProto;

/**
 * Constant folding of the integer shape arithmetic that exporters write when a model computes sizes at run time
 * (torchvision's ShuffleNetV2: {@code Shape -> Gather -> Add -> Div -> Mul -> Slice} for {@code x.chunk(2, dim=1)},
 * {@code Constant -> Unsqueeze -> Concat} for the shapes of its channel shuffle). The import's input has fixed sizes,
 * so every such value is known: this class evaluates the nodes on integer tensors of rank 0 or 1 (scalars and shape
 * vectors) and the {@code Shape} of any tensor whose dimensions the importer knows. A node is folded only when all its
 * inputs are folded values; anything else is left to the importer (which names the node if it cannot read it).
 * Semantics as in the ONNX operator specification, opsets 11-18 (Unsqueeze / Squeeze axes as attribute before opset 13
 * and as input from 13; integer Div truncates toward zero).
 */
final class ShapeArithmetic {
	/** A folded integer tensor: its values, and whether it is a scalar (rank 0) or a vector (rank 1). */
	record Ints(long[] values, boolean scalar) {
		List<Long> list() {
			return Arrays.stream(values).boxed().toList();
		}
	}

	/** Op types this class evaluates when all their inputs are folded. */
	private static final Set<String> FOLDABLE = Set.of("Gather", "Unsqueeze", "Squeeze", "Concat", "Add", "Sub", "Mul",
			"Div", "Slice", "Cast", "Identity", "Neg");

	private final Map<String, Ints> values = new HashMap<>();

	/** Records a known integer tensor (a Constant node's or an initializer's value). */
	void put(String tensor, Ints value) {
		values.put(tensor, value);
	}

	boolean has(String tensor) {
		return values.containsKey(tensor);
	}

	Ints get(String tensor) {
		return values.get(tensor);
	}

	/** Whether {@code n} reads only folded values (optional inputs left empty) and is an op this class evaluates. */
	boolean foldable(NodeProto n) {
		if (!FOLDABLE.contains(n.getOpType()) || n.getInputCount() == 0 || n.getOutputCount() != 1) {
			return false;
		}
		for (String in : n.getInputList()) {
			if (!in.isEmpty() && !values.containsKey(in)) {
				return false;
			}
		}
		// a Cast to a float type leaves integer arithmetic (its users are not folded and name themselves)
		return !n.getOpType().equals("Cast") || INTEGER_TYPES.contains(attr(n, "to", 0));
	}

	/** ONNX TensorProto.DataType codes of INT32 (6) and INT64 (7). */
	private static final Set<Long> INTEGER_TYPES = Set.of(6L, 7L);

	/**
	 * Folds a {@code Shape} node.
	 *
	 * @param dims the input tensor's dimensions (N, C, H, W for a feature map), as the importer knows them
	 */
	void shape(NodeProto n, List<Long> dims) {
		long[] d = dims.stream().mapToLong(Long::longValue).toArray();
		int rank = d.length;
		int start = (int) normalise(attr(n, "start", 0), rank, true);
		int end = (int) normalise(attr(n, "end", rank), rank, true);
		values.put(n.getOutput(0), new Ints(Arrays.copyOfRange(d, start, Math.max(start, end)), false));
	}

	/** Folds a node for which {@link #foldable} holds; {@code error} makes the exception naming the node. */
	void fold(NodeProto n, int opset, Function<String, OnnxImportException> error) {
		Ints out = switch (n.getOpType()) {
			case "Identity", "Cast" -> in(n, 0);
			case "Neg" -> map(in(n, 0), v -> -v);
			case "Add", "Sub", "Mul", "Div" -> binary(n, error);
			case "Gather" -> gather(n, error);
			case "Unsqueeze" -> unsqueeze(n, opset, error);
			case "Squeeze" -> squeeze(n, error);
			case "Concat" -> concat(n, error);
			case "Slice" -> slice(n, error);
			default -> throw error.apply("op type not supported on shape values");
		};
		values.put(n.getOutput(0), out);
	}

	private Ints in(NodeProto n, int i) {
		return values.get(n.getInput(i));
	}

	private static Ints map(Ints a, java.util.function.LongUnaryOperator f) {
		return new Ints(Arrays.stream(a.values()).map(f).toArray(), a.scalar());
	}

	private Ints binary(NodeProto n, Function<String, OnnxImportException> error) {
		Ints a = in(n, 0);
		Ints b = in(n, 1);
		int len = Math.max(a.values().length, b.values().length);
		if (a.values().length != len && a.values().length != 1 || b.values().length != len && b.values().length != 1) {
			throw error.apply("shapes " + a.list() + " and " + b.list() + " do not broadcast");
		}
		long[] r = new long[len];
		for (int i = 0; i < len; i++) {
			long x = a.values()[a.values().length == 1 ? 0 : i];
			long y = b.values()[b.values().length == 1 ? 0 : i];
			r[i] = switch (n.getOpType()) {
				case "Add" -> Math.addExact(x, y);
				case "Sub" -> Math.subtractExact(x, y);
				case "Mul" -> Math.multiplyExact(x, y);
				default -> {
					if (y == 0) {
						throw error.apply("division by zero in shape arithmetic");
					}
					yield x / y;
				}
			};
		}
		return new Ints(r, a.scalar() && b.scalar());
	}

	private Ints gather(NodeProto n, Function<String, OnnxImportException> error) {
		Ints data = in(n, 0);
		Ints idx = in(n, 1);
		if (attr(n, "axis", 0) != 0 || data.scalar()) {
			throw error.apply("only gathering from a shape vector along axis 0 is supported");
		}
		long[] r = new long[idx.values().length];
		for (int i = 0; i < r.length; i++) {
			long k = idx.values()[i];
			int len = data.values().length;
			if (k < -len || k >= len) {
				throw error.apply("index " + k + " outside the shape " + data.list());
			}
			r[i] = data.values()[(int) (k < 0 ? k + len : k)];
		}
		return new Ints(r, idx.scalar());
	}

	private Ints unsqueeze(NodeProto n, int opset, Function<String, OnnxImportException> error) {
		List<Long> axes = opset < 13 ? ints(n, "axes") : n.getInputCount() > 1 ? in(n, 1).list() : List.of();
		Ints a = in(n, 0);
		if (!(a.scalar() && axes.equals(List.of(0L)))) {
			throw error.apply("only a scalar unsqueezed to a vector (axes [0]) is supported in shape arithmetic");
		}
		return new Ints(a.values(), false);
	}

	private Ints squeeze(NodeProto n, Function<String, OnnxImportException> error) {
		Ints a = in(n, 0);
		if (a.scalar() || a.values().length != 1) {
			throw error.apply("only a 1-element vector squeezed to a scalar is supported in shape arithmetic");
		}
		return new Ints(a.values(), true);
	}

	private Ints concat(NodeProto n, Function<String, OnnxImportException> error) {
		if (attr(n, "axis", 0) != 0) {
			throw error.apply("shape vectors are concatenated along axis 0");
		}
		List<Long> r = new ArrayList<>();
		for (String t : n.getInputList()) {
			Ints v = values.get(t);
			if (v.scalar()) {
				throw error.apply("Concat of a scalar");
			}
			r.addAll(v.list());
		}
		return new Ints(r.stream().mapToLong(Long::longValue).toArray(), false);
	}

	private Ints slice(NodeProto n, Function<String, OnnxImportException> error) {
		Ints data = in(n, 0);
		long[] d = data.values();
		Range r = range(n, 1, axis -> d.length, error,
				opt -> opt < n.getInputCount() && !n.getInput(opt).isEmpty() ? in(n, opt).list() : null);
		if (r.step() != 1) {
			throw error.apply("only slices with step 1 are supported");
		}
		return new Ints(Arrays.copyOfRange(d, (int) r.start(), (int) Math.max(r.start(), r.end())), false);
	}

	/** A slice of one axis: start and end clamped to the axis, as in ONNX Slice. */
	record Range(long axis, long start, long end, long step) {
	}

	/**
	 * The slice of one axis that a {@code Slice} node (opset 10+: starts, ends, axes, steps as inputs 1-4) takes from
	 * a tensor of rank {@code rank}; {@code length} gives an axis' length, {@code inputs} the folded input {@code i}
	 * or null when it is absent. Start and end are clamped to the axis as in ONNX.
	 */
	static Range range(NodeProto n, int rank, java.util.function.LongUnaryOperator length,
			Function<String, OnnxImportException> error, Function<Integer, List<Long>> inputs) {
		List<Long> starts = inputs.apply(1);
		List<Long> ends = inputs.apply(2);
		List<Long> axes = inputs.apply(3);
		List<Long> steps = inputs.apply(4);
		if (starts == null || ends == null || starts.size() != 1 || ends.size() != 1 || axes != null && axes.size() != 1
				|| steps != null && steps.size() != 1) {
			throw error.apply("only a slice of one axis with known bounds is supported");
		}
		long axis = normalise(axes == null ? 0 : axes.get(0), rank, false);
		if (axis < 0 || axis >= rank) {
			throw error.apply("axis " + axes + " outside a tensor of rank " + rank);
		}
		long len = length.applyAsLong(axis);
		long step = steps == null ? 1 : steps.get(0);
		long start = Math.min(normalise(starts.get(0), len, true), len);
		long end = Math.min(normalise(ends.get(0), len, true), len);
		return new Range(axis, start, end, step);
	}

	/** A negative index counts from the end; clamped at 0 when {@code clamp}. */
	private static long normalise(long index, long length, boolean clamp) {
		long i = index < 0 ? index + length : index;
		return clamp ? Math.max(0, i) : i;
	}

	private static long attr(NodeProto n, String name, long dflt) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals(name)) {
				return a.getI();
			}
		}
		return dflt;
	}

	private static List<Long> ints(NodeProto n, String name) {
		for (AttributeProto a : n.getAttributeList()) {
			if (a.getName().equals(name)) {
				return a.getIntsList();
			}
		}
		return List.of();
	}
}
