package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.hao.dsl.hao.Model;
import org.hao.dsl.ide.highlighting.HaoSemanticHighlightingCalculator;
import org.junit.jupiter.api.Test;

/** The shared semantic colouring (Eclipse editor, language clients): definitions and references by position. */
class SemanticHighlightingTest extends HaoTestBase {

	@Test
	void namesAreDefinitionsAndCrossReferencesAreReferences() throws Exception {
		Model m = parse(VALID);
		String text = VALID;
		List<String> definitions = new ArrayList<>();
		List<String> references = new ArrayList<>();
		new HaoSemanticHighlightingCalculator().provideHighlightingFor((XtextResource) m.eResource(),
				(offset, length, ids) -> {
					String word = text.substring(offset, offset + length);
					(HaoSemanticHighlightingCalculator.REFERENCE.equals(ids[0]) ? references : definitions).add(word);
				}, CancelIndicator.NullImpl);
		assertTrue(definitions.containsAll(List.of("Small", "Net", "c1", "p1", "r1", "NetSpace", "find")),
				definitions.toString());
		// "add r1 from c1": c1 is a reference there; the search names its space and its device
		assertTrue(references.containsAll(List.of("c1", "NetSpace", "Small")), references.toString());
		assertEquals(1, definitions.stream().filter("Small"::equals).count(), "the device is defined once");
	}
}
