package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.hao.dsl.ui.navigation.Declarations;
import org.hao.dsl.ui.contentassist.HaoCompletionProcessor;
import org.hao.dsl.ui.editor.HaoEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input references of graph ops ({@code in X}, {@code in A, B}) in the .hao editor of a real workbench: go to
 * definition (F3) jumps to the named op, also to an op of an earlier subgraph, and completion after {@code in}
 * proposes the ops of the network.
 */
class InputReferencesTest {

	private static final long TIMEOUT = 30_000;
	static final String TEXT = """
			network Block {
				input 64 x 56 x 56
				subgraph stem {
					pointwise conv1 out 64
				}
				subgraph layer1_0 {
					conv conv2 out 64 kernel 3 padding 1
					pointwise conv3 out 256 act none
					conv shortcut in conv1 out 256 kernel 1 padding valid act none
					add sum in conv3, shortcut act relu
				}
			}
			""";

	private HaoEditor editor;
	private IDocument doc;

	@BeforeEach
	void open() throws Exception {
		IFile file = Ui.exampleIn("input-references-test", "toy.hao").getProject().getFile("block.hao");
		if (file.exists()) {
			Ui.write(file, TEXT);
		} else {
			file.create(new java.io.ByteArrayInputStream(TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)), true,
					null);
		}
		editor = Ui.open(file);
		doc = editor.document();
		Ui.waitUntil("first reconcile", () -> editor.model().latest() != null, TIMEOUT);
	}

	@AfterEach
	void close() {
		editor.close(false);
		Ui.flush();
	}

	private int offsetOf(String needle) {
		int i = doc.get().indexOf(needle);
		assertTrue(i >= 0, needle + " not in the document");
		return i;
	}

	/** F3 on the reference at {@code ref} selects the definition at {@code definition}. */
	private void goesTo(int ref, int definition) {
		Declarations.Target target = Declarations.find(editor.model().current(doc), ref);
		assertNotNull(target, "no definition for the reference at " + ref);
		assertEquals(definition, target.offset());
		editor.selectAndReveal(ref, 0);
		editor.openDeclaration();
		Ui.flush();
		assertEquals(definition, editor.viewer().getSelectedRange().x);
	}

	@Test
	void goToDefinitionOnInputReferences() {
		// the first and the second input of a two-input add
		goesTo(offsetOf("in conv3, shortcut") + "in ".length(), offsetOf("conv3 out"));
		goesTo(offsetOf(", shortcut act") + ", ".length(), offsetOf("shortcut in conv1"));
		// an op of an earlier subgraph
		goesTo(offsetOf("in conv1 out") + "in ".length() + 1, offsetOf("conv1 out 64"));
	}

	@Test
	void completionAfterInProposesTheOps() {
		int at = offsetOf("in conv3, shortcut") + "in ".length();
		ICompletionProposal[] ps = new HaoCompletionProcessor(editor.model())
				.computeCompletionProposals(editor.viewer(), at);
		List<String> proposals = Arrays.stream(ps).map(ICompletionProposal::getDisplayString).toList();
		for (String op : List.of("conv1", "conv2", "conv3", "shortcut")) {
			assertTrue(proposals.stream().anyMatch(p -> p.startsWith(op)), op + " not proposed: " + proposals);
		}
	}
}
