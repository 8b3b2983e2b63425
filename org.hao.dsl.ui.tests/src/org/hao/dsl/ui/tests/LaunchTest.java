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
import org.hao.dsl.ui.launch.SearchJob;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.dsl.ui.pareto.ParetoResults;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.engine.results.ParetoPoint;
import org.junit.jupiter.api.Test;

/** Run As > HAO Search: a Job writing results next to the model, shown in the Pareto view; and Cancel. */
class LaunchTest {

	private static final long TIMEOUT = 180_000;

	/**
	 * The point's configuration as a tree: the network with its subgraphs in the model's order, each holding its
	 * layers (with their latency), the accelerator (engine sizes, resources), and the prediction.
	 */
	private static void assertConfigurationTree(org.eclipse.swt.widgets.Tree tree, ParetoPoint point) {
		java.util.Map<String, org.eclipse.swt.widgets.TreeItem> roots = new java.util.LinkedHashMap<>();
		for (org.eclipse.swt.widgets.TreeItem i : tree.getItems()) {
			roots.put(i.getText(0), i);
		}
		assertEquals(java.util.List.of("network", "accelerator", "prediction"), java.util.List.copyOf(roots.keySet()));
		org.eclipse.swt.widgets.TreeItem accelerator = roots.get("accelerator");
		assertTrue(accelerator.getText(1).startsWith(point.config().accelerator().architecture()),
				accelerator.getText(1));
		assertTrue(java.util.Arrays.stream(accelerator.getItems()).anyMatch(i -> i.getText(0).equals("resources")
				&& i.getText(1).contains(point.config().accelerator().dsp() + " DSP")));
		org.eclipse.swt.widgets.TreeItem network = roots.get("network");
		assertTrue(network.getExpanded(), "the network is expanded");
		java.util.List<String> subgraphs = java.util.Arrays.stream(network.getItems()).map(i -> i.getText(0)).toList();
		assertEquals(java.util.List.of("subgraph stem", "subgraph s2", "subgraph s3", "subgraph s4", "subgraph s5",
				"subgraph s6", "subgraph s7", "subgraph head"), subgraphs);
		int layers = 0;
		for (org.eclipse.swt.widgets.TreeItem sg : network.getItems()) {
			String name = sg.getText(0).substring("subgraph ".length());
			assertTrue(sg.getText(1).contains(" ms"), sg.getText(1));
			assertTrue(sg.getExpanded(), sg.getText(0) + " is expanded: its layers show");
			for (org.eclipse.swt.widgets.TreeItem layer : sg.getItems()) {
				if (layer.getText(0).startsWith("op ")) {
					continue;
				}
				layers++;
				var config = point.config().layers().stream().filter(l -> l.name().equals(layer.getText(0))).findFirst()
						.orElseThrow(() -> new AssertionError("no layer " + layer.getText(0)));
				assertEquals(name, config.subgraph(), "layer " + config.name() + " under its subgraph");
				assertTrue(
						layer.getText(1).contains(String.format(java.util.Locale.ROOT, "%.3f ms", config.latencyMs())),
						layer.getText(1));
			}
		}
		assertEquals(point.config().layers().size(), layers, "every layer once, under its subgraph");
	}

	@Test
	void launchFillsTheParetoView() throws Exception {
		IFile file = Ui.exampleIn("launch-pareto", "mobilenetv2-zu3eg.hao");
		IFile results = SearchLaunches.withoutOldResults(file);
		assertEquals(HaoLaunchShortcut.configuration(file, "mbv2_zu3eg_60fps"),
				HaoLaunchShortcut.configuration(file, "mbv2_zu3eg_60fps"), "the configuration is reused");
		// the example's own time limit (60 s)
		ParetoView view = SearchLaunches.runAndWaitForPoints(file, "mbv2_zu3eg_60fps", TIMEOUT);
		assertTrue(results.exists(), "results written next to the model");
		assertTrue(ResultsFiles.reportFile(results).exists(), "HTML report written next to the results");
		ParetoResults r = view.results();
		System.out.println(
				"PARETO " + r.points().size() + " points, chosen " + r.chosen() + ", status: " + view.statusText());
		assertEquals("mbv2_zu3eg_60fps", r.search());
		assertEquals("ZU3EG", r.device());
		assertNotNull(r.latencyBudgetMs(), "the fps constraint becomes a latency budget line");
		assertNotNull(view.chart().getSeriesSet().getSeries("frontier"));
		// each point's accuracy interval drawn as a vertical error bar
		org.eclipse.swtchart.IErrorBar bars = view.chart().getSeriesSet().getSeries("frontier").getYErrorBar();
		assertTrue(bars.isVisible(), "error bars on the frontier");
		assertEquals(r.points().size(), bars.getPlusErrors().length);
		assertTrue(r.points().get(0).accuracyHigh() > r.points().get(0).accuracy(),
				"the results file has the interval");
		view.select(0);
		assertConfigurationTree(view.configTree(), r.points().get(0));
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
		IFile results = SearchLaunches.withoutOldResults(file);
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
