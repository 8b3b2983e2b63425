package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.launch.SearchJob;
import org.hao.dsl.ui.launch.SearchRequest;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Two searches at once while one file is edited and saved and the workspace builds: each results file holds exactly
 * what the engine gives headless for the text its search was launched on (the engine is deterministic for a seed).
 */
class ConcurrencyTest {

	private static final double LIMIT_S = 300;

	/** The toy network with a space big enough that a search takes seconds, not milliseconds. */
	private static String wider(String toy, int seed) {
		String s = toy
				.replace("kernel { 3, 5 }", "kernel { 3, 5, 7 }\n\t\texpand { 2, 4, 6 }\n\t\twidth { 0.5, 0.75, 1.0 }")
				.replace("seed 1", "seed " + seed);
		assertTrue(s.contains("expand { 2, 4, 6 }") && s.contains("seed " + seed), "the toy example changed: " + s);
		return s.replace("space ToySpace for Toy {",
				"space ToySpace for Toy {\n\tsubgraph all { bits weights { 4, 8 } activations { 8 } }");
	}

	/** The frontier the engine gives for {@code text} without the IDE. */
	private static JsonElement headless(IFile file, String text) {
		ParsedDocument parsed = DocumentParser.parse(text, DocumentParser.uriOf(file), 0,
				org.eclipse.xtext.validation.CheckMode.ALL, () -> false);
		SearchSpec spec = new ModelMapper().toSearches(parsed.model().getElements().stream()
				.filter(Search.class::isInstance).map(Search.class::cast).findFirst().orElseThrow()).get(0);
		return JsonParser
				.parseString(ResultsJson.toJson(ResultsDocument
						.of(HaoSearch.run(spec, new SearchOptions(1, LIMIT_S), null, new CancelToken()))))
				.getAsJsonObject().get("points");
	}

	private static boolean started(IFile f, Job job) {
		return String.valueOf(SearchStatus.get(f)).startsWith("running on") || job.getState() == Job.NONE;
	}

	private static JsonElement written(IFile file) throws Exception {
		IFile results = ResultsFiles.resultsFile(file, "");
		return JsonParser.parseString(Files.readString(results.getLocation().toFile().toPath(), StandardCharsets.UTF_8))
				.getAsJsonObject().get("points");
	}

	@Test
	void twoSearchesWithAnEditAndABuildMeanwhileGiveTheirOwnResults() throws Exception {
		IFile a = Ui.exampleIn("concurrent-a", "toy.hao");
		IFile b = Ui.exampleIn("concurrent-b", "toy.hao");
		String toy = Files.readString(Ui.examples().resolve("toy.hao"));
		String textA = wider(toy, 3), textB = wider(toy, 4);
		Ui.write(a, textA);
		Ui.write(b, textB);
		for (IFile f : List.of(a, b)) {
			IFile r = ResultsFiles.resultsFile(f, "");
			if (r.exists()) {
				r.delete(true, null);
			}
		}
		HaoEditor editor = Ui.open(a);
		long t0 = System.currentTimeMillis();
		SearchJob jobA = new SearchJob(new SearchRequest(a, null, LIMIT_S, 1));
		SearchJob jobB = new SearchJob(new SearchRequest(b, null, LIMIT_S, 1));
		jobA.schedule();
		jobB.schedule();
		// "running on" is set once a job has read its file and the engine runs
		Ui.waitUntil("both searches to have read their files", () -> started(a, jobA) && started(b, jobB), 60_000);
		// meanwhile: the user edits A (a different seed and constraint), saves it, and the workspace builds
		IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		doc.set(doc.get().replace("seed 3", "seed 77").replace("fps >= 1000", "fps >= 10"));
		Ui.flush();
		boolean overlapped = jobA.getState() == Job.RUNNING || jobB.getState() == Job.RUNNING;
		editor.doSave(null);
		Job build = Job.create("test build", (ICoreRunnable) m -> ResourcesPlugin.getWorkspace()
				.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, m));
		build.schedule();
		Ui.waitUntil("both searches and the build to end",
				() -> jobA.getState() == Job.NONE && jobB.getState() == Job.NONE && build.getState() == Job.NONE,
				300_000);
		System.out.println("RELIABILITY IDE: two searches + edit + save + build in " + (System.currentTimeMillis() - t0)
				+ " ms (overlapped with the edit: " + overlapped + "); status A: " + SearchStatus.get(a) + "; B: "
				+ SearchStatus.get(b));
		assertEquals(IStatus.OK, jobA.getResult().getSeverity(), String.valueOf(SearchStatus.get(a)));
		assertEquals(IStatus.OK, jobB.getResult().getSeverity(), String.valueOf(SearchStatus.get(b)));
		JsonElement gotA = written(a), gotB = written(b);
		assertFalse(gotA.getAsJsonArray().isEmpty(), "no points for A: " + SearchStatus.get(a));
		assertEquals(headless(a, textA), gotA, "A's results are not those of the text it was launched on");
		assertEquals(headless(b, textB), gotB, "B's results are not those of its own text");
		assertTrue(doc.get().contains("seed 77"), "the edit survived");
	}
}
