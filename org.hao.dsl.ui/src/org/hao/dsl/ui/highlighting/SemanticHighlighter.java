package org.hao.dsl.ui.highlighting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.hao.dsl.ui.DocumentText;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.util.CancelIndicator;
import org.hao.dsl.ide.highlighting.HaoSemanticHighlightingCalculator;
import org.hao.dsl.ui.ParsedDocument;

/**
 * Semantic colouring from the parse: names being defined in bold, cross-references (devices, networks, ops...) in
 * the reference colour. Ranges are kept as document positions so they move with edits until the next reconcile.
 */
public class SemanticHighlighter implements Consumer<ParsedDocument>, ITextPresentationListener {

	public static final String CATEGORY = "org.hao.dsl.ui.semantic";

	/** A coloured range; {@code reference} false = a definition. */
	public static final class Highlight extends Position {
		public final boolean reference;

		Highlight(int offset, int length, boolean reference) {
			super(offset, length);
			this.reference = reference;
		}
	}

	private final ISourceViewer viewer;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private volatile List<Highlight> current = List.of();

	public SemanticHighlighter(ISourceViewer viewer) {
		this.viewer = viewer;
		((ITextViewerExtension4) viewer).addTextPresentationListener(this);
	}

	/** The ranges of the parse (the language's {@link ISemanticHighlightingCalculator}), computed off the UI thread. */
	public static List<Highlight> compute(ParsedDocument parsed) {
		List<Highlight> result = new ArrayList<>();
		ISemanticHighlightingCalculator calculator = parsed.resource().getResourceServiceProvider()
				.get(ISemanticHighlightingCalculator.class);
		calculator.provideHighlightingFor(parsed.resource(), (offset, length, ids) -> {
			for (String id : ids) {
				if (HaoSemanticHighlightingCalculator.REFERENCE.equals(id)
						|| HaoSemanticHighlightingCalculator.DEFINITION.equals(id)) {
					result.add(new Highlight(offset, length, HaoSemanticHighlightingCalculator.REFERENCE.equals(id)));
					return;
				}
			}
		}, CancelIndicator.NullImpl);
		return result;
	}

	@Override
	public void accept(ParsedDocument parsed) {
		List<Highlight> ranges = compute(parsed);
		Display display = viewer.getTextWidget() == null ? null : viewer.getTextWidget().getDisplay();
		if (display == null) {
			return;
		}
		display.asyncExec(() -> install(parsed.stamp(), ranges));
	}

	private void install(long stamp, List<Highlight> ranges) {
		IDocument doc = viewer.getDocument();
		if (doc == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()
				|| DocumentText.stamp(doc) != stamp) {
			return; // an older version: the reconcile of the current one will come
		}
		try {
			if (!doc.containsPositionCategory(CATEGORY)) {
				doc.addPositionCategory(CATEGORY);
				doc.addPositionUpdater(updater);
			}
			doc.removePositionCategory(CATEGORY);
			doc.addPositionCategory(CATEGORY);
			for (Highlight h : ranges) {
				doc.addPosition(CATEGORY, h);
			}
		} catch (BadLocationException | BadPositionCategoryException e) {
			return;
		}
		current = ranges;
		viewer.invalidateTextPresentation();
	}

	public List<Highlight> highlights() {
		return current;
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int start = extent.getOffset();
		int end = start + extent.getLength();
		for (Highlight h : current) {
			if (h.isDeleted() || h.getOffset() + h.getLength() <= start || h.getOffset() >= end) {
				continue;
			}
			StyleRange range = new StyleRange(h.getOffset(), h.getLength(),
					h.reference ? HaoColors.REFERENCE : HaoColors.DEFINITION, null,
					h.reference ? SWT.ITALIC : SWT.BOLD);
			presentation.mergeStyleRange(range);
		}
	}

	public void dispose() {
		((ITextViewerExtension4) viewer).removeTextPresentationListener(this);
		IDocument doc = viewer.getDocument();
		if (doc != null && doc.containsPositionCategory(CATEGORY)) {
			try {
				doc.removePositionCategory(CATEGORY);
			} catch (BadPositionCategoryException e) {
				// already gone
			}
			doc.removePositionUpdater(updater);
		}
	}
}
