package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * What a new user meets on the command line: errors in words with the right exit code (docs/language.md), help on
 * every command, a line for what was written, and the modes of written files. A Java class name in any message fails.
 */
class CliUsabilityTest extends CliTestBase {

	private static final String EXAMPLES = System.getProperty("hao.examples.dir", "../examples");
	/** A Java exception or class name in a message (NoSuchFileException, java.io..., RULE_ID, EOF). */
	private static final Pattern JAVA_NAMES = Pattern
			.compile("[A-Z][A-Za-z]*(Exception|Error)\\b|java\\.|RULE_[A-Z]+|\\bEOF\\b|For input string");

	private static Path toy() {
		return Path.of(EXAMPLES, "toy.hao").toAbsolutePath();
	}

	private void assertNoJavaNames() {
		assertFalse(JAVA_NAMES.matcher(out.toString() + err).find(), out + "\n" + err);
	}

	@Test
	void aFileThatCannotBeWrittenIsNamedWithTheReasonInWordsAndIsAUsageError() throws Exception {
		Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
		Path target = notADir.resolve("x.json");
		int code = run("search", toy().toString(), "--threads", "1", "--time-limit", "2", "--json", target.toString());
		assertEquals(2, code, out + "\n" + err);
		assertTrue(err.toString().contains("cannot write " + target + ": not a directory"), err.toString());
		assertNoJavaNames();
	}

	@Test
	void compareRefusesADeviceNamedTwice() {
		int code = run("compare", toy().toString(), "--devices", "ZU3EG, ZU3EG");
		assertEquals(2, code, out + "\n" + err);
		assertTrue(err.toString().contains("hao: --devices names ZU3EG twice"), err.toString());
		assertEquals("", out.toString(), "refused before searching");
	}

	@Test
	void importOfAMissingFileSaysNoSuchFile() {
		int code = run("import", dir.resolve("nosuch.onnx").toString());
		assertEquals(2, code, err.toString());
		assertTrue(err.toString().contains("nosuch.onnx: no such file or directory"), err.toString());
		assertNoJavaNames();
	}

	@ParameterizedTest
	@ValueSource(strings = {"--time-limit=-5", "--time-limit=0", "--time-limit=NaN", "--threads=0", "--threads=-2"})
	void nonPositiveLimitsAreRefusedBeforeSearching(String option) {
		long start = System.nanoTime();
		int code = run("search", toy().toString(), option);
		assertEquals(2, code, out + "\n" + err);
		assertTrue(err.toString().contains(option.substring(0, option.indexOf('='))), err.toString());
		assertEquals("", out.toString(), "nothing searched, nothing printed on stdout");
		assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused before searching");
		assertNoJavaNames();
	}

	@ParameterizedTest
	@ValueSource(strings = {"search", "check", "import", "export", "estimate", "compare", "devices", "calibrate", "lsp",
			"bench-examples"})
	void everyCommandHasHelp(String command) {
		assertEquals(0, run(command, "--help"), err.toString());
		assertTrue(out.toString().startsWith("Usage: hao " + command), out.toString());
		assertEquals(0, run(command, "-h"), err.toString());
	}

	@Test
	void everyOptionAndParameterHasADescription() {
		List<String> missing = new ArrayList<>();
		collectUndescribed(new CommandLine(new HaoCli()), missing);
		assertEquals(List.of(), missing);
	}

	private static void collectUndescribed(CommandLine cli, List<String> missing) {
		for (CommandLine sub : cli.getSubcommands().values()) {
			List<ArgSpec> args = new ArrayList<>(sub.getCommandSpec().options());
			args.addAll(sub.getCommandSpec().positionalParameters());
			for (ArgSpec a : args) {
				if (a.description().length == 0 || a.description()[0].isBlank()) {
					missing.add(sub.getCommandName() + " " + a.paramLabel() + " " + a);
				}
			}
			collectUndescribed(sub, missing);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "// only a comment\n", "\n\n   \n"})
	void anEmptyFileSaysWhatIsMissing(String text) throws Exception {
		Path empty = Files.writeString(dir.resolve("empty.hao"), text);
		String[][] commands = {{"search", empty.toString()}, {"compare", empty.toString()},
				{"estimate", empty.toString()}, {"estimate", empty.toString(), "--device", "ZU3EG"},
				{"export", empty.toString(), "--pytorch", dir.resolve("x.py").toString()}};
		for (String[] args : commands) {
			out.getBuffer().setLength(0);
			err.getBuffer().setLength(0);
			int code = run(args);
			String what = String.join(" ", args) + ": " + out + err;
			assertEquals(2, code, what);
			assertTrue(err.toString().matches("(?s).*empty\\.hao: no (search|network) in this file.*"), what);
			assertNoJavaNames();
		}
		assertFalse(Files.exists(dir.resolve("x.py")));
	}

	@Test
	void exportSaysWhatItWroteAndGivesFilesTheUsualMode() throws Exception {
		Path py = dir.resolve("toy.py");
		Path onnx = dir.resolve("toy.onnx");
		assertEquals(0, run("export", toy().toString(), "--pytorch", py.toString(), "--onnx", onnx.toString()),
				err.toString());
		String printed = out.toString();
		assertTrue(printed.contains("wrote " + py + ": network Toy, base configuration,"), printed);
		assertTrue(printed.contains("wrote " + onnx + ": network Toy, base configuration,"), printed);
		String plain = PosixFilePermissions
				.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain"))));
		assertEquals(plain, PosixFilePermissions.toString(Files.getPosixFilePermissions(onnx)), "mode of the .onnx");
		assertEquals(plain, PosixFilePermissions.toString(Files.getPosixFilePermissions(py)), "mode of the .py");
		assertTrue(plain.startsWith("rw-r"), "umask leaves the group read bit: " + plain);
	}

	@Test
	void exportOfAPointBeyondTheFrontierIsAUsageErrorGivingTheCount() throws Exception {
		int code = run("export", toy().toString(), "--search", "toy_zu3eg", "--point", "999", "--threads", "1",
				"--time-limit", "5", "--pytorch", dir.resolve("p.py").toString());
		assertEquals(2, code, out + "\n" + err);
		assertTrue(err.toString().matches("(?s).*--point 999: search toy_zu3eg has \\d+ frontier points? \\(1.*"),
				err.toString());
		assertFalse(Files.exists(dir.resolve("p.py")));
	}

	@Test
	void exportOfAPointSaysWhichPointWithItsAccuracyAndLatency() throws Exception {
		Path py = dir.resolve("p1.py");
		int code = run("export", toy().toString(), "--search", "toy_zu3eg", "--point", "1", "--threads", "1",
				"--time-limit", "5", "--pytorch", py.toString());
		assertEquals(0, code, out + "\n" + err);
		assertTrue(out.toString().matches("(?s).*wrote " + Pattern.quote(py.toString())
				+ ": network Toy, point 1 \\(accuracy \\d+\\.\\d\\d%, \\d+\\.\\d{3} ms\\), \\d+ layers in \\d+ subgraphs.*"),
				out.toString());
	}

	@Test
	void importSaysWhatItWrote() throws Exception {
		Path model = Path.of(System.getProperty("hao.fixtures.dir", "fixtures/onnx"), "linear_head-matmul.onnx");
		Path written = dir.resolve("net.hao");
		int code = run("import", model.toString(), "-o", written.toString());
		assertTrue(code == 0, out + "\n" + err);
		assertTrue(
				out.toString()
						.matches("wrote " + Pattern.quote(written.toString())
								+ ": network \\S+, \\d+ ops? in \\d+ subgraphs? \\(ONNX opset \\d+\\)\\R"),
				out.toString());
		assertTrue(Files.exists(written));
	}
}
