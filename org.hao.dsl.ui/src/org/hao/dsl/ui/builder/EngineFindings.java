package org.hao.dsl.ui.builder;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.estimate.EvaluationTarget;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;

/**
 * Engine findings as warnings: a subgraph whose base configuration does not fit a searched device (e.g. "subgraph s3
 * needs 412 DSP, device has 360"). Only for files without errors: the mapper needs a complete model.
 */
final class EngineFindings {

	private EngineFindings() {
	}

	static void mark(IFile file, ParsedDocument parsed) throws CoreException {
		if (parsed.model() == null || parsed.issues().stream().anyMatch(i -> i.getSeverity() == Severity.ERROR)) {
			return;
		}
		ModelMapper mapper = new ModelMapper();
		for (Element e : parsed.model().getElements()) {
			if (!(e instanceof Search s) || ModelMapper.networkOf(s) == null) {
				continue;
			}
			Network n = ModelMapper.networkOf(s);
			for (EvaluationTarget target : EvaluationTarget.of(s)) {
				DeviceDecl d = target.device();
				// within the search's caps, so "needs N BRAM18K" findings agree with what the search will do
				NetworkEstimate est = target.estimate(mapper);
				if (!est.feasible() && est.subgraphs().stream().noneMatch(se -> Double.isNaN(se.latencyMs()))) {
					// the whole network does not fit (overlay, dataflow): one finding on the search's device
					ICompositeNode node = NodeModelUtils.getNode(s);
					String why = est.findings().isEmpty() ? "no configuration" : est.findings().get(0);
					HaoMarkers.create(file, IMarker.SEVERITY_WARNING,
							"network " + n.getName() + " on " + d.getName() + ": " + why + " (base configuration)",
							node.getStartLine(), node.getOffset(), Math.min(node.getLength(), firstLineLength(node)),
							HaoMarkers.ENGINE_FINDING, new String[]{d.getName()});
				}
				for (SubgraphEstimate se : est.subgraphs()) {
					if (!Double.isNaN(se.latencyMs())) {
						continue;
					}
					Subgraph sg = n.getSubgraphs().stream().filter(x -> se.subgraph().equals(x.getName())).findFirst()
							.orElse(null);
					ICompositeNode node = NodeModelUtils.getNode(sg != null ? sg : s);
					String why = se.message() == null ? se.status() : se.message();
					HaoMarkers.create(file, IMarker.SEVERITY_WARNING,
							"subgraph " + se.subgraph() + " on " + d.getName() + ": " + why + " (base configuration)",
							node.getStartLine(), node.getOffset(), Math.min(node.getLength(), firstLineLength(node)),
							HaoMarkers.ENGINE_FINDING, new String[]{d.getName()});
				}
			}
		}
	}

	private static int firstLineLength(ICompositeNode node) {
		int nl = node.getText().strip().indexOf('\n');
		return nl < 0 ? node.getLength() : nl;
	}
}
