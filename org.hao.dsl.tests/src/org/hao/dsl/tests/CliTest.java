package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CliTest extends CliTestBase {

	@Test
	void cleanFilePrintsNothing() throws Exception {
		Path file = Files.writeString(dir.resolve("ok.hao"), HaoTestBase.VALID);
		assertEquals(0, run("check", file.toString()), err::toString);
		assertEquals("", out.toString());
	}

	@Test
	void validationErrorPrintsFileLineColumnAndExitsOne() throws Exception {
		Path file = Files.writeString(dir.resolve("bad.hao"), HaoTestBase.VALID.replace("cap 0.8", "cap 2"));
		assertEquals(1, run("check", file.toString()));
		String line = out.toString().strip();
		assertTrue(line.matches(".*bad\\.hao:8:\\d+: error: cap is a fraction.*"), line);
	}

	@Test
	void syntaxErrorIsAnError() throws Exception {
		Path file = Files.writeString(dir.resolve("syntax.hao"),
				"network N {\n  input 3 x 8 x 8\n  subgraph s { conv }\n}\n");
		assertEquals(1, run("check", file.toString()));
		assertTrue(out.toString().contains("syntax.hao:3:"), out.toString());
	}

	@Test
	void warningsAloneExitZero() throws Exception {
		Path file = Files.writeString(dir.resolve("warn.hao"), HaoTestBase.VALID.replace("fps >= 10", "dsp <= 500"));
		assertEquals(0, run("check", file.toString()));
		assertTrue(out.toString().contains(": warning: dsp <= 500 has no effect"), out.toString());
	}

	@Test
	void missingFileIsAUsageError() {
		assertEquals(2, run("check", dir.resolve("nope.hao").toString()));
		assertTrue(
				err.toString().contains("hao: cannot read " + dir.resolve("nope.hao") + ": no such file or directory"),
				err.toString());
	}

	@Test
	void noArgumentsIsAUsageError() {
		assertEquals(2, run());
		assertTrue(err.toString().contains("check"), err.toString());
	}
}
