package org.hao.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.hao.dsl.estimate.EstimateTexts;
import org.hao.dsl.estimate.EvaluationTarget;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.NetworkSpec;

/**
 * The estimates of one document version, in two steps: {@link #of} reads the EMF model (on the thread that owns it,
 * a request of the language server) into plain engine specs plus the names and offsets of the elements; {@link #run}
 * calls the engine's Estimator (SCIP; milliseconds to seconds) on another thread and never touches EMF.
 *
 * <p>As in the Eclipse editor's inline estimates: base configuration (INT8, as written) of every network on the device
 * of the first search that uses it, else the reference ZU3EG; a sequential subgraph's layers add up, a pipelined
 * subgraph's stages run concurrently so an op shows its slowest stage.
 */
final class EstimateJob {

	/** One op of a subgraph: its name and where its definition starts. */
	record OpRef(String name, int offset) {
	}

	/** One subgraph: name, offset, ops. */
	record SubgraphRef(String name, int offset, List<OpRef> ops) {
	}

	/** One network to estimate on one device (within the caps of the search it is evaluated for). */
	record NetworkTask(String network, int offset, NetworkSpec spec, Device device, Constraints constraints,
			List<SubgraphRef> subgraphs) {
	}

	/** One search: name, offset, its network and devices (engine specs, with the search's architecture) and caps. */
	record SearchTask(String search, int offset, String network, NetworkSpec spec, List<Device> devices,
			Constraints constraints) {
	}

	private final List<NetworkTask> networks;
	private final List<SearchTask> searches;
	private final List<EstimateLine> failures;

	private EstimateJob(List<NetworkTask> networks, List<SearchTask> searches, List<EstimateLine> failures) {
		this.networks = networks;
		this.searches = searches;
		this.failures = failures;
	}

	/** Reads {@code resource}'s model; a file with syntax errors gets no estimates (its model is partial). */
	static EstimateJob of(XtextResource resource) {
		List<NetworkTask> networks = new ArrayList<>();
		List<SearchTask> searches = new ArrayList<>();
		List<EstimateLine> failures = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)
				|| resource.getParseResult() != null && resource.getParseResult().hasSyntaxErrors()) {
			return new EstimateJob(networks, searches, failures);
		}
		ModelMapper mapper = new ModelMapper();
		for (Element e : model.getElements()) {
			if (e instanceof Network n && n.getName() != null) {
				try {
					EvaluationTarget target = EvaluationTarget.inline(model, n);
					List<SubgraphRef> subgraphs = new ArrayList<>();
					for (Subgraph sg : n.getSubgraphs()) {
						List<OpRef> ops = new ArrayList<>();
						for (Op op : sg.getOps()) {
							ops.add(new OpRef(op.getName(), offset(op)));
						}
						subgraphs.add(new SubgraphRef(sg.getName(), offset(sg), ops));
					}
					// the editor's rule (EvaluationTarget): the first search's device, architecture and caps
					networks.add(new NetworkTask(n.getName(), offset(n), mapper.toNetwork(n, null),
							target.search() == null ? mapper.toDevice(target.device())
									: mapper.searchDevice(target.search(), target.device()),
							target.constraints(mapper), subgraphs));
				} catch (RuntimeException ex) {
					failures.add(new EstimateLine(EstimateLine.network(n.getName()), offset(n),
							"no estimate: " + ex.getMessage()));
				}
			}
		}
		for (Element e : model.getElements()) {
			if (e instanceof Search s && s.getName() != null) {
				Network n = ModelMapper.networkOf(s);
				List<Device> devices = new ArrayList<>();
				try {
					for (DeviceDecl d : s.getDevices()) {
						if (!d.eIsProxy()) {
							devices.add(mapper.searchDevice(s, d));
						}
					}
					if (n != null && !devices.isEmpty()) {
						searches.add(new SearchTask(s.getName(), offset(s), n.getName(), mapper.toNetwork(n, null),
								devices, mapper.toConstraints(s)));
					}
				} catch (RuntimeException ex) {
					failures.add(new EstimateLine(EstimateLine.search(s.getName()), offset(s),
							"no estimate: " + ex.getMessage()));
				}
			}
		}
		return new EstimateJob(networks, searches, failures);
	}

	/** Runs the engine; stops early (returning what it has) when the thread is interrupted. */
	List<EstimateLine> run() {
		List<EstimateLine> lines = new ArrayList<>(failures);
		for (NetworkTask t : networks) {
			if (Thread.currentThread().isInterrupted()) {
				return lines;
			}
			try {
				NetworkEstimate est = Estimator.estimate(t.spec(), t.device(), t.constraints());
				addNetwork(t, est, lines);
			} catch (RuntimeException ex) {
				lines.add(new EstimateLine(EstimateLine.network(t.network()), 0, "no estimate: " + ex.getMessage()));
			}
		}
		for (SearchTask s : searches) {
			List<String> parts = new ArrayList<>();
			for (Device d : s.devices()) {
				if (Thread.currentThread().isInterrupted()) {
					return lines;
				}
				try {
					NetworkEstimate est = Estimator.estimate(s.spec(), d, s.constraints());
					parts.add(est.feasible() ? String.format(Locale.ROOT, "\u2248 %.1f fps on %s", est.fps(), d.name())
							: "base configuration does not fit " + d.name());
				} catch (RuntimeException ex) {
					parts.add(d.name() + ": " + ex.getMessage());
				}
			}
			lines.add(new EstimateLine(EstimateLine.search(s.search()), s.offset(),
					String.join(", ", parts) + " (base, INT8)"));
		}
		return lines;
	}

	private static void addNetwork(NetworkTask t, NetworkEstimate est, List<EstimateLine> lines) {
		boolean overlay = EstimateTexts.overlay(est);
		if (est.feasible()) {
			lines.add(new EstimateLine(EstimateLine.network(t.network()), t.offset(), EstimateTexts.accelerator(est)));
		}
		for (SubgraphRef sg : t.subgraphs()) {
			SubgraphEstimate se = est.subgraphs().stream().filter(s -> s.subgraph().equals(sg.name())).findFirst()
					.orElse(null);
			if (se == null) {
				continue;
			}
			String sgText = EstimateTexts.subgraph(est, se, false);
			lines.add(new EstimateLine(EstimateLine.subgraph(t.network(), sg.name()), sg.offset(), sgText));
			for (OpRef op : sg.ops()) {
				String text = EstimateTexts.op(se, op.name(), overlay);
				if (text != null) {
					lines.add(new EstimateLine(EstimateLine.op(t.network(), op.name()), op.offset(), text));
				}
			}
		}
	}

	private static int offset(EObject e) {
		ICompositeNode node = NodeModelUtils.getNode(e);
		return node == null ? 0 : node.getOffset();
	}
}
