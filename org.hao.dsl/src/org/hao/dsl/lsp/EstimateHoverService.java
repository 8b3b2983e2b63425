package org.hao.dsl.lsp;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Subgraph;

import com.google.inject.Inject;

/**
 * Xtext's hover plus the estimate of the op (layer), subgraph, network (its accelerator) or search under the cursor, e.g.
 * {@code **estimate** 0.84 ms · 48 DSP · 6 BRAM} (from {@link EstimateCache}, computed off the request thread).
 */
public class EstimateHoverService extends HoverService {

	@Inject
	private EstimateCache estimates;

	@Inject
	private EObjectAtOffsetHelper elementAt;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		Hover base = super.hover(document, resource, params, cancel);
		int offset = document.getOffSet(params.getPosition());
		String key = keyAt(resource, offset);
		if (key == null) {
			return base;
		}
		List<EstimateLine> lines = estimates.get(document, resource, cancel);
		String text = lines == null ? null
				: lines.stream().filter(l -> l.key().equals(key)).map(EstimateLine::text).findFirst().orElse(null);
		if (text == null) {
			return base;
		}
		String doc = base == null || base.getContents() == null || !base.getContents().isRight() ? ""
				: base.getContents().getRight().getValue();
		String value = "**" + key.substring(0, key.indexOf(':')) + " " + key.substring(key.indexOf(':') + 1)
				+ "** \u2014 estimate (base configuration, INT8): " + text + (doc.isBlank() ? "" : "\n\n" + doc);
		Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, value));
		if (base != null) {
			hover.setRange(base.getRange());
		}
		return hover;
	}

	/** The estimate key of the innermost op, subgraph or search around {@code offset}, or null. */
	private String keyAt(XtextResource resource, int offset) {
		EObject e = elementAt.resolveContainedElementAt(resource, offset);
		for (; e != null; e = e.eContainer()) {
			if (e instanceof Op op && op.eContainer() instanceof Subgraph sg && sg.eContainer() instanceof Network n) {
				return EstimateLine.op(n.getName(), op.getName());
			}
			if (e instanceof Subgraph sg && sg.eContainer() instanceof Network n) {
				return EstimateLine.subgraph(n.getName(), sg.getName());
			}
			if (e instanceof Search s) {
				return EstimateLine.search(s.getName());
			}
			if (e instanceof Network n) {
				return EstimateLine.network(n.getName());
			}
		}
		return null;
	}
}
