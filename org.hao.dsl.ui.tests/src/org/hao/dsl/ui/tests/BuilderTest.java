package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IMarkerResolution;
import org.hao.dsl.ui.quickfix.HaoMarkerResolutions;
import org.hao.dsl.ui.builder.HaoMarkers;
import org.hao.dsl.ui.builder.HaoNature;
import org.junit.jupiter.api.Test;

/** The builder's markers in the Problems view: appear on errors and engine findings, vanish when fixed. */
class BuilderTest {

	private static final long TIMEOUT = 60_000;

	private static List<IMarker> markers(IFile f, int severity) {
		try {
			return Arrays.stream(f.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == severity).toList();
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String messages(IFile f) throws CoreException {
		return Arrays.stream(f.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO))
				.map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList()
				.toString();
	}

	@Test
	void errorMarkerAppearsAndDisappearsWithAQuickFix() throws Exception {
		IFile f = Ui.exampleIn("builder-test", "toy.hao");
		assertTrue(f.getProject().hasNature(HaoNature.ID));
		String good = Files.readString(Ui.examples().resolve("toy.hao"), StandardCharsets.UTF_8);
		Ui.write(f, good);
		Ui.waitUntil("the builder to check the valid file", () -> {
			try {
				return f.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO).length == 0;
			} catch (CoreException e) {
				return false;
			}
		}, TIMEOUT);
		Ui.write(f, good.replace("depthwise dw1 kernel 3", "depthwise dw1"));
		Ui.waitUntil("an error marker for the missing kernel", () -> !markers(f, IMarker.SEVERITY_ERROR).isEmpty(),
				TIMEOUT);
		// a save may rebuild the file (and re-check its importers) once more, replacing its markers: the Problems view
		// asks for the resolutions of the marker it shows, so take them from a marker that still exists
		IMarker[] shown = new IMarker[1];
		IMarkerResolution[][] found = new IMarkerResolution[1][];
		Ui.waitUntil("a marker with a quick fix", () -> {
			List<IMarker> errors = markers(f, IMarker.SEVERITY_ERROR);
			if (errors.isEmpty()) {
				return false;
			}
			shown[0] = errors.get(0);
			found[0] = new HaoMarkerResolutions().getResolutions(shown[0]);
			return shown[0].exists() && found[0].length > 0;
		}, TIMEOUT);
		IMarker marker = shown[0];
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("kernel"), messages(f));
		assertTrue(marker.getAttribute(IMarker.LINE_NUMBER, 0) == 9, messages(f));
		// the Problems view's quick fix
		IMarkerResolution[] fixes = found[0];
		assertTrue(fixes.length > 0, "no resolution for " + messages(f));
		fixes[0].run(marker);
		assertTrue(
				new String(f.getContents().readAllBytes(), StandardCharsets.UTF_8).contains("depthwise dw1 kernel 3"));
		Ui.waitUntil("the error marker to disappear", () -> markers(f, IMarker.SEVERITY_ERROR).isEmpty(), TIMEOUT);
	}

	/** Files from the field in the builder: a UTF-8 byte-order mark and CR-only line ends are fine, UTF-16 is one error. */
	@Test
	void byteOrderMarkCrLineEndsAndUtf16() throws Exception {
		IFile f = Ui.exampleIn("builder-test", "toy.hao");
		String good = Files.readString(Ui.examples().resolve("toy.hao"), StandardCharsets.UTF_8);
		byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
		byte[] text = good.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
		byte[] both = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, both, 0, bom.length);
		System.arraycopy(text, 0, both, bom.length, text.length);
		f.setContents(new java.io.ByteArrayInputStream(both), true, false, null);
		// an error first, so that "no markers" below is the builder's verdict on the BOM file, not a stale state
		Ui.write(f, good.replace("depthwise dw1 kernel 3", "depthwise dw1"));
		Ui.waitUntil("an error marker", () -> !markers(f, IMarker.SEVERITY_ERROR).isEmpty(), TIMEOUT);
		f.setContents(new java.io.ByteArrayInputStream(both), true, false, null);
		Ui.waitUntil("no markers on the BOM + CR-only file", () -> {
			try {
				return f.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO).length == 0;
			} catch (CoreException e) {
				return false;
			}
		}, TIMEOUT);
		f.setContents(new java.io.ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_16LE)), true, false, null);
		Ui.waitUntil("one error saying to save as UTF-8",
				() -> markers(f, IMarker.SEVERITY_ERROR).size() == 1 && markers(f, IMarker.SEVERITY_ERROR).get(0)
						.getAttribute(IMarker.MESSAGE, "").contains("save it as UTF-8"),
				TIMEOUT);
		assertTrue(markers(f, IMarker.SEVERITY_ERROR).get(0).getAttribute(IMarker.LINE_NUMBER, 0) == 1, messages(f));
		Ui.write(f, good);
	}

	@Test
	void engineFindingWhenTheBaseConfigurationDoesNotFit() throws Exception {
		// per-subgraph reconfiguration (one accelerator per subgraph): a BRAM18K cap of 90 is valid for the validator
		// (the space's smaller variants fit under it), but the base INT8 network's s4/s5 need more even with streamed
		// weights: the engine's finding becomes a warning on the subgraph
		IFile f = Ui.exampleIn("builder-test", "mobilenetv2-zu3eg.hao");
		String example = Files.readString(Ui.examples().resolve("mobilenetv2-zu3eg.hao"), StandardCharsets.UTF_8);
		assertTrue(example.contains("\t\tdsp <= 306\n"), "the example's constraints changed; update this test");
		Ui.write(f, example.replace("\t\tdsp <= 306\n", "\t\tdsp <= 306\n\t\tbram18k <= 90\n")
				.replace("\tdevice ZU3EG\n", "\tdevice ZU3EG\n\tarchitecture per-subgraph\n"));
		Ui.waitUntil("an engine finding on a subgraph", () -> markers(f, IMarker.SEVERITY_WARNING).stream()
				.anyMatch(m -> m.getAttribute(HaoMarkers.CODE, "").equals(HaoMarkers.ENGINE_FINDING)), TIMEOUT);
		System.out.println("ENGINE-FINDING markers: " + messages(f));
		assertTrue(markers(f, IMarker.SEVERITY_ERROR).isEmpty(), messages(f));
		IMarker finding = markers(f, IMarker.SEVERITY_WARNING).stream()
				.filter(m -> m.getAttribute(HaoMarkers.CODE, "").equals(HaoMarkers.ENGINE_FINDING)).findFirst()
				.orElseThrow();
		assertTrue(finding.getAttribute(IMarker.MESSAGE, "").matches("subgraph \\w+ on ZU3EG: .*(DSP|BRAM|LUT).*"),
				messages(f));
	}
}
