package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.Document;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.quickfix.QuickFixes;
import org.hao.dsl.validation.HaoIssueCodes;
import org.junit.jupiter.api.Test;

/**
 * The quick-fix registry is the one place that decides what is fixable: for every issue code of HaoIssueCodes, the
 * light bulb ({@code hasFixes}) shows exactly when there is a fix, and the fixes of real validator issues remove them.
 */
class QuickFixRegistryTest {

	/** Data an issue may carry: none, empty, a number, a keyword with a default, a device name, junk. */
	private static final List<String[]> DATA = List.of(new String[0], new String[]{""}, new String[]{"16"},
			new String[]{"kernel"}, new String[]{"ZU3EG"}, new String[]{"no-such-keyword"});

	static List<String> allCodes() throws IllegalAccessException {
		List<String> codes = new ArrayList<>();
		for (Field f : HaoIssueCodes.class.getDeclaredFields()) {
			if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
					&& f.getType() == String.class) {
				codes.add((String) f.get(null));
			}
		}
		return codes;
	}

	@Test
	void everyIssueCodeShowsTheLightBulbExactlyWhenItHasAFix() throws Exception {
		List<String> codes = allCodes();
		assertTrue(codes.size() >= 20, "codes found by reflection: " + codes);
		assertTrue(codes.containsAll(QuickFixes.fixableCodes()),
				"registry keys that are no issue code: " + QuickFixes.fixableCodes());
		int fixable = 0;
		for (String code : codes) {
			for (String[] data : DATA) {
				boolean bulb = QuickFixes.hasFixes(code, data);
				List<QuickFixes.Fix> fixes = QuickFixes.fixes(code, data, 0, 0, new Document("x"));
				assertEquals(bulb, !fixes.isEmpty(), code + " with data " + Arrays.toString(data) + ": light bulb "
						+ bulb + " but fixes " + fixes.stream().map(QuickFixes.Fix::label).toList());
				fixable += bulb ? 1 : 0;
			}
			assertFalse(QuickFixes.hasFixes(code, null) && !QuickFixes.fixableCodes().contains(code));
		}
		assertTrue(fixable > 0);
		// the issue's cases: a bit-width no device runs has no fix; an out-of-range value without a replacement has none
		assertFalse(QuickFixes.hasFixes(HaoIssueCodes.UNSUPPORTED_BIT_WIDTH, new String[]{"ZU3EG"}));
		assertFalse(QuickFixes.hasFixes(HaoIssueCodes.VALUE_OUT_OF_RANGE, new String[0]));
		assertTrue(QuickFixes.hasFixes(HaoIssueCodes.VALUE_OUT_OF_RANGE, new String[]{"0.85"}));
		assertFalse(QuickFixes.hasFixes(null, null));
	}

	/** Real validator issues: each one with a light bulb has a fix that removes an issue of its code. */
	@Test
	void fixesOfRealIssuesRemoveThem() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("out-of-range-with-value", "device D fpga { dsp 100 bram18k 100 lut 1000 ff 2000 clock 100 MHz "
				+ "bandwidth 1 GB/s packing { 8: 2 } cap 1.5 power { static 1 W mac 1 pJ ddr 32 pJ/B } }\n");
		files.put("out-of-range-without-value", "network N { input 3 x 8 x 8 subgraph s { conv c out 0 kernel 3 } }\n");
		files.put("missing-attribute", "network N { input 3 x 8 x 8 subgraph s { conv c out 8 } }\n");
		files.put("duplicate-entry", "network N { input 3 x 8 x 8 subgraph s { mbconv b expand 4 kernel 3 out 8 } }\n"
				+ "space S for N { subgraph s { kernel { 3, 3, 5 } } }\n");
		files.put("unsupported-bit-width",
				"network N { input 3 x 8 x 8 subgraph s { mbconv b expand 4 kernel 3 out 8 } }\n"
						+ "space S for N { subgraph s { bits weights { 32 } activations { 32 } } }\n"
						+ "search x { space S device ZU3EG objective accuracy }\n");
		files.put("missing-import",
				"import \"does-not-exist.hao\"\nnetwork N { input 3 x 8 x 8 subgraph s { conv c out 8 kernel 3 } }\n");
		int withBulb = 0;
		int withoutBulb = 0;
		for (Map.Entry<String, String> f : files.entrySet()) {
			ParsedDocument parsed = DocumentParser.parse(f.getValue(), URI.createURI("memory:/" + f.getKey() + ".hao"),
					0, org.eclipse.xtext.validation.CheckMode.ALL, () -> false);
			assertFalse(parsed.issues().isEmpty(), f.getKey() + " gives no issue");
			for (Issue issue : parsed.issues()) {
				String code = issue.getCode();
				boolean bulb = QuickFixes.hasFixes(code, issue.getData());
				Document doc = new Document(f.getValue());
				List<QuickFixes.Fix> fixes = QuickFixes.fixes(code, issue.getData(), issue.getOffset(),
						issue.getLength(), doc);
				assertEquals(bulb, !fixes.isEmpty(), f.getKey() + ": " + issue);
				if (!bulb) {
					withoutBulb++;
					continue;
				}
				withBulb++;
				try {
					fixes.get(0).apply(doc);
				} catch (Exception e) {
					throw new AssertionError(f.getKey() + ": fix '" + fixes.get(0).label() + "' failed", e);
				}
				ParsedDocument after = DocumentParser.parse(doc.get(),
						URI.createURI("memory:/" + f.getKey() + "-fixed.hao"), 0,
						org.eclipse.xtext.validation.CheckMode.ALL, () -> false);
				long before = parsed.issues().stream().filter(i -> code.equals(i.getCode())).count();
				long now = after.issues().stream().filter(i -> code.equals(i.getCode())).count();
				assertTrue(now < before, f.getKey() + ": '" + fixes.get(0).label() + "' left " + now + " of " + before
						+ " issues " + code + "; text now:\n" + doc.get());
			}
		}
		assertTrue(withBulb >= 4 && withoutBulb >= 2, withBulb + " fixable, " + withoutBulb + " not");
	}
}
