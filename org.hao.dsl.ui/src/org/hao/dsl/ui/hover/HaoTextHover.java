package org.hao.dsl.ui.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.navigation.Declarations;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.estimate.EstimateService;

/** Hover: the definition of the element under the mouse (with its comments) and its current estimate. */
public class HaoTextHover implements ITextHover {

	private static final int MAX_LINES = 16;

	private final EditorModel model;
	private final EstimateService estimates;

	/** @param estimates the editor's inline estimates (their text joins the hover), or null */
	public HaoTextHover(EditorModel model, EstimateService estimates) {
		this.model = model;
		this.estimates = estimates;
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		try {
			ParsedDocument parsed = model.current(viewer.getDocument());
			EObject e = Declarations.elementAt(parsed, region.getOffset());
			while (e != null && !(e instanceof Element || e instanceof Op || e instanceof Subgraph)) {
				e = e.eContainer();
			}
			if (e == null) {
				return null;
			}
			StringBuilder b = new StringBuilder(definition(e));
			String estimate = estimates == null ? null : estimates.hoverText(e);
			if (estimate != null) {
				b.append("\n\nEstimate: ").append(estimate);
			}
			return b.toString();
		} catch (RuntimeException ex) {
			return null;
		}
	}

	/** The element's source text including the comment lines just above it, cut to a readable length. */
	static String definition(EObject e) {
		ICompositeNode node = NodeModelUtils.getNode(e);
		if (node == null) {
			return "";
		}
		String all = node.getRootNode().getText();
		int start = node.getOffset();
		int lineStart = all.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
		// include the comment block directly above
		int cursor = lineStart;
		while (cursor > 0) {
			int prevStart = all.lastIndexOf('\n', cursor - 2) + 1;
			String prev = all.substring(prevStart, cursor).trim();
			if (!prev.startsWith("//")) {
				break;
			}
			cursor = prevStart;
		}
		String text = all.substring(cursor, node.getEndOffset()).stripTrailing();
		String[] lines = text.split("\n");
		if (lines.length > MAX_LINES) {
			text = String.join("\n", java.util.Arrays.copyOf(lines, MAX_LINES)) + "\n...";
		}
		return text.stripIndent();
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}
}
