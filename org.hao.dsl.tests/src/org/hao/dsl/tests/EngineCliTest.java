package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The engine-backed commands on the toy example (real SCIP solves inside OSGi). */
class EngineCliTest extends CliTestBase {

	private static String toy() {
		return Path.of(System.getProperty("hao.examples.dir", "../examples"), "toy.hao").toString();
	}

	@Test
	void estimatePrintsLayersSubgraphsAndTotal() {
		int code = run("estimate", toy());
		String text = out.toString();
		System.out.println(text);
		assertEquals(0, code, text + err);
		assertTrue(text.contains("network Toy on ZU3EG"), text);
		assertTrue(text.contains("= subgraph body"), text);
		assertTrue(text.contains("total:"), text);
	}

	/** Under a German default locale every number is still written with a decimal point (Locale.ROOT). */
	@Test
	void numbersDoNotFollowTheDefaultLocale() throws Exception {
		Locale saved = Locale.getDefault();
		String root;
		String german;
		Path json = dir.resolve("de.json");
		Path csv = dir.resolve("de.csv");
		try {
			Locale.setDefault(Locale.ROOT);
			assertEquals(0, run("estimate", toy()), err.toString());
			root = out.toString();
			out.getBuffer().setLength(0);
			Locale.setDefault(Locale.GERMANY);
			assertEquals("1,5", String.format(Locale.getDefault(), "%.1f", 1.5), "the German locale is in effect");
			assertEquals(0, run("estimate", toy()), err.toString());
			german = out.toString();
			out.getBuffer().setLength(0);
			assertEquals(0, run("search", toy(), "--json", json.toString(), "--csv", csv.toString(), "--threads", "1",
					"--time-limit", "30"), err.toString());
		} finally {
			Locale.setDefault(saved);
		}
		assertEquals(root, german, "estimate prints the same under de_DE as under ROOT");
		assertTrue(root.matches("(?s).*\\d\\.\\d.*"), root);
		// every number is one field: a decimal comma would add an unquoted field
		try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv))) {
			List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
			int columns = records.get(0).size();
			for (org.apache.commons.csv.CSVRecord r : records) {
				assertEquals(columns, r.size(), "a decimal comma splits a CSV field: " + r);
			}
		}
		com.google.gson.JsonParser.parseString(Files.readString(json)); // a decimal comma would not parse
	}

	/**
	 * Files as Windows and old-Mac editors save them: every example with a UTF-8 byte-order mark, and with CR-only line
	 * ends, checks clean (nothing printed, exit 0), and {@code search} accepts the toy with both.
	 */
	@Test
	void byteOrderMarkAndCrOnlyCopiesOfEveryExampleCheckClean() throws Exception {
		List<Path> examples;
		try (var s = Files.list(Path.of(System.getProperty("hao.examples.dir", "../examples")))) {
			examples = s.filter(p -> p.toString().endsWith(".hao")).sorted().toList();
		}
		assertTrue(examples.size() >= 5, examples.toString());
		List<String> args = new java.util.ArrayList<>(List.of("check"));
		for (Path example : examples) {
			String text = Files.readString(example);
			Path bom = dir.resolve("bom-" + example.getFileName());
			Files.write(bom, ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			Path cr = dir.resolve("cr-" + example.getFileName());
			Files.writeString(cr, text.replace("\r\n", "\n").replace('\n', '\r'));
			args.add(bom.toString());
			args.add(cr.toString());
		}
		int code = run(args.toArray(String[]::new));
		assertEquals("", out.toString() + err, "check on the BOM and CR-only copies");
		assertEquals(0, code);
		assertEquals(0, run("search", dir.resolve("bom-toy.hao").toString(), "--threads", "1", "--time-limit", "30"),
				out.toString() + err);
		assertEquals(0, run("search", dir.resolve("cr-toy.hao").toString(), "--threads", "1", "--time-limit", "30"),
				out.toString() + err);
	}

	/** New result files follow the umask, like any file the user's tools create (not createTempFile's 0600). */
	@Test
	void resultFilesGetTheDefaultMode() throws Exception {
		Path plain = Files.createFile(dir.resolve("plain"));
		Path json = dir.resolve("m.json");
		Path csv = dir.resolve("m.csv");
		Path html = dir.resolve("m.html");
		assertEquals(0, run("search", toy(), "--json", json.toString(), "--csv", csv.toString(), "--report",
				html.toString(), "--threads", "1", "--time-limit", "30"), err.toString());
		String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
		for (Path p : List.of(json, csv, html)) {
			assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
		}
	}

	@Test
	void searchPrintsAFrontierAndWritesReports() throws Exception {
		Path json = dir.resolve("toy.json");
		Path html = dir.resolve("toy.html");
		Path csv = dir.resolve("toy.csv");
		int code = run("search", toy(), "--json", json.toString(), "--report", html.toString(), "--csv", csv.toString(),
				"--threads", "1", "--time-limit", "30");
		String text = out.toString();
		System.out.println(text); // the table, for the test log
		assertEquals(0, code, text + err);
		assertTrue(text.contains("device ZU3EG"), text);
		assertTrue(text.contains("* = chosen"), text);
		assertTrue(text.contains("mJ/frame") && text.contains("frames/J"), "the table shows both energy figures");
		assertTrue(Files.readAllLines(csv).get(0).contains("energy_mj,frames_per_joule"));
		assertTrue(Files.readAllLines(csv).get(0).contains(",chosen,accuracy_low,accuracy_high,quantization"),
				"intervals in the CSV");
		assertTrue(text.contains("chosen: ") && text.contains("% interval") && text.contains("quantization QAT"),
				"the chosen point's interval and the method: " + text);
		assertTrue(Files.readString(json).contains("\"accuracy_low\""), "intervals in the JSON");
		assertTrue(Files.readString(html).contains("class=\"interval\""), "error bars in the report's plot");
		String report = Files.readString(json);
		assertTrue(report.contains("\"points\""), report);
		assertTrue(report.contains("\"solver\""), report);
		assertTrue(report.contains("\"energy_mj\"") && report.contains("\"frames_per_joule\""), report);
		assertTrue(Files.readString(html).contains("<svg"));
	}

	@Test
	void compareRunsTheSearchOnEachDevice() throws Exception {
		Path html = dir.resolve("compare.html");
		int code = run("compare", toy(), "--devices", "ZU3EG,Adreno640", "--threads", "1", "--time-limit", "30",
				"--report", html.toString());
		String text = out.toString();
		System.out.println(text);
		assertEquals(0, code, text + err);
		assertTrue(text.contains("frames/J"), text);
		assertTrue(text.lines().anyMatch(l -> l.startsWith("Adreno640 ")), text);
		String h = Files.readString(html);
		assertEquals(2, h.split("<svg", -1).length - 1, "one plot with every frontier, one with every point's energy");
		assertTrue(h.contains("data-device=\"ZU3EG\"") && h.contains("data-device=\"Adreno640\""), h);
	}

	/** The toy example with a quantization block naming {@code sens.csv}, written next to it in the test folder. */
	private Path toyWithSensitivities(String csv) throws Exception {
		String text = Files.readString(Path.of(toy())).replace("search toy_zu3eg {",
				"search toy_zu3eg {\n\tquantization { method ptq sensitivity \"sens.csv\" }");
		Path hao = dir.resolve("toy-sens.hao");
		Files.writeString(hao, text);
		Files.writeString(dir.resolve("sens.csv"), csv);
		return hao;
	}

	@Test
	void sensitivityTableErrorsNameTheirLine() throws Exception {
		// a bad row: `check` reports it on the sensitivity line with the CSV's file:line
		int code = run("check", toyWithSensitivities("layer,bits,top1_drop\nexpand1,4,0.5\ndw1,4,lots\n").toString());
		String text = out.toString() + err;
		assertEquals(1, code, text);
		assertTrue(text.contains("sens.csv:3: column top1_drop: 'lots' is not a number"), text);
		// a layer the network does not have: the search fails with the row's file:line
		out.getBuffer().setLength(0);
		code = run("search", toyWithSensitivities("layer,bits,top1_drop\nexpand1,4,0.5\nnope,4,1\n").toString(),
				"--threads", "1", "--time-limit", "30");
		text = out.toString() + err;
		assertTrue(text.contains("sens.csv:3: no layer nope in the network"), text);
		// a good table: the search runs and reports the method
		out.getBuffer().setLength(0);
		code = run("search", toyWithSensitivities("layer,bits,top1_drop\nexpand1,4,0.5\ndw1,4,1.5\n").toString(),
				"--threads", "1", "--time-limit", "30");
		text = out.toString();
		assertEquals(0, code, text + err);
		assertTrue(text.contains("quantization PTQ") && text.contains("sens.csv"), text);
	}

	private static String example(String name) {
		return Path.of(System.getProperty("hao.examples.dir", "../examples"), name).toString();
	}

	@Test
	void compareOnTheMobileVsFpgaExample() throws Exception {
		Path html = dir.resolve("mobile-vs-fpga.html");
		Path json = dir.resolve("mobile-vs-fpga.json");
		// the devices come from the search's own `devices ZU3EG, Ultra96_FINN, Adreno650`; a reduced time limit keeps it short
		int code = run("compare", example("mobile-vs-fpga.hao"), "--threads", "2", "--time-limit", "25", "--report",
				html.toString(), "--json", json.toString());
		String text = out.toString();
		System.out.println(text);
		assertEquals(0, code, text + err);
		assertTrue(text.contains("device ZU3EG") && text.contains("device Ultra96_FINN")
				&& text.contains("device Adreno650"), text);
		assertTrue(text.contains("chosen point per device:") && text.contains("power W"), text);
		assertFalse(text.contains("power figures of different scope"), "every device is at board scope: " + text);
		var o = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		assertEquals("[\"ZU3EG\",\"Ultra96_FINN\",\"Adreno650\"]", o.get("devices").toString());
		for (var r : o.getAsJsonArray("results")) {
			var points = r.getAsJsonObject().getAsJsonArray("points");
			// the FINN-style dataflow search solves one whole-network ILP per candidate: under a 25 s limit on a loaded
			// machine it may stop before its first point (partial, with the time-limit warning)
			boolean partialFinn = r.getAsJsonObject().get("device").getAsString().equals("Ultra96_FINN")
					&& !r.getAsJsonObject().get("complete").getAsBoolean();
			assertTrue(points.size() > 0 || partialFinn, r.toString());
			for (var p : points) {
				double ms = p.getAsJsonObject().get("latency_ms").getAsDouble();
				double mj = p.getAsJsonObject().get("energy_mj").getAsDouble();
				assertTrue(ms > 1 && ms < 100, "MobileNetV2-class latency: " + ms);
				assertEquals(1000 / mj, p.getAsJsonObject().get("frames_per_joule").getAsDouble(), 1e-6);
			}
		}
		String h = Files.readString(html);
		assertEquals(3, h.split("class=\"series\"", -1).length - 1);
		// the energy plot: accuracy against mJ/frame, one coloured series per device
		assertEquals(3, h.split("class=\"energy-series\"", -1).length - 1);
		assertTrue(h.contains("energy per frame (mJ)") && h.contains("frames/J") && h.contains("power W"));
	}

	@Test
	void unknownDeviceIsAUsageError() {
		assertEquals(2, run("compare", toy(), "--devices", "ZU3EG,NoSuchBoard"));
		assertTrue(err.toString().contains("NoSuchBoard"), err.toString());
	}
}
