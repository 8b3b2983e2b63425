package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IWorkbenchPage;
import org.hao.dsl.ui.launch.HaoLaunchShortcut;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.launch.SearchLaunch;
import org.hao.dsl.ui.launch.SearchJob;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.dsl.ui.pareto.ParetoResults;
import org.hao.dsl.ui.pareto.ParetoView;
import org.junit.jupiter.api.Test;

/** Run As > HAO Search: a Job writing results next to the model, shown in the Pareto view; and Cancel. */
class LaunchTest {

	private static final long TIMEOUT = 180_000;

	@Test
	void launchFillsTheParetoView() throws Exception {
		IFile file = Ui.exampleIn("launch-pareto", "mobilenetv2-zu3eg.hao");
		IFile results = ResultsFiles.resultsFile(file, "");
		if (results.exists()) {
			results.delete(true, null);
		}
		ILaunchConfiguration config = HaoLaunchShortcut.configuration(file, "mbv2_zu3eg_60fps");
		assertEquals(config, HaoLaunchShortcut.configuration(file, "mbv2_zu3eg_60fps"), "the configuration is reused");
		// the example's own time limit (60 s); 2 threads leave a core to the UI
		var wc = config.getWorkingCopy();
		wc.setAttribute(SearchLaunch.THREADS, 2);
		config = wc.doSave();
		config.launch(ILaunchManager.RUN_MODE, null);
		ParetoView view = Ui.waitFor("the Pareto view with points", () -> {
			ParetoView v = (ParetoView) Ui.page().findView(ParetoView.ID);
			// the view may still show another file (an earlier test's comparison): wait for this file's results
			return v != null && file.equals(v.modelFile()) && v.results() != null && !v.results().points().isEmpty() ? v : null;
		}, TIMEOUT);
		assertTrue(results.exists(), "results written next to the model");
		assertTrue(ResultsFiles.reportFile(results).exists(), "HTML report written next to the results");
		ParetoResults r = view.results();
		System.out.println("PARETO " + r.points().size() + " points, chosen " + r.chosen() + ", status: " + view.statusText());
		assertEquals("mbv2_zu3eg_60fps", r.search());
		assertEquals("ZU3EG", r.device());
		assertNotNull(r.latencyBudgetMs(), "the fps constraint becomes a latency budget line");
		assertNotNull(view.chart().getSeriesSet().getSeries("frontier"));
		// each point's accuracy interval drawn as a vertical error bar
		org.eclipse.swtchart.IErrorBar bars = view.chart().getSeriesSet().getSeries("frontier").getYErrorBar();
		assertTrue(bars.isVisible(), "error bars on the frontier");
		assertEquals(r.points().size(), bars.getPlusErrors().length);
		assertTrue(r.points().get(0).accuracyHigh() > r.points().get(0).accuracy(), "the results file has the interval");
		view.select(0);
		assertTrue(view.configTable().getItemCount() > 0, "a point's configuration is listed");
		Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		Ui.flush();
		Path shot = Ui.screenshot(view.chart().getParent().getParent(), "pareto-view.png");
		assertTrue(Files.size(shot) > 1000);
		view.exportPng(Ui.screenshotDir().resolve("pareto-chart.png"));
		Path csv = Ui.screenshotDir().resolve("pareto.csv");
		view.exportCsv(csv);
		assertEquals(r.points().size() + 1, Files.readAllLines(csv).size());
		Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_RESTORED);
	}

	@Test
	void cancelStopsTheSearchAndKeepsNoHalfResults() throws Exception {
		IFile file = Ui.exampleIn("launch-test", "mobilenetv2-zu3eg.hao");
		IFile results = ResultsFiles.resultsFile(file, "");
		if (results.exists()) {
			results.delete(true, null);
		}
		ILaunchConfiguration config = HaoLaunchShortcut.configuration(file, "mbv2_zu3eg_60fps");
		config.launch(ILaunchManager.RUN_MODE, null);
		Job job = Ui.waitFor("the search job", () -> {
			Job[] jobs = Job.getJobManager().find(SearchJob.FAMILY);
			return jobs.length > 0 ? jobs[0] : null;
		}, 30_000);
		Ui.waitUntil("the search to run", () -> String.valueOf(SearchStatus.get(file)).startsWith("running"), 30_000);
		long t0 = System.currentTimeMillis();
		job.cancel();
		Ui.waitUntil("the job to end after Cancel", () -> job.getState() == Job.NONE, 30_000);
		long stoppedMs = System.currentTimeMillis() - t0;
		System.out.println("CANCEL stopped after " + stoppedMs + " ms, status " + SearchStatus.get(file));
		String status = SearchStatus.get(file);
		assertTrue(status.equals("cancelled") || !results.exists() || status.contains("points"),
				"status after cancel: " + status);
		if ("cancelled".equals(status)) {
			assertFalse(results.getLocation().toFile().exists(), "a cancelled run writes no results");
		}
	}
}
