package org.hao.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.EcoreUtil2;
import org.hao.dsl.ElementLabels;
import org.hao.dsl.hao.AddOp;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.InputRef;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Space;
import org.hao.dsl.hao.Subgraph;

/** An immutable outline entry built from a parse (no EMF objects escape to the UI thread). */
public record OutlineNode(String label, int offset, int length, List<OutlineNode> children) {

	public static List<OutlineNode> of(Model model) {
		List<OutlineNode> result = new ArrayList<>();
		if (model == null) {
			return result;
		}
		for (Element e : model.getElements()) {
			List<OutlineNode> children = new ArrayList<>();
			if (e instanceof Network n) {
				for (Subgraph sg : n.getSubgraphs()) {
					List<OutlineNode> ops = new ArrayList<>();
					for (Op op : sg.getOps()) {
						ops.add(node(op, ElementLabels.kind(op) + " " + op.getName() + inputs(op), List.of()));
					}
					String mode = sg.getMode() == null ? "" : " (" + sg.getMode().getLiteral() + ")";
					children.add(node(sg, "subgraph " + sg.getName() + mode, ops));
				}
			}
			result.add(node(e, label(e), children));
		}
		return result;
	}

	/** " <- a, b" for an op that names its inputs (or adds 'from'), else "". */
	static String inputs(Op op) {
		List<String> names = new ArrayList<>();
		for (InputRef ref : EcoreUtil2.getAllContentsOfType(op, InputRef.class)) {
			names.add(ref.isNetworkInput() ? "input" : ref.getOp() == null || ref.getOp().eIsProxy() ? "?"
					: ref.getOp().getName());
		}
		if (op instanceof AddOp add && add.getFrom() != null && !add.getFrom().eIsProxy()) {
			names.add(add.getFrom().getName());
		}
		return names.isEmpty() ? "" : " <- " + String.join(", ", names);
	}

	private static String label(Element e) {
		String name = e.getName() == null ? "?" : e.getName();
		return switch (e) {
			case DeviceDecl d -> "device " + name + (d instanceof FpgaDevice ? " (FPGA)" : " (GPU)");
			case Network n -> "network " + name;
			case Space s -> "space " + name;
			case Search s -> "search " + name;
			default -> name;
		};
	}

	private static OutlineNode node(EObject e, String label, List<OutlineNode> children) {
		ICompositeNode n = NodeModelUtils.getNode(e);
		return new OutlineNode(label, n == null ? 0 : n.getOffset(), n == null ? 0 : n.getLength(),
				List.copyOf(children));
	}
}
