package org.hao.engine.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hao.engine.bench.Examples;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.AcceleratorConfigWriter;
import org.hao.engine.report.CsvReport;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ReportTest {
	static SearchResult result;
	static Constraints constraints;

	@BeforeAll
	static void search() {
		constraints = new Constraints(300.0, null, null, null, null, null, null);
		result = HaoSearch.run(new SearchSpec("r", Examples.reduced(), Devices.ZU3EG_HLS, Objective.MAX_ACCURACY,
				constraints, null, 5, 300), new SearchOptions(2, null), null, new CancelToken());
	}

	@Test
	void jsonHasTheRequiredFields(@TempDir Path dir) throws IOException {
		Path f = dir.resolve("out.json");
		ResultsJson.write(ResultsDocument.of(result), f);
		JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
		assertTrue(o.get("solver").getAsString().startsWith("SCIP"));
		assertEquals("ZU3EG_HLS", o.get("device").getAsString());
		JsonArray pts = o.getAsJsonArray("points");
		assertEquals(result.points().size(), pts.size());
		for (var e : pts) {
			JsonObject p = e.getAsJsonObject();
			for (String k : new String[]{"accuracy", "latency_ms", "fps", "dsp", "bram18k", "lut", "energy_mj",
					"frames_per_joule", "average_watts", "config"}) {
				assertTrue(p.has(k), "point lacks " + k);
			}
			JsonObject cfg = p.getAsJsonObject("config");
			JsonObject layer0 = cfg.getAsJsonArray("layers").get(0).getAsJsonObject();
			for (String k : new String[]{"engine", "weight_bits", "act_bits", "ddr_bytes"}) {
				assertTrue(layer0.has(k), "layer config lacks " + k);
			}
			// the accelerator is one bitstream: its totals are the sum of its engines and buffer and fit the device
			JsonObject acc = cfg.getAsJsonObject("accelerator");
			assertEquals("overlay", acc.get("architecture").getAsString());
			for (String r : new String[]{"dsp", "bram18k", "lut"}) {
				int sum = acc.getAsJsonObject("conv_engine").get(r).getAsInt()
						+ acc.getAsJsonObject("depthwise_engine").get(r).getAsInt()
						+ acc.getAsJsonObject("feature_buffer").get(r).getAsInt();
				assertEquals(sum, acc.get(r).getAsInt(), r);
				assertEquals(p.get(r).getAsInt(), acc.get(r).getAsInt(), r);
			}
			assertTrue(acc.get("dsp").getAsInt() <= 306 && acc.get("bram18k").getAsInt() <= 367
					&& acc.get("lut").getAsInt() <= 59976);
			assertTrue(cfg.getAsJsonObject("subgraphs").getAsJsonObject("b1").has("kernel"));
		}
		assertTrue(o.has("chosen"));
		assertTrue(o.get("chosen").isJsonObject());
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(1, s.count(), "temp file left behind");
		}
	}

	@Test
	void csvHtmlAndAcceleratorConfig(@TempDir Path dir) throws IOException {
		Path csv = dir.resolve("p.csv");
		CsvReport.write(result, csv);
		var lines = Files.readAllLines(csv);
		assertEquals(result.points().size() + 1, lines.size());
		assertTrue(lines.get(0)
				.startsWith("accuracy,latency_ms,fps,dsp,bram18k,lut,energy_mj,frames_per_joule,average_watts,chosen,"
						+ "accuracy_low,accuracy_high,quantization"));
		String[] cells = lines.get(1).split(",");
		double top1 = Double.parseDouble(cells[0]), lo = Double.parseDouble(cells[10]),
				hi = Double.parseDouble(cells[11]);
		assertTrue(lo < top1 && top1 < hi, "each point carries its accuracy interval: " + lines.get(1));
		// energy per frame and frames per joule side by side: frames/J = 1000 / mJ
		String[] first = lines.get(1).split(",");
		assertEquals(1000 / Double.parseDouble(first[6]), Double.parseDouble(first[7]), 1e-6);
		// average power = mJ/frame x fps / 1000
		assertEquals(Double.parseDouble(first[6]) * Double.parseDouble(first[2]) / 1000, Double.parseDouble(first[8]),
				1e-9);
		// several fronts (the Pareto view's export): the same columns after a device column, one chosen row per front
		Path fronts = dir.resolve("fronts.csv");
		CsvReport.writeFronts(
				List.of(CsvReport.Front.of(result), new CsvReport.Front("Other", result.points().subList(0, 1), null)),
				fronts);
		var rows = Files.readAllLines(fronts);
		assertEquals(result.points().size() + 2, rows.size());
		assertEquals("device," + lines.get(0), rows.get(0), "same columns as the single-search CSV");
		assertEquals("Other," + lines.get(1).replaceFirst(",true,", ",false,"), rows.get(rows.size() - 1));
		assertEquals(1, rows.stream().filter(r -> r.contains(",true,")).count(), "the other front has no chosen point");
		Path html = dir.resolve("r.html");
		HtmlReport.write("report", result, constraints, html);
		String h = Files.readString(html);
		assertTrue(h.contains("<svg"));
		assertTrue(h.contains("class=\"chosen\""));
		assertTrue(h.contains("class=\"constraint\""));
		assertTrue(h.contains("<th>mJ/frame</th><th>frames/J</th>"), "the table shows both energy figures");
		assertEquals(result.points().size(), h.split("class=\"interval\"", -1).length - 1, "one error bar per point");
		assertTrue(h.contains("Quantization method (accuracy assumes it): QAT"), "the report states the method");
		assertEquals(result.points().size() - 1, h.split("class=\"point\"", -1).length - 1);
		Path acc = dir.resolve("acc.json");
		AcceleratorConfigWriter.write(result.chosen(), result.device(), result.solverVersion(), acc);
		JsonObject a = JsonParser.parseString(Files.readString(acc)).getAsJsonObject();
		JsonObject e0 = a.getAsJsonArray("engines").get(0).getAsJsonObject();
		assertTrue(e0.has("engine") && e0.has("weight_buffer_bytes") && e0.has("line_buffer_bytes"));
		assertEquals("overlay", a.getAsJsonObject("accelerator").get("architecture").getAsString());
	}

	@Test
	void overwriteKeepsTheOldFileUntilTheNewOneIsComplete(@TempDir Path dir) throws IOException {
		Path f = dir.resolve("x.json");
		Files.writeString(f, "old");
		try {
			org.hao.engine.io.AtomicFiles.write(f, w -> {
				w.write("partial");
				throw new IOException("disk full");
			});
		} catch (IOException expected) {
			// the failure must leave the previous content in place and no temp file
		}
		assertEquals("old", Files.readString(f));
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(1, s.count());
		}
	}
}
