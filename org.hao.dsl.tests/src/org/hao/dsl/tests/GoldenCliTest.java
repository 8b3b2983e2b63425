package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-output tests of the CLI, as Lingua Franca keeps them: what {@code check}, {@code estimate} and {@code search}
 * print on the shipped examples (stdout, stderr, exit code) must equal {@code golden/cli/NAME.txt}. Only what varies
 * between runs is normalised: the engine's wall time and cache counts, and the checkout's path. A changed figure is a
 * changed golden file, reviewed in the diff: regenerate with the environment variable {@code HAO_GOLDEN_UPDATE=1} (the files are then
 * written instead of compared, and the test fails so that an update is never silent).
 */
class GoldenCliTest extends CliTestBase {
	private static final Path GOLDEN = Path.of(System.getProperty("hao.golden.dir", "golden"), "cli");
	private static final String EXAMPLES = System.getProperty("hao.examples.dir", "../examples");

	static Stream<Arguments> cases() {
		List<Arguments> c = new ArrayList<>();
		c.add(Arguments.of("check-examples",
				new String[]{"check", ex("efficientnet-b0.hao"), ex("fbnet-b.hao"), ex("mnasnet-a1.hao"),
						ex("mobile-vs-fpga.hao"), ex("mobilenetv2-zu3eg.hao"), ex("resnet50-zcu102.hao"),
						ex("toy.hao")}));
		c.add(Arguments.of("check-errors", new String[]{"check", GOLDEN.resolve("errors.hao").toString()}));
		c.add(Arguments.of("estimate-toy", new String[]{"estimate", ex("toy.hao")}));
		c.add(Arguments.of("estimate-mobilenetv2", new String[]{"estimate", ex("mobilenetv2-zu3eg.hao")}));
		c.add(Arguments.of("search-toy", new String[]{"search", ex("toy.hao"), "--threads", "1"}));
		return c.stream();
	}

	private static String ex(String name) {
		return Path.of(EXAMPLES, name).toString();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void outputEqualsTheGoldenFile(String name, String[] args) throws IOException {
		int code = run(args);
		String actual = "$ hao " + normalise(String.join(" ", args)) + "\nexit " + code + "\n--- stdout\n"
				+ normalise(out.toString()) + "--- stderr\n" + normalise(err.toString());
		Path golden = GOLDEN.resolve(name + ".txt");
		if ("1".equals(System.getenv("HAO_GOLDEN_UPDATE"))) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
			throw new AssertionError("golden file written (HAO_GOLDEN_UPDATE=1): " + golden.toAbsolutePath());
		}
		assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "output of hao " + name + " changed; if"
				+ " intended, rerun with HAO_GOLDEN_UPDATE=1 and review the diff of " + golden);
	}

	/**
	 * Wall times (the engine's, SCIP's), cache counts and the checkout's paths vary between runs; everything else is
	 * pinned. (The main job's search is not here: it would warm the engine's caches for the Ctrl-C test that runs it.)
	 */
	static String normalise(String text) {
		String examples = Path.of(EXAMPLES).toString();
		String golden = GOLDEN.toString();
		return text.replace("\r\n", "\n").replace(examples, "<examples>").replace(golden, "<golden>")
				.replaceAll("engine time [0-9.]+ s( \\(\\d+ subgraph ILP solves, \\d+ cache hits\\))?",
						"engine time <t>")
				.replaceAll("by SCIP in \\d+ ms", "by SCIP in <t> ms").replaceAll("(?m)^elapsed .*$", "elapsed <t>");
	}
}
