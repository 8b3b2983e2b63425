package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files the CLI cannot read or must not write, for every command (docs/language.md, "Headless CLI"): an input that
 * cannot be read at all is {@code hao: cannot read FILE: REASON}, exit 2 (a file with errors stays exit 1); an output
 * that cannot be written, that is an input, or that two options name, is refused with exit 2 before any search or
 * estimate runs (nothing printed on stdout, nothing written, the input unchanged).
 */
class CliFilesTest extends CliTestBase {

	private static final String EXAMPLES = System.getProperty("hao.examples.dir", "../examples");
	private static final Pattern JAVA_NAMES = Pattern
			.compile("[A-Z][A-Za-z]*(Exception|Error)\\b|java\\.|RULE_[A-Z]+|\\bEOF\\b");

	private Path toy() throws Exception {
		return Files.copy(Path.of(EXAMPLES, "toy.hao"), dir.resolve("toy.hao"));
	}

	/** Each command with FILE where its input goes (export and calibrate with an output, else they stop earlier). */
	static Stream<String> commands() {
		return Stream.of("check FILE", "estimate FILE", "search FILE", "compare FILE", "export FILE --onnx OUT.onnx",
				"bench-examples FILE", "calibrate FILE", "import FILE");
	}

	private int runWith(String command, Path file) {
		List<String> args = new ArrayList<>();
		for (String a : command.split(" ")) {
			args.add(a.equals("FILE") ? file.toString() : a.equals("OUT.onnx") ? dir.resolve("o.onnx").toString() : a);
		}
		return run(args.toArray(String[]::new));
	}

	private void assertRefused(String what, int code, String message) {
		String printed = what + "\nstdout: " + out + "\nstderr: " + err;
		assertEquals(2, code, printed);
		assertTrue(err.toString().contains(message), "expected '" + message + "' in\n" + printed);
		assertFalse(JAVA_NAMES.matcher(out.toString() + err).find(), printed);
	}

	@ParameterizedTest
	@MethodSource("commands")
	void aMissingInputIsAUsageErrorNamingTheFile(String command) {
		Path missing = dir.resolve("nosuch.hao");
		assertRefused(command, runWith(command, missing), "cannot read " + missing + ": no such file or directory");
		if (!command.startsWith("bench-examples")) { // the benchmark prints its table's header first
			assertEquals("", out.toString(), "nothing on stdout");
		}
	}

	@ParameterizedTest
	@MethodSource("commands")
	void aDirectoryAsInputIsAUsageErrorNamingTheFile(String command) throws Exception {
		Path folder = Files.createDirectory(dir.resolve("folder.hao"));
		assertRefused(command, runWith(command, folder), "cannot read " + folder + ": is a directory");
	}

	@ParameterizedTest
	@MethodSource("commands")
	void aNamedPipeOrADeviceAsInputIsRefusedWithoutWaiting(String command) throws Exception {
		Path fifo = dir.resolve("pipe.hao");
		assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
		assertRefused(command, runWith(command, fifo),
				"cannot read " + fifo + ": not a regular file (a pipe, socket or device)");
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
		assertRefused(command, runWith(command, Path.of("/dev/null")),
				"cannot read /dev/null: not a regular file (a pipe, socket or device)");
	}

	@Test
	void aFileNotNamedDotHaoIsRefusedInWords() throws Exception {
		Path text = Files.copy(Path.of(EXAMPLES, "toy.hao"), dir.resolve("toy.txt"));
		assertRefused("check toy.txt", run("check", text.toString()),
				"hao: cannot read " + text + ": not a .hao file (the name must end in .hao)");
	}

	@ParameterizedTest
	@MethodSource("commands")
	void anUnreadableInputIsAUsageErrorNamingTheFile(String command) throws Exception {
		Path locked = toy();
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		assumeFalse(Files.isReadable(locked), "this user (root) reads a file of mode 000");
		assertRefused(command, runWith(command, locked), "cannot read " + locked + ": permission denied");
	}

	@Test
	void aFileWithErrorsKeepsExitOne() throws Exception {
		Path bad = Files.writeString(dir.resolve("bad.hao"), Files.readString(toy()).replace("kernel 3", "kernel 0"));
		for (String command : new String[]{"check", "estimate", "search"}) {
			assertEquals(1, run(command, bad.toString()), command + ": " + out + err);
		}
	}

	@Test
	void aCalibrationRowWhoseModelIsAFolderSaysSo() throws Exception {
		Files.createDirectory(dir.resolve("model.hao"));
		Path csv = Files.writeString(dir.resolve("m.csv"),
				"id,model,network,device,measured_ms,source\nr1,model.hao,N,ZU3EG,1.0,x\n");
		assertEquals(1, run("calibrate", csv.toString()), out + "\n" + err);
		assertTrue(
				err.toString().contains("m.csv:2: error: cannot read " + dir.resolve("model.hao") + ": is a directory"),
				err.toString());
	}

	@Test
	void aLanguageServerPortInUseIsNamed() throws Exception {
		try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertRefused("lsp --port " + port, run("lsp", "--port", String.valueOf(port)),
					"hao lsp: cannot listen on localhost:" + port + ": address already in use");
		}
	}

	@Test
	void anEmptyFileNameIsNamedAsSuch() throws Exception {
		assertRefused("check ''", run("check", ""), "hao: cannot read '': an empty file name");
		err.getBuffer().setLength(0);
		assertRefused("estimate --json ''", run("estimate", toy().toString(), "--json", ""),
				"hao: --json needs a file name");
		assertEquals("", out.toString());
	}

	/** Every command with an output option, OUT where the output goes. */
	static Stream<String> outputs() {
		return Stream.of("search FILE --threads 1 --time-limit 30 --json OUT", "search FILE --csv OUT",
				"search FILE --report OUT", "estimate FILE --json OUT", "compare FILE --time-limit 30 --json OUT",
				"compare FILE --report OUT", "export FILE --pytorch OUT", "export FILE --onnx OUT",
				"export FILE --search toy_zu3eg --point chosen --onnx OUT");
	}

	private int runWithOutput(String command, Path input, Path output) {
		List<String> args = new ArrayList<>();
		for (String a : command.split(" ")) {
			args.add(a.equals("FILE") ? input.toString() : a.equals("OUT") ? output.toString() : a);
		}
		return run(args.toArray(String[]::new));
	}

	/** Refused before the work: nothing on stdout (no table), within seconds, nothing written. */
	private void assertRefusedEarly(String command, Path input, Path output, String message) throws Exception {
		String before = Files.readString(input);
		long start = System.nanoTime();
		int code = runWithOutput(command, input, output);
		assertRefused(command + " with " + output, code, message);
		assertEquals("", out.toString(), "refused before the search or estimate printed anything");
		assertTrue(System.nanoTime() - start < 20_000_000_000L, "refused before the long work");
		assertEquals(before, Files.readString(input), "the input is unchanged");
		try (Stream<Path> left = Files.walk(dir)) {
			assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
					"no temp file left");
		}
		out.getBuffer().setLength(0);
		err.getBuffer().setLength(0);
	}

	@ParameterizedTest
	@MethodSource("outputs")
	void anOutputThatCannotBeWrittenIsRefusedBeforeTheWork(String command) throws Exception {
		Path input = toy();
		Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
		assertRefusedEarly(command, input, plain.resolve("out.x"),
				"cannot write " + plain.resolve("out.x") + ": not a directory");
		assertRefusedEarly(command, input, plain.resolve("sub/out.x"),
				"cannot write " + plain.resolve("sub/out.x") + ": not a directory");
		Path folder = Files.createDirectory(dir.resolve("folder"));
		assertRefusedEarly(command, input, folder, "cannot write " + folder + ": is a directory");
		assertRefusedEarly(command, input, Path.of("/proc/hao-nosuch/out.x"),
				"cannot write /proc/hao-nosuch/out.x: no such file or directory");
		Path readOnly = Files.createDirectory(dir.resolve("read-only"));
		Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
		if (!Files.isWritable(readOnly)) { // root writes anyway
			assertRefusedEarly(command, input, readOnly.resolve("out.x"),
					"cannot write " + readOnly.resolve("out.x") + ": permission denied");
			Path readOnlyFile = Files.writeString(dir.resolve("read-only.out"), "kept");
			Files.setPosixFilePermissions(readOnlyFile, PosixFilePermissions.fromString("r--r--r--"));
			assertRefusedEarly(command, input, readOnlyFile, "cannot write " + readOnlyFile + ": permission denied");
		}
	}

	@ParameterizedTest
	@MethodSource("outputs")
	void anOutputNeverOverwritesTheInput(String command) throws Exception {
		Path input = toy();
		assertRefusedEarly(command, input, input, " would overwrite the input file ");
		// the same file under another spelling, and through a link
		assertRefusedEarly(command, input, dir.resolve("sub/../toy.hao"), " would overwrite the input file ");
		Path link = Files.createSymbolicLink(dir.resolve("link.hao"), input);
		assertRefusedEarly(command, input, link, " would overwrite the input file ");
	}

	@Test
	void anOutputNeverOverwritesAnImportedFile() throws Exception {
		Path lib = Files.writeString(dir.resolve("lib.hao"), "device Lib fpga { dsp 360 bram18k 432 lut 70560 ff 141120"
				+ " clock 250 MHz bandwidth 4.2 GB/s packing { 8: 2 } }\n");
		Path input = Files.writeString(dir.resolve("main.hao"),
				"import \"lib.hao\"\n" + Files.readString(toy()).replace("device ZU3EG", "device Lib"));
		assertEquals(0, run("check", input.toString()), out + "\n" + err);
		out.getBuffer().setLength(0);
		assertRefusedEarly("estimate FILE --json OUT", input, lib, "--json " + lib + " would overwrite the input file");
		// imported through another import, whose names nothing refers to (linking never loads it)
		Path lib2 = Files.writeString(dir.resolve("lib2.hao"), "// nothing refers to this file's names\n");
		Files.writeString(lib, "import \"lib2.hao\"\n" + Files.readString(lib));
		assertRefusedEarly("estimate FILE --json OUT", input, lib2,
				"--json " + lib2 + " would overwrite the input file");
	}

	@Test
	void twoOutputsNamingOneFileAreRefused() throws Exception {
		Path input = toy();
		Path same = dir.resolve("same.out");
		int code = run("search", input.toString(), "--json", same.toString(), "--csv", same.toString());
		assertRefused("search --json X --csv X", code,
				"--json " + same + " and --csv " + same + " name the same file; give each output its own file");
		assertEquals("", out.toString());
		assertFalse(Files.exists(same));
	}

	@ParameterizedTest
	@ValueSource(strings = {"import", "calibrate"})
	void importAndCalibrateNeverOverwriteTheirInput(String command) throws Exception {
		Path input = command.equals("import")
				? Files.copy(
						Path.of(System.getProperty("hao.fixtures.dir", "fixtures/onnx"), "linear_head-matmul.onnx"),
						dir.resolve("m.onnx"))
				: Files.writeString(dir.resolve("m.csv"), "id,model,network,device,measured_ms,source\n");
		byte[] before = Files.readAllBytes(input);
		int code = run(command, input.toString(), "-o", input.toString());
		assertRefused(command + " -o INPUT", code, "-o " + input + " would overwrite the input file");
		assertEquals("", out.toString());
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), "input unchanged");
	}

	@Test
	void importToAnUnwritablePathIsRefusedBeforeReadingTheModel() throws Exception {
		Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
		// the model does not even exist: the output is checked first
		int code = run("import", dir.resolve("nosuch.onnx").toString(), "-o", plain.resolve("net.hao").toString());
		assertRefused("import -o plain.txt/net.hao", code,
				"cannot write " + plain.resolve("net.hao") + ": not a directory");
	}
}
