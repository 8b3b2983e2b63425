package org.hao.dsl.ui.quickfix;

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

	/** The fixes of one issue code: whether an issue with this data gets any, and which. */
	private interface Fixer {
		/** Whether {@link #fixes} gives at least one fix for an issue with this data (the light bulb shows then). */
		boolean fixable(String[] data);

		List<Fix> fixes(String[] data, int offset, int length);
	}

	private static Fixer always(String label, FixAt edit) {
		return new Fixer() {
			@Override
			public boolean fixable(String[] data) {
				return true;
			}

			@Override
			public List<Fix> fixes(String[] data, int offset, int length) {
				return List.of(new SimpleFix(label, d -> edit.apply(d, offset, length)));
			}
		};
	}

	@FunctionalInterface
	private interface FixAt {
		void apply(IDocument d, int offset, int length) throws BadLocationException;
	}

	/** data[0] of an issue, or null. */
	private static String first(String[] data) {
		return data != null && data.length > 0 && data[0] != null && !data[0].isBlank() ? data[0] : null;
	}

	/**
	 * The one registry of what is fixable, keyed by issue code. A code that is not here has no fix and gets no light
	 * bulb; a code here gets one only for issues whose data its fixer can use (e.g. a replacement value).
	 */
	private static final Map<String, Fixer> REGISTRY = Map.of(
			HaoIssueCodes.VALUE_OUT_OF_RANGE, new Fixer() {
				@Override
				public boolean fixable(String[] data) {
					return first(data) != null;
				}

				@Override
				public List<Fix> fixes(String[] data, int offset, int length) {
					String value = first(data);
					return value == null ? List.of()
							: List.of(new SimpleFix("Replace with " + value, d -> d.replace(offset, length, value)));
				}
			},
			HaoIssueCodes.MISSING_ATTRIBUTE, new Fixer() {
				@Override
				public boolean fixable(String[] data) {
					return first(data) != null && DEFAULTS.containsKey(first(data));
				}

				@Override
				public List<Fix> fixes(String[] data, int offset, int length) {
					if (!fixable(data)) {
						return List.of();
					}
					String text = first(data) + " " + DEFAULTS.get(first(data));
					return List.of(new SimpleFix("Add '" + text + "'", d -> insertAttribute(d, offset, length, text)));
				}
			},
			HaoIssueCodes.DUPLICATE_ENTRY, always("Remove the duplicate", QuickFixes::removeListEntry),
			HaoIssueCodes.MISSING_POWER, always("Add a power block",
					(d, offset, length) -> insertAttribute(d, offset, length, "power {\n\t\tstatic 1.0 W\n\t\tmac 1.0 pJ\n\t\tddr 32 pJ/B\n\t}")),
			HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE, always("Remove the constraint", (d, offset, length) -> removeLine(d, offset)),
			HaoIssueCodes.IMPORT_SELF, always("Remove the import", (d, offset, length) -> removeLine(d, offset)),
			HaoIssueCodes.IMPORT_NOT_FOUND, always("Remove the import", (d, offset, length) -> removeLine(d, offset)));

	/** The issue codes that have fixes (for tests and docs). */
	public static java.util.Set<String> fixableCodes() {
		return REGISTRY.keySet();
	}

	/** Whether an issue with this code and data gets at least one fix: exactly when {@link #fixes} is not empty. */
	public static boolean hasFixes(String code, String[] data) {
		Fixer fixer = code == null ? null : REGISTRY.get(code);
		return fixer != null && fixer.fixable(data);
	}

	public static List<Fix> fixes(String code, String[] data, int offset, int length, IDocument doc) {
		Fixer fixer = code == null ? null : REGISTRY.get(code);
		return fixer == null ? new ArrayList<>() : new ArrayList<>(fixer.fixes(data, offset, length));
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

	/**
	 * Adds an attribute to the element named at {@code offset} (the issue's range): on a new line inside its braces;
	 * for an element without braces (an op), at the end of its line, or right after its name when something else
	 * follows on the line (a one-line file: {@code subgraph s { conv c out 8 } }; attributes may come in any order).
	 */
	private static void insertAttribute(IDocument d, int offset, int length, String text) throws BadLocationException {
		IRegion line = d.getLineInformationOfOffset(offset);
		String lineText = d.get(line.getOffset(), line.getLength());
		int brace = lineText.indexOf('{', offset - line.getOffset());
		if (brace >= 0) {
			String indent = leadingWhitespace(lineText) + "\t";
			d.replace(line.getOffset() + brace + 1, 0, "\n" + indent + text);
			return;
		}
		int afterName = Math.min(offset + length - line.getOffset(), lineText.length());
		if (lineText.indexOf('}', afterName) >= 0) {
			d.replace(line.getOffset() + afterName, 0, " " + text);
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
