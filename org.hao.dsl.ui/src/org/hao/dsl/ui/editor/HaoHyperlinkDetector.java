package org.hao.dsl.ui.editor;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.xtext.util.ITextRegion;
import org.hao.dsl.ui.ParsedDocument;

/** Ctrl+click on a reference jumps to its definition. */
public class HaoHyperlinkDetector implements IHyperlinkDetector {

	private final HaoEditor editor;

	public HaoHyperlinkDetector(HaoEditor editor) {
		this.editor = editor;
	}

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		try {
			ParsedDocument parsed = editor.model().current(viewer.getDocument());
			ITextRegion ref = Declarations.referenceAt(parsed, region.getOffset());
			Declarations.Target target = ref == null ? null : Declarations.find(parsed, region.getOffset());
			if (target == null) {
				return null;
			}
			IRegion linkRegion = new Region(ref.getOffset(), ref.getLength());
			return new IHyperlink[] { new IHyperlink() {
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
					editor.reveal(target);
				}
			} };
		} catch (RuntimeException e) {
			return null;
		}
	}
}
