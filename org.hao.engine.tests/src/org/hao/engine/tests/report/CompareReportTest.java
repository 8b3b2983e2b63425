package org.hao.engine.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hao.engine.model.Constraints;
import org.hao.engine.report.CompareReport;
import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.PointConfig;
import org.hao.engine.results.PredictionInfo;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The side-by-side report: one plot, one colour per device, both energy figures per device. */
class CompareReportTest {

	private static SearchResult result(String device, ParetoPoint... points) {
		return new SearchResult("test", device, List.of(points), points[points.length - 1], List.of(), List.of(), false,
				true, 1, 0, 0, "none");
	}

	private static ParetoPoint point(double acc, double ms, double mj) {
		return new ParetoPoint(acc, ms, 1000 / ms, 0, 0, 0, mj, new PointConfig(AcceleratorConfig.mobileGpu("test"),
				Map.of(), List.of(), 0, 0, new PredictionInfo(acc, 0, null, null, 0)));
	}

	private final List<SearchResult> results = List.of(result("FPGA_A", point(70, 20, 45), point(72, 25, 55)),
			result("GPU_B", point(69, 8, 10), point(71.5, 12, 4)));

	@Test
	void oneSvgWithAColouredSeriesAndLegendEntryPerDevice(@TempDir Path dir) throws IOException {
		Path html = dir.resolve("c.html");
		CompareReport.writeHtml("mobile or fpga", results, new Constraints(30.0, null, null, null, null, null, null),
				html);
		String h = Files.readString(html);
		assertEquals(2, h.split("<svg", -1).length - 1, "one latency and one energy plot for all devices");
		assertEquals(2, h.split("class=\"series\"", -1).length - 1);
		assertEquals(2, h.split("class=\"energy-series\"", -1).length - 1, "the energy plot: a series per device");
		assertEquals(4, h.split("class=\"legend\"", -1).length - 1, "a legend in each plot");
		assertTrue(h.contains("energy per frame (mJ)") && h.contains("latency (ms)"), "both x axes are named");
		assertTrue(h.contains("data-device=\"FPGA_A\" fill=\"" + CompareReport.colour(0) + "\""), h);
		assertTrue(h.contains("data-device=\"GPU_B\" fill=\"" + CompareReport.colour(1) + "\""), h);
		assertTrue(!CompareReport.colour(0).equals(CompareReport.colour(1)));
		assertEquals(6, h.split("class=\"chosen\"", -1).length - 1,
				"a ring per device in each plot plus its highlighted row");
		assertTrue(h.contains("class=\"constraint\""), "the 30 fps budget (33.3 ms) is drawn");
		// chosen rows: FPGA_A 25 ms = 40.0 fps, 55 mJ = 18.2 frames/J; GPU_B 12 ms = 83.3 fps, 4 mJ = 250.0 frames/J
		// average power = mJ/frame x fps / 1000: 55 x 40 / 1000 = 2.20 W; 4 x 83.33 / 1000 = 0.33 W
		assertTrue(h.contains("<td>72.00</td><td>25.000</td><td>40.0</td><td>55.000</td><td>18.2</td><td>2.20</td>"),
				h);
		assertTrue(h.contains("<td>71.50</td><td>12.000</td><td>83.3</td><td>4.000</td><td>250.0</td><td>0.33</td>"),
				h);
		assertEquals(2.2, results.get(0).chosen().averageWatts(), 1e-12);
	}

	@Test
	void differentPowerScopesAreFlagged(@TempDir Path dir) throws IOException {
		assertEquals(null, CompareReport.scopeNote(Map.of("A", "board", "B", "board")));
		java.util.Map<String, String> mixed = new java.util.LinkedHashMap<>();
		mixed.put("FPGA_A", "chip");
		mixed.put("GPU_B", "board");
		String note = CompareReport.scopeNote(mixed);
		assertTrue(note.contains("FPGA_A: chip, GPU_B: board") && note.contains("comparable only at one scope"), note);
		Path html = dir.resolve("n.html");
		CompareReport.writeHtml("t", results, null, List.of(note), html);
		assertTrue(Files.readString(html).contains("Warning: power figures of different scope"));
	}

	@Test
	void jsonHoldsOneResultPerDevice(@TempDir Path dir) throws IOException {
		Path json = dir.resolve("c.json");
		ResultsJson.write(new CompareDocument(ResultsJson.FORMAT_VERSION, "s", null, "max_accuracy", null,
				List.of("FPGA_A", "GPU_B"), results.stream().map(ResultsDocument::of).toList()), json);
		JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		assertEquals("[\"FPGA_A\",\"GPU_B\"]", o.get("devices").toString());
		JsonObject gpu = o.getAsJsonArray("results").get(1).getAsJsonObject();
		assertEquals("GPU_B", gpu.get("device").getAsString());
		assertEquals(250.0, gpu.getAsJsonObject("chosen").get("frames_per_joule").getAsDouble(), 1e-9);
	}
}
