package org.hao.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hao.dsl.validation.HaoIssueCodes;

/**
 * Quick fixes for the validator's issue codes as plain text replacements on a document's text: the one
 * implementation behind the language server's code actions and the Eclipse editor's quick fixes (Ctrl+1, Problems
 * view), which apply the same replacements to a JFace document.
 */
public final class TextFixes {

	/** Replace {@code length} characters at {@code offset} with {@code text}. */
	public record Fix(String label, int offset, int length, String text) {
	}

	/** A value to write for a missing attribute; only keywords with an obvious default get a fix. */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("out", "16"), Map.entry("kernel", "3"),
			Map.entry("stride", "1"), Map.entry("expand", "6"), Map.entry("repeat", "1"),
			Map.entry("input", "3 x 224 x 224"), Map.entry("clock", "200 MHz"), Map.entry("bandwidth", "4.26 GB/s"),
			Map.entry("cap", "0.85"), Map.entry("packing", "{ 16: 1, 8: 2, 4: 4 }"), Map.entry("device", "ZU3EG"),
			Map.entry("objective", "accuracy"));

	private TextFixes() {
	}

	/** The issue codes that have fixes (for tests and docs). */
	public static Set<String> fixableCodes() {
		return Set.of(HaoIssueCodes.VALUE_OUT_OF_RANGE, HaoIssueCodes.DUPLICATE_ENTRY, HaoIssueCodes.MISSING_ATTRIBUTE,
				HaoIssueCodes.MISSING_POWER, HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE, HaoIssueCodes.IMPORT_SELF,
				HaoIssueCodes.IMPORT_NOT_FOUND);
	}

	/**
	 * Whether an issue with this code and data gets at least one fix (the light bulb shows then): exactly when
	 * {@link #fixes} is not empty for it.
	 */
	public static boolean hasFixes(String code, String[] data) {
		if (code == null || !fixableCodes().contains(code)) {
			return false;
		}
		String first = first(data);
		return switch (code) {
			case HaoIssueCodes.VALUE_OUT_OF_RANGE -> first != null;
			case HaoIssueCodes.MISSING_ATTRIBUTE -> first != null && DEFAULTS.containsKey(first);
			default -> true;
		};
	}

	/** data[0] of an issue, or null when absent or blank. */
	private static String first(String[] data) {
		return data != null && data.length > 0 && data[0] != null && !data[0].isBlank() ? data[0] : null;
	}

	/**
	 * The fixes for an issue.
	 *
	 * @param code the issue code (HaoIssueCodes), may be null
	 * @param data the issue data (data[0] documented per code), may be null
	 * @param offset start of the issue's range in {@code text}
	 * @param length length of the issue's range
	 */
	public static List<Fix> fixes(String code, String[] data, int offset, int length, String text) {
		List<Fix> fixes = new ArrayList<>();
		if (code == null || offset < 0 || offset + length > text.length()) {
			return fixes;
		}
		String first = first(data);
		switch (code) {
			case HaoIssueCodes.VALUE_OUT_OF_RANGE -> {
				if (first != null) {
					fixes.add(new Fix("Replace with " + first, offset, length, first));
				}
			}
			case HaoIssueCodes.DUPLICATE_ENTRY -> fixes.add(removeListEntry(text, offset, length));
			case HaoIssueCodes.MISSING_ATTRIBUTE -> {
				if (first != null && DEFAULTS.containsKey(first)) {
					String attribute = first + " " + DEFAULTS.get(first);
					fixes.add(insertAttribute("Add '" + attribute + "'", text, offset, length, attribute));
				}
			}
			case HaoIssueCodes.MISSING_POWER -> fixes.add(insertAttribute("Add a power block", text, offset, length,
					"power {\n\t\tstatic 1.0 W\n\t\tmac 1.0 pJ\n\t\tddr 32 pJ/B\n\t}"));
			case HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE -> fixes.add(removeLine("Remove the constraint", text, offset));
			case HaoIssueCodes.IMPORT_SELF, HaoIssueCodes.IMPORT_NOT_FOUND ->
				fixes.add(removeLine("Remove the import", text, offset));
			default -> {
				// no fix
			}
		}
		return fixes;
	}

	/** Removes a list value and the comma that separates it from its predecessor. */
	private static Fix removeListEntry(String text, int offset, int length) {
		int start = offset;
		while (start > 0 && Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '\n') {
			start--;
		}
		if (start > 0 && text.charAt(start - 1) == ',') {
			return new Fix("Remove the duplicate", start - 1, offset + length - (start - 1), "");
		}
		Fix line = removeLine("Remove the duplicate", text, offset);
		return line;
	}

	/**
	 * Adds an attribute to the element named at {@code offset} (the issue's range): on a new line inside its braces;
	 * for an element without braces (an op), at the end of its line, or right after its name when something else
	 * follows on the line (a one-line file: {@code subgraph s { conv c out 8 } }; attributes may come in any order).
	 */
	private static Fix insertAttribute(String label, String text, int offset, int length, String attribute) {
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		int lineEnd = text.indexOf('\n', offset);
		if (lineEnd < 0) {
			lineEnd = text.length();
		}
		String line = text.substring(lineStart, lineEnd);
		int brace = line.indexOf('{', offset - lineStart);
		if (brace >= 0) {
			String indent = leadingWhitespace(line) + "\t";
			return new Fix(label, lineStart + brace + 1, 0, "\n" + indent + attribute);
		}
		int afterName = Math.min(offset + length - lineStart, line.length());
		if (line.indexOf('}', afterName) >= 0) {
			return new Fix(label, lineStart + afterName, 0, " " + attribute);
		}
		int comment = line.indexOf("//");
		int end = comment >= 0 ? comment : line.length();
		while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
			end--;
		}
		return new Fix(label, lineStart + end, 0, " " + attribute);
	}

	private static Fix removeLine(String label, String text, int offset) {
		int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
		int lineEnd = text.indexOf('\n', offset);
		int end = lineEnd < 0 ? text.length() : lineEnd + 1;
		return new Fix(label, lineStart, end - lineStart, "");
	}

	private static String leadingWhitespace(String s) {
		int i = 0;
		while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
			i++;
		}
		return s.substring(0, i);
	}
}
