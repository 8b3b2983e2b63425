package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.ltk.core.refactoring.RefactoringCore;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.hao.dsl.ui.builder.HaoMarkers;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.refactoring.EditorRefactoring;
import org.hao.dsl.ui.refactoring.HaoRename;
import org.hao.dsl.ui.refactoring.Reference;
import org.hao.dsl.ui.refactoring.ReferencesView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rename (Alt+Shift+R) and Find References (Ctrl+Shift+G) in the editor, across files: search.hao imports net.hao.
 * Both files are open; search.hao has an unsaved edit that must survive the rename and its undo.
 */
class RenameTest {

	private static final long TIMEOUT = 60_000;

	private TwoFiles files;
	private HaoEditor netEditor;
	private HaoEditor searchEditor;

	@BeforeEach
	void open() throws Exception {
		files = TwoFiles.in("rename-test");
		searchEditor = Ui.open(files.search);
		netEditor = Ui.open(files.net);
		Ui.waitUntil("both editors parsed",
				() -> netEditor.model().latest() != null && searchEditor.model().latest() != null, TIMEOUT);
	}

	@AfterEach
	void close() {
		netEditor.close(false);
		searchEditor.close(false);
		Ui.flush();
	}

	private static EObject at(HaoEditor editor, String text, int delta) {
		int offset = editor.document().get().indexOf(text) + delta;
		editor.selectAndReveal(offset, 0);
		Ui.flush();
		return EditorRefactoring.elementAt(editor.model(), editor.document(), offset);
	}

	private String searchText() {
		return searchEditor.document().get();
	}

	@Test
	void renamesANetworkInItsFileAndTheImporterKeepingUnsavedEditsAndUndoes() throws Exception {
		searchEditor.document().replace(searchText().length(), 0, "// my unsaved note\n");
		assertTrue(searchEditor.isDirty());
		EObject network = at(netEditor, "network Toy", "network ".length() + 1);
		assertNotNull(network, "the network under the caret");

		HaoRename.Plan plan = EditorRefactoring.rename(network, "Tiny");
		assertTrue(plan.ok(), plan.problem());
		Ui.flush();
		// the definition, saved (its editor was not dirty)
		assertTrue(netEditor.document().get().contains("network Tiny {"), netEditor.document().get());
		assertTrue(TwoFiles.saved(files.net).contains("network Tiny {"));
		assertFalse(netEditor.isDirty());
		// the reference in the other file, in its editor's document: unsaved edit kept, file on disk unchanged
		assertTrue(searchText().contains("space ToySpace for Tiny {"), searchText());
		assertTrue(searchText().contains("// my unsaved note"), searchText());
		assertTrue(searchEditor.isDirty());
		assertEquals(TwoFiles.SEARCH, TwoFiles.saved(files.search));
		// nothing else changed: exactly the two names
		assertEquals(TwoFiles.NET.replace("network Toy {", "network Tiny {"), netEditor.document().get());
		assertEquals(TwoFiles.SEARCH.replace("for Toy {", "for Tiny {") + "// my unsaved note\n", searchText());

		// one undo restores both files; the open editors ask first (the platform's question for an undo that changes
		// other files than the editor's; each open editor asks), and the test answers OK
		int[] asked = new int[1];
		boolean[] stop = new boolean[1];
		Ui.answerQuestions(asked, stop);
		try {
			RefactoringCore.getUndoManager().performUndo(null, new NullProgressMonitor());
		} finally {
			stop[0] = true;
		}
		Ui.flush();
		assertTrue(asked[0] > 0, "the editors asked before undoing in other files");
		assertEquals(TwoFiles.NET, netEditor.document().get());
		assertEquals(TwoFiles.NET, TwoFiles.saved(files.net));
		assertEquals(TwoFiles.SEARCH + "// my unsaved note\n", searchText());
	}

	@Test
	void renamesAnOpAndItsReferencesInTheSameFile() throws Exception {
		EObject op = at(netEditor, "add res1 from stem_conv", "add res1 from ".length() + 2);
		assertNotNull(op, "the op a reference points to");
		HaoRename.Plan plan = EditorRefactoring.rename(op, "stem");
		assertTrue(plan.ok(), plan.problem());
		assertEquals(2, plan.editCount(), plan.edits().toString());
		String text = netEditor.document().get();
		assertTrue(text.contains("conv stem out 16") && text.contains("add res1 from stem\n"), text);
		Ui.waitUntil("the builder to accept the renamed file", () -> {
			try {
				return Arrays.stream(files.net.findMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_ZERO))
						.noneMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR);
			} catch (Exception e) {
				return false;
			}
		}, TIMEOUT);
	}

	/** A device of the workspace renamed from a reference in a closed importer: both closed files saved. */
	@Test
	void renamesADeviceFromAReferenceAndASearchInClosedFiles() throws Exception {
		var project = files.net.getProject();
		org.eclipse.core.resources.IFile board = TwoFiles.put(project.getFile("board.hao"), BOARD);
		String toy = java.nio.file.Files.readString(Ui.examples().resolve("toy.hao"));
		String use = "import \"board.hao\"\n" + toy.replace("device ZU3EG", "device Board");
		org.eclipse.core.resources.IFile user = TwoFiles.put(project.getFile("use.hao"), use);
		HaoEditor editor = Ui.open(user);
		EObject device;
		try {
			Ui.waitUntil("parsed", () -> editor.model().latest() != null, TIMEOUT);
			device = at(editor, "device Board", "device ".length() + 2);
		} finally {
			editor.close(false);
			Ui.flush();
		}
		HaoRename.Plan plan = EditorRefactoring.rename(device, "Ultra96");
		assertTrue(plan.ok(), plan.problem());
		assertEquals(BOARD.replace("device Board", "device Ultra96"), TwoFiles.saved(board));
		assertEquals(use.replace("device Board", "device Ultra96"), TwoFiles.saved(user));

		HaoEditor again = Ui.open(user);
		EObject search;
		try {
			Ui.waitUntil("parsed", () -> again.model().latest() != null, TIMEOUT);
			search = at(again, "search toy_zu3eg", "search ".length() + 1);
		} finally {
			again.close(false);
			Ui.flush();
		}
		HaoRename.Plan renamed = EditorRefactoring.rename(search, "toy_ultra96");
		assertTrue(renamed.ok(), renamed.problem());
		assertEquals(1, renamed.editCount());
		assertEquals(use.replace("device Board", "device Ultra96").replace("search toy_zu3eg", "search toy_ultra96"),
				TwoFiles.saved(user));
	}

	private static final String BOARD = """
			// a board of our own
			device Board fpga {
				dsp 360
				bram18k 432
				lut 70560
				ff 141120
				clock 200 MHz
				bandwidth 4.26 GB/s
			}
			""";

	@Test
	void refusesClashesKeywordsAndTheDeviceLibraryWithoutEditing() throws Exception {
		EObject network = at(netEditor, "network Toy", "network ".length());
		HaoRename.Plan clash = EditorRefactoring.rename(network, "Other");
		assertFalse(clash.ok());
		assertTrue(clash.problem().contains("Other"), clash.problem());
		HaoRename.Plan keyword = EditorRefactoring.rename(network, "network");
		assertFalse(keyword.ok(), "a keyword is not a name");
		EObject device = at(searchEditor, "device ZU3EG", "device ".length() + 1);
		HaoRename.Plan library = EditorRefactoring.rename(device, "Board");
		assertFalse(library.ok());
		assertTrue(library.problem().contains("library"), library.problem());
		assertEquals(TwoFiles.NET, netEditor.document().get());
		assertEquals(TwoFiles.SEARCH, searchText());
		assertFalse(netEditor.isDirty() || searchEditor.isDirty());
	}

	@Test
	void findReferencesFromAReferenceListsTheDefinitionAndEveryUseInTheView() throws Exception {
		Ui.page().activate(searchEditor);
		at(searchEditor, "for Toy", "for ".length() + 1);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(HaoEditor.FIND_REFERENCES_COMMAND,
				null);
		ReferencesView view = Ui.waitFor("the HAO References view",
				() -> (ReferencesView) Ui.page().findView(ReferencesView.ID), TIMEOUT);
		Ui.waitUntil("the references", () -> view.references().size() == 2, TIMEOUT);
		List<Reference> refs = view.references();
		Reference definition = refs.stream().filter(Reference::declaration).findFirst().orElseThrow();
		assertEquals(files.net, definition.file());
		assertEquals(2, definition.line());
		assertEquals("Toy", TwoFiles.NET.substring(definition.offset(), definition.offset() + definition.length()));
		Reference use = refs.stream().filter(r -> !r.declaration()).findFirst().orElseThrow();
		assertEquals(files.search, use.file());
		assertEquals(3, use.line());
		assertEquals("Toy", searchText().substring(use.offset(), use.offset() + use.length()));
		assertEquals("network 'Toy': 1 reference in 2 files", view.summary());
		Ui.screenshot(view.getViewSite().getShell(), "references-view.png");

		// opening a row selects the name in its file
		view.open(use);
		Ui.flush();
		assertEquals(searchEditor, Ui.page().getActiveEditor());
	}

	@Test
	void theCommandsHaveTheirKeysInTheEditor() throws Exception {
		Ui.page().activate(netEditor);
		Ui.flush();
		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		assertTrue(formatted(bindings.getActiveBindingsFor(HaoEditor.RENAME_COMMAND)).contains(keys("Alt+Shift+R")),
				formatted(bindings.getActiveBindingsFor(HaoEditor.RENAME_COMMAND)).toString());
		assertTrue(
				formatted(bindings.getActiveBindingsFor(HaoEditor.FIND_REFERENCES_COMMAND))
						.contains(keys("Ctrl+Shift+G")),
				formatted(bindings.getActiveBindingsFor(HaoEditor.FIND_REFERENCES_COMMAND)).toString());
	}

	/** The keys of a formatted sequence, in any order (GTK writes Shift+Alt+R). */
	private static java.util.Set<String> keys(String formatted) {
		return java.util.Set.of(formatted.split("\\+"));
	}

	private static List<java.util.Set<String>> formatted(TriggerSequence[] sequences) {
		return Arrays.stream(sequences).map(t -> keys(t.format())).toList();
	}
}
