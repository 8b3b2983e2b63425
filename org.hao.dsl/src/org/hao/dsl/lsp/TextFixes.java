package org.hao.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hao.dsl.validation.HaoIssueCodes;

/**
 * Quick fixes for the validator's issue codes as plain text replacements on a document's text (the same fixes as the
 * Eclipse editor's, which work on a JFace document): for the language server's code actions.
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
		String first = data != null && data.length > 0 ? data[0] : null;
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
					fixes.add(insertAttribute("Add '" + attribute + "'", text, offset, attribute));
				}
			}
			case HaoIssueCodes.MISSING_POWER -> fixes.add(insertAttribute("Add a power block", text, offset,
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

	/** Adds an attribute to the element named at {@code offset}: on a new line inside its braces, else at line end. */
	private static Fix insertAttribute(String label, String text, int offset, String attribute) {
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
