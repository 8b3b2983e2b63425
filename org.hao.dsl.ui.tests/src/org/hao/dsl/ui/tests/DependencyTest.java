package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.source.Annotation;
import org.hao.dsl.ui.builder.HaoMarkers;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.validation.IssueAnnotation;
import org.hao.dsl.ui.index.DependencyIndex;
import org.junit.jupiter.api.Test;

/**
 * The dependency index: saving a file re-checks the files that import it. search.hao imports net.hao; renaming the
 * network in net.hao (and saving) makes search.hao invalid, and its builder markers and its open editor's
 * annotations say so without search.hao being touched; restoring net.hao clears both.
 */
class DependencyTest {

	private static final long TIMEOUT = 60_000;

	private static List<String> errorMarkers(IFile f) {
		try {
			return Arrays.stream(f.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
					.map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
					.toList();
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> errorAnnotations(HaoEditor editor) {
		var model = editor.viewer().getAnnotationModel();
		java.util.ArrayList<String> out = new java.util.ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof IssueAnnotation a && a.getType().equals(IssueAnnotation.ERROR)) {
				out.add(a.getText());
			}
		}
		return out;
	}

	@Test
	void savingAnImportedFileRechecksItsImportersMarkersAndOpenEditors() throws Exception {
		TwoFiles files = TwoFiles.in("dependency-test");
		HaoEditor editor = Ui.open(files.search);
		try {
			long searchStamp = files.search.getModificationStamp();
			Ui.waitUntil("the builder to check both files",
					() -> DependencyIndex.get().importersOf(files.net).contains(files.search), TIMEOUT);
			Ui.waitUntil("no error marker on search.hao", () -> errorMarkers(files.search).isEmpty(), TIMEOUT);
			Ui.waitUntil("no error annotation in the search.hao editor",
					() -> editor.model().latest() != null && errorAnnotations(editor).isEmpty(), TIMEOUT);
			assertTrue(errorMarkers(files.net).isEmpty(), errorMarkers(files.net).toString());

			// save net.hao with the network renamed: search.hao's `for Toy` no longer resolves
			TwoFiles.put(files.net, TwoFiles.NET.replace("network Toy {", "network Toy2 {"));
			Ui.waitUntil("an error marker on search.hao (never edited)", () -> !errorMarkers(files.search).isEmpty(),
					TIMEOUT);
			assertTrue(errorMarkers(files.search).stream().anyMatch(m -> m.startsWith("3:") && m.contains("Toy")),
					errorMarkers(files.search).toString());
			Ui.waitUntil("an error annotation in the open search.hao editor", () -> !errorAnnotations(editor).isEmpty(),
					TIMEOUT);
			assertTrue(errorAnnotations(editor).stream().anyMatch(a -> a.contains("Toy")),
					errorAnnotations(editor).toString());
			assertEquals(searchStamp, files.search.getModificationStamp(), "search.hao was not touched");
			assertTrue(!editor.isDirty(), "the search.hao editor was not edited");

			// restore net.hao: both go away again
			TwoFiles.put(files.net, TwoFiles.NET);
			Ui.waitUntil("search.hao's error marker to go", () -> errorMarkers(files.search).isEmpty(), TIMEOUT);
			Ui.waitUntil("the editor's error annotation to go", () -> errorAnnotations(editor).isEmpty(), TIMEOUT);

			// deleting the imported file is a change too: the import line gets its error
			files.net.delete(true, null);
			Ui.waitUntil("an import error on search.hao after net.hao was deleted",
					() -> errorMarkers(files.search).stream().anyMatch(m -> m.startsWith("1:")), TIMEOUT);
			TwoFiles.put(files.net, TwoFiles.NET);
			Ui.waitUntil("search.hao valid again once net.hao is back", () -> errorMarkers(files.search).isEmpty(),
					TIMEOUT);
			assertEquals(searchStamp, files.search.getModificationStamp(), "search.hao was not touched");
		} finally {
			editor.close(false);
			Ui.flush();
		}
	}
}
