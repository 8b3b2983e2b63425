package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine-backed commands on the toy example (real SCIP solves inside OSGi). */
class EngineCliTest {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return HaoCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
	}

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

	@Test
	void searchPrintsAFrontierAndWritesReports() throws Exception {
		Path json = dir.resolve("toy.json");
		Path html = dir.resolve("toy.html");
		int code = run("search", toy(), "--json", json.toString(), "--report", html.toString(), "--threads", "1",
				"--time-limit", "30");
		String text = out.toString();
		System.out.println(text); // the table, for the test log
		assertEquals(0, code, text + err);
		assertTrue(text.contains("device ZU3EG"), text);
		assertTrue(text.contains("* = chosen"), text);
		String report = Files.readString(json);
		assertTrue(report.contains("\"points\""), report);
		assertTrue(report.contains("\"solver\""), report);
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
		assertEquals(2, Files.readString(html).split("<svg", -1).length - 1);
	}

	@Test
	void unknownDeviceIsAUsageError() {
		assertEquals(2, run("compare", toy(), "--devices", "ZU3EG,NoSuchBoard"));
		assertTrue(err.toString().contains("NoSuchBoard"), err.toString());
	}
}
