package org.hao.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.hao.dsl.lsp.TextFixes;

/**
 * Quick fixes for the validator's issue codes in the Eclipse editor: the language server's fixes
 * ({@link TextFixes}, one implementation) applied to a JFace document. They need the document text and the issue's
 * range only, so the same fixes serve editor annotations (Ctrl+1) and Problems-view markers.
 */
public final class QuickFixes {

	/** One fix: a label and a text edit. */
	public interface Fix {
		String label();

		void apply(IDocument document) throws BadLocationException;
	}

	private record Replacement(TextFixes.Fix fix) implements Fix {
		@Override
		public String label() {
			return fix.label();
		}

		@Override
		public void apply(IDocument document) throws BadLocationException {
			document.replace(fix.offset(), fix.length(), fix.text());
		}
	}

	private QuickFixes() {
	}

	/** The issue codes that have fixes (for tests and docs). */
	public static Set<String> fixableCodes() {
		return TextFixes.fixableCodes();
	}

	/** Whether an issue with this code and data gets at least one fix: exactly when {@link #fixes} is not empty. */
	public static boolean hasFixes(String code, String[] data) {
		return TextFixes.hasFixes(code, data);
	}

	/** The fixes of an issue at {@code offset..offset+length} of {@code doc}, computed on its current text. */
	public static List<Fix> fixes(String code, String[] data, int offset, int length, IDocument doc) {
		List<Fix> out = new ArrayList<>();
		for (TextFixes.Fix f : TextFixes.fixes(code, data, offset, length, doc.get())) {
			out.add(new Replacement(f));
		}
		return out;
	}
}
