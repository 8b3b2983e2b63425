package org.hao.dsl.ui.navigation;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.xtext.util.ITextRegion;
import java.util.function.Consumer;

import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.ParsedDocument;

/** Ctrl+click on a reference jumps to its definition. */
public class HaoHyperlinkDetector implements IHyperlinkDetector {

	private final EditorModel model;
	private final Consumer<Declarations.Target> reveal;

	/** @param reveal opens a declaration (in this editor, another one, or the standard library) */
	public HaoHyperlinkDetector(EditorModel model, Consumer<Declarations.Target> reveal) {
		this.model = model;
		this.reveal = reveal;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		try {
			ParsedDocument parsed = model.current(viewer.getDocument());
			ITextRegion ref = Declarations.referenceAt(parsed, region.getOffset());
			Declarations.Target target = ref == null ? null : Declarations.find(parsed, region.getOffset());
			if (target == null) {
				return null;
			}
			IRegion linkRegion = new Region(ref.getOffset(), ref.getLength());
			return new IHyperlink[]{new IHyperlink() {
				@Override
				public IRegion getHyperlinkRegion() {
					return linkRegion;
				}

				@Override
				public String getTypeLabel() {
					return null;
				}

				@Override
				public String getHyperlinkText() {
					return "Open Declaration";
				}

				@Override
				public void open() {
					reveal.accept(target);
				}
			}};
		} catch (RuntimeException e) {
			return null;
		}
	}
}
