package org.hao.dsl.ui.formatting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.ParsedDocument;

import com.google.inject.Injector;

/** Format (Ctrl+Shift+F) with the language's Xtext formatter; files with syntax errors are left alone. */
public final class HaoDocumentFormatter {

	private HaoDocumentFormatter() {
	}

	/** The formatter's edits, or an empty list when the text does not parse. */
	public static List<ITextReplacement> edits(ParsedDocument parsed) {
		if (!parsed.resource().getErrors().isEmpty() || parsed.resource().getParseResult() == null) {
			return List.of();
		}
		Injector injector = HaoLanguage.injector();
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		ITextRegionAccess access = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(parsed.resource())
				.create();
		request.setTextRegionAccess(access);
		request.setAllowIdentityEdits(false);
		List<ITextReplacement> edits = new ArrayList<>(injector.getInstance(IFormatter2.class).format(request));
		edits.sort(Comparator.comparingInt(ITextReplacement::getOffset).reversed());
		return edits;
	}

	/** Applies the edits back to front so earlier offsets stay valid; returns whether anything changed. */
	public static boolean format(ParsedDocument parsed, IDocument document) throws BadLocationException {
		List<ITextReplacement> edits = edits(parsed);
		for (ITextReplacement r : edits) {
			document.replace(r.getOffset(), r.getLength(), r.getReplacementText());
		}
		return !edits.isEmpty();
	}
}
