package org.hao.dsl.validation;

import static org.hao.dsl.hao.HaoPackage.Literals.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.EcoreUtil2;
import org.hao.dsl.hao.AddOp;
import org.hao.dsl.hao.ConcatOp;
import org.hao.dsl.hao.ConvOp;
import org.hao.dsl.hao.DepthwiseOp;
import org.hao.dsl.hao.FullyConnectedOp;
import org.hao.dsl.hao.InputRef;
import org.hao.dsl.hao.MBConvOp;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.PaddingSpec;
import org.hao.dsl.hao.PointwiseOp;
import org.hao.dsl.hao.PoolOp;
import org.hao.dsl.hao.InputShape;
import org.hao.dsl.hao.ShuffleOp;
import org.hao.dsl.hao.SplitOp;
import org.hao.dsl.hao.SqueezeExciteOp;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.HaoScopeProvider;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.NetworkGraph;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.model.NetworkSpec;

/**
 * Networks: required op attributes, ranges, unique names, input order and cycles, dead branches, and shape inference
 * by the engine.
 */
public class NetworkValidator extends HaoCheckBase {

	private final ModelMapper mapper = new ModelMapper();

	@Check
	public void checkNetwork(Network n) {
		require(n.getInput(), n, ELEMENT__NAME, "input", "input shape, e.g. input 3 x 224 x 224");
		if (n.getSubgraphs().isEmpty()) {
			error("network '" + n.getName() + "' has no subgraphs", n, ELEMENT__NAME, HaoIssueCodes.EMPTY_NETWORK);
		}
		Map<String, Subgraph> subgraphs = new HashMap<>();
		Map<String, Op> ops = new HashMap<>();
		for (Subgraph sg : n.getSubgraphs()) {
			if (sg.getName() != null && subgraphs.putIfAbsent(sg.getName(), sg) != null) {
				error("duplicate subgraph name '" + sg.getName() + "' in network '" + n.getName() + "'", sg,
						SUBGRAPH__NAME, HaoIssueCodes.DUPLICATE_NAME);
			}
			for (Op op : sg.getOps()) {
				if (op.getName() != null && ops.putIfAbsent(op.getName(), op) != null) {
					error("duplicate op name '" + op.getName() + "' in network '" + n.getName()
							+ "' (op names are unique across subgraphs)", op, OP__NAME, HaoIssueCodes.DUPLICATE_NAME);
				}
			}
		}
	}

	/** Shape inference through the engine (linear in the number of layers, so cheap enough to run as you type). */
	@Check
	public void checkShapes(Network n) {
		if (hasForwardResidual(n)) {
			return; // reported by checkAddOrder, more precisely
		}
		NetworkSpec spec;
		try {
			spec = mapper.toNetwork(n, null);
		} catch (MappingException e) {
			return; // incomplete network: the attribute checks report why
		}
		try {
			NetworkExpander.expand(spec);
		} catch (ShapeException e) {
			String code = e.getMessage().startsWith("stride") ? HaoIssueCodes.IMPOSSIBLE_STRIDE
					: HaoIssueCodes.SHAPE_MISMATCH;
			Op op = HaoScopeProvider.opsOf(n).stream().filter(o -> e.opName().equals(o.getName())).findFirst()
					.orElse(null);
			if (op != null) {
				ShapeErrorPlace place = ShapeErrorPlace.of(op, e.getMessage());
				error(place.message(), op, place.feature(), code);
			} else {
				error(e.getMessage(), n, ELEMENT__NAME, code);
			}
		} catch (IllegalArgumentException | ArithmeticException e) {
			error(e.getMessage(), n, ELEMENT__NAME, HaoIssueCodes.SHAPE_MISMATCH);
		}
	}

	private static boolean hasForwardResidual(Network n) {
		List<Op> ops = HaoScopeProvider.opsOf(n);
		for (int i = 0; i < ops.size(); i++) {
			if (ops.get(i) instanceof AddOp add && add.getFrom() != null && !add.getFrom().eIsProxy()
					&& ops.indexOf(add.getFrom()) >= i) {
				return true;
			}
			for (InputRef ref : EcoreUtil2.getAllContentsOfType(ops.get(i), InputRef.class)) {
				if (ref.getOp() != null && !ref.getOp().eIsProxy() && ops.indexOf(ref.getOp()) >= i) {
					return true;
				}
			}
		}
		return false;
	}

	/** An op reads only earlier ops: a later one is out of order, or closes a cycle (named op by op). */
	@Check
	public void checkInputOrder(InputRef ref) {
		Op target = ref.getOp();
		Op op = EcoreUtil2.getContainerOfType(ref, Op.class);
		Network n = EcoreUtil2.getContainerOfType(ref, Network.class);
		if (target == null || target.eIsProxy() || op == null || n == null) {
			return;
		}
		List<Op> ops = HaoScopeProvider.opsOf(n);
		if (ops.indexOf(target) < ops.indexOf(op)) {
			return;
		}
		String message;
		if (target == op) {
			message = "op '" + op.getName() + "' cannot read its own output (a cycle)";
		} else {
			List<String> cycle = cycleThrough(n, op);
			message = cycle.isEmpty()
					? "op '" + op.getName() + "' reads '" + target.getName() + "', which comes later; an op may read"
							+ " only earlier ops (move '" + target.getName() + "' before it)"
					: "op '" + op.getName() + "' reads '" + target.getName() + "', which comes later and depends on it:"
							+ " cycle " + String.join(" -> ", cycle);
		}
		error(message, ref, INPUT_REF__OP, HaoIssueCodes.FORWARD_REFERENCE);
	}

	/** A cycle through {@code op} by the engine's graph of names (empty when the network does not map). */
	private List<String> cycleThrough(Network n, Op op) {
		try {
			return NetworkGraph.cycleThrough(mapper.toNetwork(n, null), op.getName());
		} catch (MappingException e) {
			return List.of();
		}
	}

	/** Dead branches: an op whose output no op reads, other than the network's last op (its output). */
	@Check
	public void checkUnusedOutputs(Network n) {
		if (hasForwardResidual(n)) {
			return;
		}
		NetworkSpec spec;
		try {
			spec = mapper.toNetwork(n, null);
		} catch (MappingException e) {
			return;
		}
		List<String> unused = NetworkGraph.unusedOps(spec);
		for (Op op : HaoScopeProvider.opsOf(n)) {
			if (unused.contains(op.getName())) {
				warning("the output of '" + op.getName() + "' is never read (a dead branch): no op reads it with 'in'"
						+ " or 'from', and the next op reads other inputs", op, OP__NAME, HaoIssueCodes.UNUSED_OUTPUT);
			}
		}
	}

	@Check
	public void checkShape(InputShape s) {
		positive(s.getChannels(), s, INPUT_SHAPE__CHANNELS, "channels");
		positive(s.getHeight(), s, INPUT_SHAPE__HEIGHT, "height");
		positive(s.getWidth(), s, INPUT_SHAPE__WIDTH, "width");
	}

	@Check
	public void checkSubgraph(Subgraph sg) {
		if (sg.getOps().isEmpty()) {
			error("subgraph '" + sg.getName() + "' has no ops", sg, SUBGRAPH__NAME, HaoIssueCodes.EMPTY_NETWORK);
		}
	}

	@Check
	public void checkConv(ConvOp c) {
		require(c.getOutChannels(), c, OP__NAME, "out", "output channels");
		require(c.getKernel(), c, OP__NAME, "kernel", "kernel size");
		positive(c.getOutChannels(), c, CONV_OP__OUT_CHANNELS, "out");
		positive(c.getKernel(), c, CONV_OP__KERNEL, "kernel");
		positive(c.getStride(), c, CONV_OP__STRIDE, "stride");
		positive(c.getGroups(), c, CONV_OP__GROUPS, "groups");
		positive(c.getDilation(), c, CONV_OP__DILATION, "dilation");
	}

	@Check
	public void checkDepthwise(DepthwiseOp d) {
		require(d.getKernel(), d, OP__NAME, "kernel", "kernel size");
		positive(d.getKernel(), d, DEPTHWISE_OP__KERNEL, "kernel");
		positive(d.getStride(), d, DEPTHWISE_OP__STRIDE, "stride");
		positive(d.getDilation(), d, DEPTHWISE_OP__DILATION, "dilation");
	}

	@Check
	public void checkPointwise(PointwiseOp p) {
		require(p.getOutChannels(), p, OP__NAME, "out", "output channels");
		positive(p.getOutChannels(), p, POINTWISE_OP__OUT_CHANNELS, "out");
		positive(p.getGroups(), p, POINTWISE_OP__GROUPS, "groups");
	}

	@Check
	public void checkPadding(PaddingSpec p) {
		List<Integer> px = p.getPixels();
		if (!p.isSame() && !p.isValid() && px.size() != 1 && px.size() != 2 && px.size() != 4) {
			error("padding takes 1, 2 or 4 numbers (all sides; vertical, horizontal; top, left, bottom, right), got "
					+ px.size(), p, PADDING_SPEC__PIXELS, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
		eachInRange(px, v -> v >= 0, p, PADDING_SPEC__PIXELS, "padding must not be negative");
	}

	@Check
	public void checkConcat(ConcatOp c) {
		if (c.getInputs().size() < 2) {
			error("concat '" + c.getName() + "' needs at least two inputs", c, OP__NAME,
					HaoIssueCodes.MISSING_ATTRIBUTE, "in");
		}
	}

	@Check
	public void checkSplit(SplitOp s) {
		if (require(s.getPart(), s, OP__NAME, "part", "which part, e.g. part 1 of 2")) {
			positive(s.getPart(), s, SPLIT_OP__PART, "part");
			positive(s.getParts(), s, SPLIT_OP__PARTS, "parts");
			if (s.getPart() != null && s.getParts() != null && s.getPart() > s.getParts()) {
				error("part " + s.getPart() + " of " + s.getParts() + ": the part must be at most the number of parts",
						s, SPLIT_OP__PART, HaoIssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
	}

	@Check
	public void checkShuffle(ShuffleOp s) {
		require(s.getGroups(), s, OP__NAME, "groups", "number of groups");
		positive(s.getGroups(), s, SHUFFLE_OP__GROUPS, "groups");
	}

	@Check
	public void checkSqueezeExcite(SqueezeExciteOp s) {
		require(s.getHiddenWidth(), s, OP__NAME, "hidden", "hidden width");
		positive(s.getHiddenWidth(), s, SQUEEZE_EXCITE_OP__HIDDEN_WIDTH, "hidden");
	}

	@Check
	public void checkFullyConnected(FullyConnectedOp f) {
		require(f.getOutFeatures(), f, OP__NAME, "out", "output features");
		positive(f.getOutFeatures(), f, FULLY_CONNECTED_OP__OUT_FEATURES, "out");
	}

	@Check
	public void checkPool(PoolOp p) {
		if (!p.isGlobal()) {
			require(p.getKernel(), p, OP__NAME, "kernel", "window size, or 'global'");
		} else if (p.getKernel() != null || p.getStride() != null || p.getPadding() != null || p.isCeilMode()) {
			error("a global pool takes no kernel, stride, padding or ceil", p, POOL_OP__GLOBAL,
					HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
		positive(p.getKernel(), p, POOL_OP__KERNEL, "kernel");
		positive(p.getStride(), p, POOL_OP__STRIDE, "stride");
	}

	@Check
	public void checkMBConv(MBConvOp m) {
		require(m.getExpansion(), m, OP__NAME, "expand", "expansion ratio");
		require(m.getKernel(), m, OP__NAME, "kernel", "depthwise kernel size");
		require(m.getOutChannels(), m, OP__NAME, "out", "output channels");
		positive(m.getExpansion(), m, MB_CONV_OP__EXPANSION, "expand");
		positive(m.getKernel(), m, MB_CONV_OP__KERNEL, "kernel");
		positive(m.getStride(), m, MB_CONV_OP__STRIDE, "stride");
		positive(m.getOutChannels(), m, MB_CONV_OP__OUT_CHANNELS, "out");
		positive(m.getRepeat(), m, MB_CONV_OP__REPEAT, "repeat");
		if (m.getSeRatio() != null && !(m.getSeRatio() > 0 && m.getSeRatio() <= 1)) {
			error("squeeze-excite ratio must be in (0, 1], was " + m.getSeRatio(), m, MB_CONV_OP__SE_RATIO,
					HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	/** An add needs two operands: 'from' and the running tensor, or two inputs. */
	@Check
	public void checkAddOperands(AddOp add) {
		if (add.getFrom() == null && add.getInputs().size() < 2) {
			error("add '" + add.getName() + "' needs two operands: 'from X' (added to the previous op) or 'in A, B'",
					add, OP__NAME, HaoIssueCodes.MISSING_ATTRIBUTE, "from");
		}
	}

	/** A residual must come from an earlier op: the engine keeps only outputs already computed. */
	@Check
	public void checkAddOrder(AddOp add) {
		Op from = add.getFrom();
		Network n = org.eclipse.xtext.EcoreUtil2.getContainerOfType(add, Network.class);
		if (from == null || from.eIsProxy() || n == null) {
			return;
		}
		if (from == add) {
			error("add '" + add.getName() + "' cannot add its own output", add, ADD_OP__FROM,
					HaoIssueCodes.ADD_FORWARD_REFERENCE);
			return;
		}
		List<Op> ops = HaoScopeProvider.opsOf(n);
		if (ops.indexOf(from) > ops.indexOf(add)) {
			error("residual source '" + from.getName() + "' comes after add '" + add.getName()
					+ "'; it must be an earlier op", add, ADD_OP__FROM, HaoIssueCodes.ADD_FORWARD_REFERENCE);
		}
	}
}
