package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.hao.dsl.ui.builder.HaoMarkers;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.validation.IssueAnnotation;
import org.hao.dsl.ui.estimate.EstimateService;
import org.junit.jupiter.api.Test;

/** Inline estimates (code minings) on the MobileNetV2 / ZU3EG example, and the editor screenshot. */
class EstimateMiningTest {

	private static final long TIMEOUT = 120_000;
	/** An op on the overlay: its time and the engines it runs on (the engines are shared, so no DSP per op). */
	private static final String LAYER = "\\d+\\.\\d\\d ms \u00b7 (conv|depthwise)( \\+ (conv|depthwise))? engine";

	/**
	 * The editor's inline estimates honour the resource caps of the search, as the builder's findings and the search do:
	 * under {@code dsp <= 24} no subgraph estimate shows more than 24 DSP (or it says the subgraph does not fit).
	 */
	@Test
	void inlineEstimatesHonourTheSearchCaps() throws Exception {
		String example = Files.readString(Ui.examples().resolve("toy.hao"), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(example.contains("fps >= 1000") && example.contains("\tdevice ZU3EG\n"),
				"the toy example changed; update this test");
		// dataflow: every layer its own engine, so the subgraph estimates show their DSP (an overlay's do not)
		String toy = example.replace("\tdevice ZU3EG\n", "\tdevice ZU3EG\n\tarchitecture dataflow\n");
		int uncapped = maxSubgraphDsp(toy);
		String capped = toy.replace("fps >= 1000", "fps >= 1 dsp <= 24");
		java.util.List<String> texts = texts(capped);
		System.out.println("ESTIMATES under dsp <= 24 (uncapped max " + uncapped + " DSP): " + texts);
		assertTrue(uncapped > 24,
				"the toy's base configuration must need more than the cap for this test: " + uncapped);
		assertTrue(maxSubgraphDsp(capped) <= 24, texts.toString());
	}

	private static java.util.List<String> texts(String text) {
		org.hao.dsl.ui.ParsedDocument parsed = org.hao.dsl.ui.DocumentParser.parse(text,
				org.eclipse.emf.common.util.URI.createURI("memory:/caps.hao"), 0,
				org.eclipse.xtext.validation.CheckMode.ALL, () -> false);
		return org.hao.dsl.ui.estimate.EstimateComputer.compute(parsed).entries().stream()
				.filter(e -> e.key().startsWith("subgraph:")).map(org.hao.dsl.ui.estimate.EstimateEntry::text).toList();
	}

	/** The largest DSP count of the subgraph estimates (a subgraph that does not fit counts 0). */
	private static int maxSubgraphDsp(String text) {
		int max = 0;
		for (String t : texts(text)) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) DSP").matcher(t);
			if (m.find()) {
				max = Math.max(max, Integer.parseInt(m.group(1)));
			}
		}
		return max;
	}

	@Test
	void showsLayerSubgraphAndSearchEstimatesAndNeverShowsStaleOnesAsCurrent() throws Exception {
		IFile file = Ui.exampleIn("estimate-test", "mobilenetv2-zu3eg.hao");
		HaoEditor editor = Ui.open(file);
		// a tall window so the screenshot holds the network's minings and the marker in the space below it
		editor.getSite().getShell().setBounds(0, 0, 1280, 1024);
		Ui.page().setPartState(Ui.page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
		EstimateService estimates = editor.estimates();
		Ui.waitUntil("current estimates", () -> estimates.isInstalledCurrent() && !estimates.labels().isEmpty(),
				TIMEOUT);
		System.out.println("ESTIMATES " + estimates.labels());
		assertTrue(estimates.labels().stream().anyMatch(l -> l.matches(LAYER)), estimates.labels().toString());
		assertTrue(estimates.labels().stream().anyMatch(l -> l.matches("subgraph: \\d+\\.\\d\\d ms on the overlay")),
				estimates.labels().toString());
		// the network line names the accelerator: architecture, engine sizes, what the bitstream needs
		assertTrue(estimates.labels().stream()
				.anyMatch(l -> l.matches("overlay overlay \u00b7 conv \\d+x\\d+x\\d+ \\(PPxICPxOCP\\)"
						+ " \u00b7 depthwise \\d+x\\d+ \u00b7 .* fps \u00b7 \\d+ DSP \u00b7 \\d+ BRAM on ZU3EG")),
				estimates.labels().toString());
		// the search summary: frames per second, or (the engine's verdict for MobileNetV2 at INT8) which subgraph does not fit
		assertTrue(
				estimates.labels().stream()
						.anyMatch(l -> l.matches("(\u2248 \\d+\\.\\d fps|base configuration does not fit) .*ZU3EG.*")),
				estimates.labels().toString());
		String hover = new org.hao.dsl.ui.hover.HaoTextHover(editor.model(), editor.estimates()).getHoverInfo(
				editor.viewer(),
				new org.eclipse.jface.text.Region(editor.document().get().indexOf("mbconv b2") + 8, 0));
		assertTrue(hover != null && hover.contains("mbconv b2") && hover.matches("(?s).*Estimate: " + LAYER + ".*"),
				hover);
		String networkHover = estimates.hoverText(editor.model().latest().model().getElements().get(0));
		assertTrue(networkHover != null && networkHover.startsWith("overlay"),
				"the network's hover names its accelerator: " + networkHover);

		// an edit: the old values are marked, never shown as current, until the new version is estimated
		IDocument doc = editor.document();
		int out = doc.get().indexOf("out 1280");
		doc.replace(out, "out 1280".length(), "out 640");
		assertFalse(estimates.isInstalledCurrent());
		assertTrue(estimates.labels().stream().allMatch(l -> l.startsWith("(updating)")),
				estimates.labels().toString());
		Ui.waitUntil("estimates of the edited version",
				() -> estimates.isInstalledCurrent() && !estimates.labels().isEmpty(), TIMEOUT);

		// a marker next to the minings for the screenshot: an out-of-range depth in the space (the network itself stays
		// estimable; an error in the network would leave nothing to estimate), saved so the builder marks it too
		int depth = doc.get().indexOf("depth { 2, 3 }");
		doc.replace(depth, "depth { 2, 3 }".length(), "depth { 0, 3 }");
		editor.doSave(null);
		Ui.waitUntil("an error annotation", () -> hasError(editor), TIMEOUT);
		Ui.waitUntil("a builder marker", () -> {
			try {
				return file.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO).length > 0
						&& file.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO)[0]
								.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR;
			} catch (Exception e) {
				return false;
			}
		}, TIMEOUT);
		Ui.waitUntil("estimates of the saved version",
				() -> estimates.isInstalledCurrent() && !estimates.labels().isEmpty(), TIMEOUT);
		// and the viewer really paints them: its annotation model holds the code-mining annotations
		Ui.waitUntil("code minings in the viewer", () -> miningAnnotations(editor) >= 10, 20_000);
		editor.selectAndReveal(doc.get().indexOf("subgraph s4"), 0);
		editor.viewer().getTextWidget().setTopIndex(doc.getLineOfOffset(doc.get().indexOf("subgraph s2")));
		Path png = Ui.screenshot(editor.viewer().getTextWidget().getParent(), "editor-estimates-and-marker.png");
		assertTrue(Files.size(png) > 1000, "screenshot " + png + " is empty");
		Ui.page().setPartState(Ui.page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
		editor.close(false);
	}

	/** Code-mining annotations live in the viewer's visual annotation model (the document's model is attached to it). */
	private static int miningAnnotations(HaoEditor editor) {
		int n = 0;
		var model = ((org.eclipse.jface.text.source.ISourceViewerExtension2) editor.viewer())
				.getVisualAnnotationModel();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (a.getClass().getSimpleName().startsWith("CodeMining")) {
				n++;
			}
		}
		return n;
	}

	private static boolean hasError(HaoEditor editor) {
		for (Iterator<Annotation> it = editor.viewer().getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (a instanceof IssueAnnotation && a.getType().equals(IssueAnnotation.ERROR)) {
				return true;
			}
		}
		return false;
	}
}
