package org.hao.dsl.ui.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.Position;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.estimate.EstimateTexts;
import org.hao.dsl.estimate.EvaluationTarget;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;

/**
 * Runs the engine's Estimator on each network of a parse (base configuration, on the device of the first search that
 * uses it, else the reference ZU3EG) and turns the result into inline texts. Runs off the UI thread.
 */
public final class EstimateComputer {

	private EstimateComputer() {
	}

	public static EstimateSnapshot compute(ParsedDocument parsed) {
		Model model = parsed.model();
		if (model == null) {
			return new EstimateSnapshot(parsed.stamp(), List.of(), "no model");
		}
		if (parsed.issues().stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.isSyntaxError())) {
			return new EstimateSnapshot(parsed.stamp(), List.of(), "syntax errors");
		}
		ModelMapper mapper = new ModelMapper();
		List<EstimateEntry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Map<Network, NetworkEstimate> byNetwork = new LinkedHashMap<>();
		for (Element e : model.getElements()) {
			if (e instanceof Network n) {
				try {
					// the first search's device, architecture and caps, as the builder's findings and the search
					NetworkEstimate est = EvaluationTarget.inline(model, n).estimate(mapper);
					byNetwork.put(n, est);
					addNetwork(n, est, entries);
				} catch (RuntimeException ex) {
					problems.add("network " + n.getName() + ": " + ex.getMessage());
				}
			}
		}
		for (Element e : model.getElements()) {
			if (e instanceof Search s) {
				String text = searchText(s, mapper, byNetwork);
				if (text != null) {
					entries.add(new EstimateEntry("search:" + s.getName(), position(s), text));
				}
			}
		}
		return new EstimateSnapshot(parsed.stamp(), entries, problems.isEmpty() ? null : String.join("; ", problems));
	}

	private static void addNetwork(Network n, NetworkEstimate est, List<EstimateEntry> entries) {
		boolean overlay = EstimateTexts.overlay(est);
		if (est.feasible()) {
			entries.add(new EstimateEntry("network:" + n.getName(), position(n), EstimateTexts.accelerator(est)));
		}
		for (Subgraph sg : n.getSubgraphs()) {
			SubgraphEstimate se = est.subgraphs().stream().filter(s -> s.subgraph().equals(sg.getName())).findFirst()
					.orElse(null);
			if (se == null) {
				continue;
			}
			String sgText = (Double.isNaN(se.latencyMs()) ? "\u26a0 " : "") + EstimateTexts.subgraph(est, se, true);
			entries.add(new EstimateEntry("subgraph:" + sg.getName(), position(sg), sgText));
			for (Op op : sg.getOps()) {
				String text = EstimateTexts.op(se, op.getName(), overlay);
				if (text != null) {
					entries.add(new EstimateEntry("op:" + op.getName(), position(op), text));
				}
			}
		}
	}

	private static String searchText(Search s, ModelMapper mapper, Map<Network, NetworkEstimate> byNetwork) {
		Network n = ModelMapper.networkOf(s);
		if (n == null || s.getDevices().isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (DeviceDecl d : s.getDevices()) {
			if (d.eIsProxy()) {
				continue;
			}
			try {
				NetworkEstimate est = byNetwork.get(n);
				// the network's estimate was made within the first search's caps: another search has its own
				if (est == null || !est.device().equals(d.getName()) || !(s.eContainer() instanceof Model m)
						|| EvaluationTarget.inline(m, n).search() != s) {
					est = new EvaluationTarget(n, s, d).estimate(mapper);
				}
				parts.add(est.feasible() ? String.format(Locale.ROOT, "\u2248 %.1f fps on %s", est.fps(), d.getName())
						: "base configuration does not fit " + d.getName() + infeasible(est));
			} catch (RuntimeException ex) {
				parts.add(d.getName() + ": " + ex.getMessage());
			}
		}
		return parts.isEmpty() ? null : String.join(", ", parts) + " (base, INT8)";
	}

	private static String infeasible(NetworkEstimate est) {
		return est.subgraphs().stream().filter(s -> Double.isNaN(s.latencyMs())).map(SubgraphEstimate::subgraph)
				.findFirst().map(s -> " (subgraph " + s + ")").orElse("");
	}

	private static Position position(EObject e) {
		ICompositeNode node = NodeModelUtils.getNode(e);
		return new Position(node == null ? 0 : node.getOffset(), 0);
	}
}
