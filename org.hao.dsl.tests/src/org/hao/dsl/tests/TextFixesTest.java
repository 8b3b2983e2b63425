package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.dsl.lsp.TextFixes;
import org.hao.dsl.validation.HaoIssueCodes;
import org.junit.jupiter.api.Test;

/** The language server's quick fixes on plain text (the same fixes as the Eclipse editor's). */
class TextFixesTest {

	private static String apply(String text, TextFixes.Fix fix) {
		return text.substring(0, fix.offset()) + fix.text() + text.substring(fix.offset() + fix.length());
	}

	@Test
	void duplicateEntryIsRemovedWithItsComma() {
		String text = "space S for N {\n\tsubgraph all {\n\t\tkernel { 3, 5, 5 }\n\t}\n}\n";
		int at = text.lastIndexOf('5');
		List<TextFixes.Fix> fixes = TextFixes.fixes(HaoIssueCodes.DUPLICATE_ENTRY, new String[0], at, 1, text);
		assertEquals(1, fixes.size());
		assertEquals(text.replace("3, 5, 5", "3, 5"), apply(text, fixes.get(0)));
	}

	@Test
	void missingAttributeIsInsertedInsideTheBraces() {
		String text = "search s {\n\tobjective accuracy\n}\n";
		List<TextFixes.Fix> fixes = TextFixes.fixes(HaoIssueCodes.MISSING_ATTRIBUTE, new String[]{"device"},
				text.indexOf('s', 1), 1, text);
		assertEquals(1, fixes.size());
		assertEquals("search s {\n\tdevice ZU3EG\n\tobjective accuracy\n}\n", apply(text, fixes.get(0)));
	}

	@Test
	void missingImportLineIsRemoved() {
		String text = "import \"gone.hao\"\nnetwork N {\n}\n";
		List<TextFixes.Fix> fixes = TextFixes.fixes(HaoIssueCodes.IMPORT_NOT_FOUND, null, 7, 10, text);
		assertEquals("network N {\n}\n", apply(text, fixes.get(0)));
	}

	@Test
	void valueOutOfRangeUsesTheIssuesReplacementOnly() {
		String text = "conv c out 16 kernel 3 stride 0";
		int at = text.lastIndexOf('0');
		assertTrue(TextFixes.fixes(HaoIssueCodes.VALUE_OUT_OF_RANGE, new String[0], at, 1, text).isEmpty());
		TextFixes.Fix fix = TextFixes.fixes(HaoIssueCodes.VALUE_OUT_OF_RANGE, new String[]{"1"}, at, 1, text).get(0);
		assertEquals("conv c out 16 kernel 3 stride 1", apply(text, fix));
	}

	@Test
	void unknownCodesAndRangesOutsideTheTextGetNoFix() {
		assertTrue(TextFixes.fixes("org.example.other", null, 0, 1, "abc").isEmpty());
		assertTrue(TextFixes.fixes(null, null, 0, 1, "abc").isEmpty());
		assertTrue(TextFixes.fixes(HaoIssueCodes.DUPLICATE_ENTRY, null, 2, 5, "abc").isEmpty());
	}
}
