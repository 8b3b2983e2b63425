package org.hao.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.hao.dsl.validation.HaoIssueCodes;

/**
 * Quick fixes for the validator's issue codes. They work on the document text and the issue's range only, so the
 * same fixes serve editor annotations (Ctrl+1) and Problems-view markers.
 */
public final class QuickFixes {

	/** One fix: a label and a text edit. */
	public interface Fix {
		String label();

		void apply(IDocument document) throws BadLocationException;
	}

	private record SimpleFix(String label, Edit edit) implements Fix {
		@Override
		public void apply(IDocument document) throws BadLocationException {
			edit.apply(document);
		}
	}

	@FunctionalInterface
	private interface Edit {
		void apply(IDocument d) throws BadLocationException;
	}

	/** A value to write for a missing attribute; only keywords with an obvious default get a fix. */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("out", "16"), Map.entry("kernel", "3"),
			Map.entry("stride", "1"), Map.entry("expand", "6"), Map.entry("repeat", "1"),
			Map.entry("input", "3 x 224 x 224"), Map.entry("clock", "200 MHz"), Map.entry("bandwidth", "4.26 GB/s"),
			Map.entry("cap", "0.85"), Map.entry("packing", "{ 16: 1, 8: 2, 4: 4 }"), Map.entry("device", "ZU3EG"),
			Map.entry("objective", "accuracy"));

	private QuickFixes() {
	}

	public static boolean hasFixes(String code) {
		return code != null && List.of(HaoIssueCodes.VALUE_OUT_OF_RANGE, HaoIssueCodes.DUPLICATE_ENTRY,
				HaoIssueCodes.MISSING_ATTRIBUTE, HaoIssueCodes.MISSING_POWER, HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE,
				HaoIssueCodes.IMPORT_SELF, HaoIssueCodes.IMPORT_NOT_FOUND, HaoIssueCodes.UNSUPPORTED_BIT_WIDTH)
				.contains(code);
	}

	public static List<Fix> fixes(String code, String[] data, int offset, int length, IDocument doc) {
		List<Fix> fixes = new ArrayList<>();
		if (code == null) {
			return fixes;
		}
		String first = data != null && data.length > 0 ? data[0] : null;
		switch (code) {
			case HaoIssueCodes.VALUE_OUT_OF_RANGE -> {
				if (first != null) {
					fixes.add(new SimpleFix("Replace with " + first, d -> d.replace(offset, length, first)));
				}
			}
			case HaoIssueCodes.DUPLICATE_ENTRY -> fixes.add(new SimpleFix("Remove the duplicate", d -> removeListEntry(d, offset, length)));
			case HaoIssueCodes.MISSING_ATTRIBUTE -> {
				if (first != null && DEFAULTS.containsKey(first)) {
					String text = first + " " + DEFAULTS.get(first);
					fixes.add(new SimpleFix("Add '" + text + "'", d -> insertAttribute(d, offset, text)));
				}
			}
			case HaoIssueCodes.MISSING_POWER -> fixes.add(new SimpleFix("Add a power block",
					d -> insertAttribute(d, offset, "power {\n\t\tstatic 1.0 W\n\t\tmac 1.0 pJ\n\t\tddr 32 pJ/B\n\t}")));
			case HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE, HaoIssueCodes.IMPORT_SELF, HaoIssueCodes.IMPORT_NOT_FOUND ->
				fixes.add(new SimpleFix(code.equals(HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE) ? "Remove the constraint" : "Remove the import",
						d -> removeLine(d, offset)));
			default -> {
				// no fix
			}
		}
		return fixes;
	}

	/** Removes a list value and the comma that separates it from its predecessor. */
	private static void removeListEntry(IDocument d, int offset, int length) throws BadLocationException {
		int start = offset;
		while (start > 0 && Character.isWhitespace(d.getChar(start - 1)) && d.getChar(start - 1) != '\n') {
			start--;
		}
		if (start > 0 && d.getChar(start - 1) == ',') {
			d.replace(start - 1, offset + length - (start - 1), "");
		} else {
			removeLine(d, offset);
		}
	}

	/** Adds an attribute to the element named at {@code offset}: on a new line inside its braces, else at line end. */
	private static void insertAttribute(IDocument d, int offset, String text) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(offset);
		String lineText = d.get(line.getOffset(), line.getLength());
		int brace = lineText.indexOf('{', offset - line.getOffset());
		if (brace >= 0) {
			String indent = leadingWhitespace(lineText) + "\t";
			d.replace(line.getOffset() + brace + 1, 0, "\n" + indent + text);
			return;
		}
		int comment = lineText.indexOf("//");
		int end = comment >= 0 ? comment : lineText.length();
		while (end > 0 && Character.isWhitespace(lineText.charAt(end - 1))) {
			end--;
		}
		d.replace(line.getOffset() + end, 0, " " + text);
	}

	private static void removeLine(IDocument d, int offset) throws BadLocationException {
		int line = d.getLineOfOffset(offset);
		IRegion r = d.getLineInformation(line);
		int length = r.getLength() + (d.getLineDelimiter(line) == null ? 0 : d.getLineDelimiter(line).length());
		d.replace(r.getOffset(), length, "");
	}

	private static String leadingWhitespace(String s) {
		int i = 0;
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return s.substring(0, i);
	}
}
