package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.hao.dsl.ui.compare.CompareHandler;
import org.hao.dsl.ui.compare.CompareJob;
import org.hao.dsl.ui.compare.CompareRequest;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.launch.SearchLaunch;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.dsl.ui.pareto.ParetoResults;
import org.hao.dsl.ui.pareto.ParetoView;
import org.junit.jupiter.api.Test;

/** Compare on Devices...: the command on a .hao editor runs a Job, writes the comparison, fills the Pareto view. */
class CompareTest {

	private static final long TIMEOUT = 240_000;

	@Test
	void compareCommandShowsOneColouredSeriesPerDevice() throws Exception {
		IFile file = Ui.exampleIn("compare-test", "mobile-vs-fpga.hao");
		IFile json = ResultsFiles.compareFile(file);
		if (json.exists()) {
			json.delete(true, null);
		}
		Ui.open(file);
		ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
		Command compare = commands.getCommand(CompareHandler.COMMAND);
		assertTrue(compare.isDefined() && compare.isHandled(), "the command is contributed with its handler");
		// parameters instead of the dialog; a reduced time limit per device keeps the test short
		ParameterizedCommand run = ParameterizedCommand.generateCommand(compare, Map.of(CompareHandler.DEVICES,
				"ZU3EG, Adreno640", CompareHandler.TIME_LIMIT, "20", CompareHandler.THREADS, "2"));
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(run, null);
		Ui.waitFor("the compare job", () -> {
			Job[] jobs = Job.getJobManager().find(CompareJob.FAMILY);
			return jobs.length > 0 || json.getLocation().toFile().isFile() ? Boolean.TRUE : null;
		}, 30_000);
		ParetoView view = Ui.waitFor("the Pareto view with two fronts", () -> {
			ParetoView v = (ParetoView) Ui.page().findView(ParetoView.ID);
			return v != null && v.fronts().size() == 2 ? v : null;
		}, TIMEOUT);
		System.out.println("COMPARE status: " + view.statusText());
		assertTrue(json.exists(), "comparison written next to the model");
		assertTrue(ResultsFiles.compareReportFile(file).exists(), "side-by-side HTML report written next to the model");
		assertTrue(Files.readString(ResultsFiles.compareReportFile(file).getLocation().toFile().toPath())
				.contains("<svg"));
		List<ParetoResults> fronts = view.fronts();
		assertEquals(List.of("ZU3EG", "Adreno640"), fronts.stream().map(ParetoResults::device).toList());
		int rows = 0;
		for (int f = 0; f < fronts.size(); f++) {
			ParetoResults front = fronts.get(f);
			assertFalse(front.points().isEmpty(), front.device() + " has points");
			ILineSeries<?> series = (ILineSeries<?>) view.chart().getSeriesSet().getSeries("front: " + front.device());
			assertNotNull(series, "one series per device: " + front.device());
			assertEquals(front.device(), series.getDescription(), "the legend names the device");
			assertEquals(front.points().size(), series.getXSeries().length);
			rows += front.points().size();
		}
		assertNotEquals(view.frontColour(0).getRGB(), view.frontColour(1).getRGB(), "one colour per device");
		assertEquals(view.frontColour(0).getRGB(),
				((ILineSeries<?>) view.chart().getSeriesSet().getSeries("front: ZU3EG")).getSymbolColor().getRGB());
		assertTrue(view.chart().getLegend().isVisible(), "a legend when several devices are shown");
		assertEquals(2, java.util.Arrays.stream(view.chart().getSeriesSet().getSeries())
				.filter(s -> s.isVisibleInLegend()).count(), "the legend lists the two devices only");
		assertTrue(view.statusText().contains("compared"), view.statusText());
		view.select(rows - 1); // the last row belongs to the second device
		assertEquals("device", view.configTree().getItem(0).getText(0));
		assertEquals("Adreno640", view.configTree().getItem(0).getText(1));
		assertTrue(
				java.util.Arrays.stream(view.configTree().getItems())
						.anyMatch(i -> i.getText(0).equals("accelerator") && i.getText(1).startsWith("mobile GPU")),
				"the GPU's accelerator row");
		Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		Ui.flush();
		Path shot = Ui.screenshot(view.chart().getParent().getParent(), "pareto-compare.png");
		assertTrue(Files.size(shot) > 1000);
		Path csv = Ui.screenshotDir().resolve("pareto-compare.csv");
		view.exportCsv(csv);
		List<String> csvLines = Files.readAllLines(csv);
		assertEquals(rows + 1, csvLines.size());
		assertTrue(csvLines.get(0).startsWith("device,accuracy,latency_ms,fps,"), "the CLI's columns after the device");
		Ui.page().setPartState(Ui.page().getReference(view), IWorkbenchPage.STATE_RESTORED);
	}

	@Test
	void runAsOnASearchNamingSeveralDevicesShowsEveryFront() throws Exception {
		IFile file = Ui.exampleIn("compare-launch", "mobile-vs-fpga.hao");
		IFile json = ResultsFiles.compareFile(file);
		if (json.exists()) {
			json.delete(true, null);
		}
		var wc = SearchLaunches.configuration(file, "mobile_or_fpga").getWorkingCopy();
		wc.setAttribute(SearchLaunch.TIME_LIMIT, "20");
		wc.doSave().launch(ILaunchManager.RUN_MODE, null);
		// the search names ZU3EG, Ultra96_FINN and Adreno650; the FINN-style dataflow search may find no point within
		// 20 s on a loaded machine (its 8-bit base does not fit), and a device without points keeps no front
		ParetoView view = Ui.waitFor("the Pareto view with the devices of the search", () -> {
			ParetoView v = (ParetoView) Ui.page().findView(ParetoView.ID);
			return v != null && file.equals(v.modelFile()) && v.fronts().size() >= 2 ? v : null;
		}, TIMEOUT);
		assertTrue(json.exists(), "the search's devices list is written as a comparison too");
		assertTrue(ResultsFiles.resultsFile(file, "").exists() && ResultsFiles.resultsFile(file, "-Adreno650").exists(),
				"and one results file per device, as before");
		assertNotNull(view.chart().getSeriesSet().getSeries("front: Adreno650"));
	}

	@Test
	void cancelledComparisonWritesNothing() throws Exception {
		// the MobileNetV2 example's larger space keeps the FPGA search busy for seconds: Cancel hits it mid-run
		IFile file = Ui.exampleIn("compare-cancel", "mobilenetv2-zu3eg.hao");
		IFile json = ResultsFiles.compareFile(file);
		if (json.exists()) {
			json.delete(true, null);
		}
		CompareJob job = new CompareJob(new CompareRequest(file, null, List.of("ZU3EG", "Adreno640"), null, 1));
		job.schedule();
		Ui.waitUntil("the comparison to run",
				() -> String.valueOf(SearchStatus.get(file)).startsWith("running on ZU3EG"), 60_000);
		job.cancel();
		Ui.waitUntil("the job to end after Cancel", () -> job.getState() == Job.NONE, 30_000);
		assertEquals("cancelled", SearchStatus.get(file));
		assertFalse(json.getLocation().toFile().exists(), "a cancelled comparison writes no results");
	}

	@Test
	void unknownDeviceIsReportedNotRun() throws Exception {
		IFile file = Ui.exampleIn("compare-unknown", "mobile-vs-fpga.hao");
		CompareJob job = new CompareJob(new CompareRequest(file, null, List.of("ZU3EG", "NoSuchBoard"), 5.0, 1));
		job.schedule();
		Ui.waitUntil("the job to end", () -> job.getState() == Job.NONE && SearchStatus.get(file) != null
				&& !SearchStatus.get(file).startsWith("comparing"), 30_000);
		String status = SearchStatus.get(file);
		assertTrue(status.startsWith("not started: no device named 'NoSuchBoard'") && status.contains("Adreno640"),
				status);
	}
}
