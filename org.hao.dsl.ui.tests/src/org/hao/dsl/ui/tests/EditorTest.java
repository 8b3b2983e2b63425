package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.hao.dsl.ui.navigation.Declarations;
import org.hao.dsl.ui.highlighting.HaoColors;
import org.hao.dsl.ui.contentassist.HaoCompletionProcessor;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.quickfix.HaoQuickAssistProcessor;
import org.hao.dsl.ui.hover.HaoTextHover;
import org.hao.dsl.ui.validation.IssueAnnotation;
import org.hao.dsl.ui.outline.OutlineNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The .hao editor on the toy example in a real workbench. */
class EditorTest {

	private static final long TIMEOUT = 30_000;

	private HaoEditor editor;
	private IDocument doc;

	@BeforeEach
	void open() throws Exception {
		IFile file = Ui.exampleIn("editor-test", "toy.hao");
		editor = Ui.open(file);
		doc = editor.document();
		Ui.waitUntil("first reconcile", () -> editor.model().latest() != null, TIMEOUT);
		Ui.waitUntil("semantic colouring installed", () -> !editor.semanticHighlighter().highlights().isEmpty(),
				TIMEOUT);
	}

	@AfterEach
	void close() {
		editor.close(false);
		Ui.flush();
	}

	private StyleRange styleAt(int offset) {
		StyledText text = editor.viewer().getTextWidget();
		StyleRange r = text.getStyleRangeAtOffset(offset);
		assertNotNull(r, "no style at " + offset + " ('"
				+ doc.get().substring(offset, Math.min(doc.getLength(), offset + 10)) + "')");
		return r;
	}

	private int offsetOf(String needle) {
		int i = doc.get().indexOf(needle);
		assertTrue(i >= 0, needle + " not in the document");
		return i;
	}

	@Test
	void coloursKeywordsNumbersCommentsAndReferences() {
		StyleRange keyword = styleAt(offsetOf("network Toy"));
		assertEquals(HaoColors.KEYWORD.getRGB(), keyword.foreground.getRGB());
		assertTrue((keyword.fontStyle & SWT.BOLD) != 0, "keywords are bold");
		assertEquals(HaoColors.NUMBER.getRGB(), styleAt(offsetOf("32 x 32")).foreground.getRGB());
		assertEquals(HaoColors.COMMENT.getRGB(), styleAt(offsetOf("// A tiny")).foreground.getRGB());
		// semantic: a cross-reference (device name from the standard library) and a definition name
		StyleRange ref = styleAt(offsetOf("ZU3EG"));
		assertEquals(HaoColors.REFERENCE.getRGB(), ref.foreground.getRGB());
		assertTrue((ref.fontStyle & SWT.ITALIC) != 0, "references are italic");
		int def = offsetOf("network Toy") + "network ".length();
		assertTrue((styleAt(def).fontStyle & SWT.BOLD) != 0, "defined names are bold");
		// an identifier that is neither stays plain: the "x" keyword in shapes is a keyword though
		assertEquals(HaoColors.KEYWORD.getRGB(), styleAt(offsetOf("x 32")).foreground.getRGB());
	}

	private List<String> proposals(int offset) {
		ICompletionProposal[] ps = new HaoCompletionProcessor(editor.model())
				.computeCompletionProposals(editor.viewer(), offset);
		return Arrays.stream(ps).map(ICompletionProposal::getDisplayString).toList();
	}

	@Test
	void proposesDevicesKeywordsAndBitWidths() {
		int device = offsetOf("ZU3EG");
		List<String> devices = proposals(device);
		assertTrue(devices.stream().anyMatch(s -> s.startsWith("ZU3EG")), devices.toString());
		assertTrue(devices.stream().anyMatch(s -> s.startsWith("ZU9EG")), devices.toString());
		assertTrue(devices.stream().anyMatch(s -> s.startsWith("Adreno640")), devices.toString());
		// an op line start in a subgraph: op keywords
		int opStart = offsetOf("conv stem_conv");
		List<String> ops = proposals(opStart);
		assertTrue(ops.containsAll(List.of("conv", "depthwise", "pointwise", "mbconv")), ops.toString());
		// bit-widths: ZU3EG's packing table has 16, 8 and 4
		int bits = offsetOf("weights { 4") + "weights { ".length();
		List<String> widths = proposals(bits);
		assertTrue(widths.stream().anyMatch(s -> s.startsWith("16")), widths.toString());
		assertTrue(widths.stream().anyMatch(s -> s.startsWith("8")), widths.toString());
	}

	private List<IssueAnnotation> issueAnnotations() {
		var model = editor.viewer().getAnnotationModel();
		java.util.ArrayList<IssueAnnotation> out = new java.util.ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof IssueAnnotation a) {
				out.add(a);
			}
		}
		return out;
	}

	/** The editor's as-you-type parse: a leading byte-order mark and CR-only line ends give no error annotation. */
	@Test
	void byteOrderMarkAndCrLineEndsAreNoErrors() throws Exception {
		String toy = doc.get();
		doc.set("\uFEFF" + toy.replace("depthwise dw1 kernel 3", "depthwise dw1").replace("\n", "\r"));
		Ui.waitUntil("an error annotation for the missing kernel",
				() -> issueAnnotations().stream().anyMatch(a -> a.getType().equals(IssueAnnotation.ERROR)), TIMEOUT);
		List<String> errors = issueAnnotations().stream().filter(a -> a.getType().equals(IssueAnnotation.ERROR))
				.map(a -> a.issue().getLineNumber() + ": " + a.getText()).toList();
		assertEquals(1, errors.size(), errors.toString());
		assertTrue(errors.get(0).startsWith("9: ") && errors.get(0).contains("kernel"), errors.toString());
		doc.set("\uFEFF" + toy.replace("\n", "\r"));
		Ui.waitUntil("no error annotation",
				() -> issueAnnotations().stream().noneMatch(a -> a.getType().equals(IssueAnnotation.ERROR))
						&& editor.model().latest() != null && editor.model().latest().text().equals(doc.get()),
				TIMEOUT);
		doc.set(toy);
	}

	@Test
	void validatesAsYouTypeAndQuickFixesAMissingAttribute() throws Exception {
		assertTrue(issueAnnotations().stream().noneMatch(a -> a.getType().equals(IssueAnnotation.ERROR)),
				"the toy example is valid: " + issueAnnotations().stream().map(Annotation::getText).toList());
		int kernel = offsetOf("dw1 kernel 3") + "dw1".length();
		doc.replace(kernel, " kernel 3".length(), "");
		Ui.waitUntil("an error annotation for the missing kernel",
				() -> issueAnnotations().stream()
						.anyMatch(a -> a.getType().equals(IssueAnnotation.ERROR) && a.getText().contains("kernel")),
				30_000);
		ISourceViewer viewer = editor.viewer();
		int caret = offsetOf("depthwise dw1");
		ICompletionProposal[] fixes = new HaoQuickAssistProcessor()
				.computeQuickAssistProposals(new IQuickAssistInvocationContext() {
					@Override
					public int getOffset() {
						return caret;
					}

					@Override
					public int getLength() {
						return 0;
					}

					@Override
					public ISourceViewer getSourceViewer() {
						return viewer;
					}
				});
		ICompletionProposal add = Arrays.stream(fixes).filter(p -> p.getDisplayString().contains("kernel 3"))
				.findFirst().orElseThrow(() -> new AssertionError("no 'add kernel' fix in " + Arrays.toString(fixes)));
		add.apply(doc);
		assertTrue(doc.get().contains("depthwise dw1 kernel 3"), doc.get());
		Ui.waitUntil("the error annotation to disappear",
				() -> issueAnnotations().stream().noneMatch(a -> a.getType().equals(IssueAnnotation.ERROR)), 30_000);
	}

	@Test
	void hoverOutlineGoToDefinitionAndToggleComment() throws Exception {
		String hover = new HaoTextHover(editor.model(), editor.estimates()).getHoverInfo(editor.viewer(),
				new Region(offsetOf("ZU3EG"), 0));
		assertNotNull(hover);
		assertTrue(hover.contains("dsp 360"), hover);

		List<OutlineNode> outline = OutlineNode.of(editor.model().latest().model());
		assertEquals(List.of("network Toy", "space ToySpace", "search toy_zu3eg"),
				outline.stream().map(OutlineNode::label).toList());
		assertEquals(3, outline.get(0).children().size());

		int ref = offsetOf("from stem_conv") + "from ".length();
		Declarations.Target target = Declarations.find(editor.model().current(doc), ref);
		assertNotNull(target);
		assertEquals(offsetOf("stem_conv out"), target.offset());
		editor.selectAndReveal(ref, 0);
		editor.openDeclaration();
		assertEquals(offsetOf("stem_conv out"), editor.viewer().getSelectedRange().x);

		int line = doc.getLineOfOffset(offsetOf("pool gap"));
		editor.selectAndReveal(doc.getLineOffset(line) + 3, 0);
		editor.toggleComment();
		assertTrue(doc.get(doc.getLineOffset(line), doc.getLineLength(line)).startsWith("//"));
		editor.toggleComment();
		assertFalse(doc.get(doc.getLineOffset(line), doc.getLineLength(line)).strip().startsWith("//"));
	}

	@Test
	void inlineEstimatesOnTheToyNetwork() {
		Ui.waitUntil("current estimates",
				() -> editor.estimates().isInstalledCurrent() && !editor.estimates().labels().isEmpty(), TIMEOUT);
		List<String> labels = editor.estimates().labels();
		assertTrue(labels.stream().anyMatch(l -> l.matches("\u2248 \\d+\\.\\d fps on ZU3EG.*")), labels.toString());
		assertTrue(
				labels.stream().anyMatch(
						l -> l.matches("\\d+\\.\\d\\d ms \u00b7 (conv|depthwise)( \\+ (conv|depthwise))? engine")),
				labels.toString());
	}

	@Test
	void formatKeepsAValidModel() throws Exception {
		int start = offsetOf("conv stem_conv");
		doc.replace(start, "conv stem_conv".length(), "conv     stem_conv");
		editor.format();
		assertTrue(doc.get().contains("conv stem_conv out 16"), doc.get());
	}
}
