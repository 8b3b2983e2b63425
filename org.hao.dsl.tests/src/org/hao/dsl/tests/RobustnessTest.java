package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Half-typed and hostile input never crashes the parser, validator, mapper, estimator or {@code hao check}, every error
 * names a line, and time per KB stays bounded (figures printed as RELIABILITY lines; see docs/reliability.md).
 * Formatting the examples is stable.
 */
class RobustnessTest extends HaoTestBase {

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private IFormatter2 formatter;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	@TempDir
	static Path work;

	@AfterAll
	static void printFigures() {
		System.out.print(Figures.report());
	}

	/** Runs every text through the pipeline (and every {@code checkEvery}-th also through {@code hao check}). */
	private static void runAll(String category, List<String> texts, int checkEvery) throws IOException {
		Path dir = Files.createDirectories(work.resolve(category));
		for (int i = 0; i < texts.size(); i++) {
			Path file = Files.writeString(dir.resolve(category + "-" + i + ".hao"), texts.get(i));
			Figures.add(category, Pipeline.run(file));
			if (i % checkEvery == 0) {
				Pipeline.check(file);
			}
		}
	}

	private static String read(Path p) throws IOException {
		return Files.readString(p);
	}

	@Test
	void everyTruncationOfEveryExampleIsHandled() throws Exception {
		assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
			List<String> texts = new ArrayList<>(HostileInputs.truncations(VALID));
			for (Path example : ExamplesTest.examples()) {
				texts.addAll(HostileInputs.truncations(read(example)));
			}
			runAll("truncated-at-every-token", texts, 10);
		});
	}

	@Test
	void randomByteFlipsAreHandled() throws Exception {
		assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
			Path dir = Files.createDirectories(work.resolve("flips"));
			int i = 0;
			List<Path> sources = new ArrayList<>(ExamplesTest.examples());
			sources.add(Files.writeString(work.resolve("valid.hao"), VALID));
			for (Path source : sources) {
				for (byte[] mutant : HostileInputs.byteFlips(Files.readAllBytes(source), 6 + i, 60)) {
					Path file = Files.write(dir.resolve("flip-" + i++ + ".hao"), mutant);
					Figures.add("random-byte-flips", Pipeline.run(file));
					if (i % 5 == 0) {
						Pipeline.check(file);
					}
				}
			}
		});
	}

	@Test
	void hugeZeroAndNegativeNumbersEverywhereAreHandled() throws Exception {
		assertTimeoutPreemptively(Duration.ofMinutes(5),
				() -> runAll("numbers-replaced", HostileInputs.numberVariants(VALID,
						List.of("0", "-1", "2147483647", "2147483648", "99999999999999999999", "0.0000001", "1e9")),
						7));
	}

	@Test
	void handWrittenHostileFilesAreHandled() throws Exception {
		Path corpus = Path.of(System.getProperty("hao.corpus.dir", "corpus")).toAbsolutePath().normalize();
		List<Path> files;
		try (Stream<Path> s = Files.list(corpus)) {
			files = s.filter(f -> f.toString().endsWith(".hao")).sorted().toList();
		}
		assertTrue(files.size() >= 10, "corpus not found or too small: " + corpus);
		for (Path file : files) {
			Pipeline.Outcome o = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Pipeline.run(file),
					file::toString);
			Figures.add("hand-written-corpus", o);
			int code = Pipeline.check(file);
			System.out.println("RELIABILITY corpus " + file.getFileName() + ": check exit " + code + ", " + o.issues()
					+ " issues, " + o.millis() + " ms");
		}
	}

	@Test
	void deepImportCycleTerminates() throws Exception {
		Path dir = Files.createDirectories(work.resolve("imports"));
		int n = 60;
		for (int i = 0; i < n; i++) {
			Files.writeString(dir.resolve("f" + i + ".hao"), "import \"f" + ((i + 1) % n) + ".hao\"\nimport \"f" + i
					+ ".hao\"\n" + "device D" + i
					+ " fpga { dsp 10 bram18k 10 lut 1000 ff 2000 clock 100 MHz bandwidth 1 GB/s packing { 8: 2 } }\n"
					+ "network N" + i + " { input 3 x 8 x 8 subgraph s { conv c out 8 kernel 3 } }\n" + "search s" + i
					+ " { network N" + ((i + n - 1) % n) + " device D" + ((i + 1) % n) + " }\n");
		}
		Pipeline.Outcome o = assertTimeoutPreemptively(Duration.ofMinutes(2),
				() -> Pipeline.run(dir.resolve("f0.hao")));
		Figures.add("import-cycle-60-files", o);
		assertTrue(Pipeline.check(dir.resolve("f0.hao")) <= 1);
	}

	@Test
	void tenThousandLayerNetworkIsHandled() throws Exception {
		Path file = Files.writeString(work.resolve("deep.hao"), HostileInputs.deepNetwork(10_000));
		Pipeline.Outcome o = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Pipeline.run(file));
		Figures.add("10000-layer-network", o);
		System.out.println("RELIABILITY 10000 layers: " + o);
		assertEquals(1, o.estimates(), "the deep network is estimated: " + o);
	}

	@Test
	void tenMegabyteFileIsHandled() throws Exception {
		Path file = Files.writeString(work.resolve("big.hao"), HostileInputs.bigFile(10 * 1024 * 1024));
		Pipeline.Outcome o = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> Pipeline.run(file));
		Figures.add("10-MB-file", o);
		System.out.println("RELIABILITY 10 MB: " + o);
		// generous: a hang or a quadratic blow-up, not a slow machine, fails this (measured figure in the log)
		assertTrue(o.millis() * 1024.0 / o.bytes() < 100, o.millis() * 1024.0 / o.bytes() + " ms per KB");
	}

	/** Regression: the expander's ceil division overflowed, and the feasibility check threw inside the validator. */
	@Test
	void inputSizeNearTwoToTheThirtyOneIsNotAValidatorCrash() throws Exception {
		Model model = parse(validWith("input 3 x 32 x 32", "input 3 x 2147483647 x 32"));
		List<Issue> issues = validator.validate(model);
		assertTrue(issues.stream().allMatch(i -> i.getLineNumber() != null && i.getLineNumber() > 0
				&& !i.getMessage().contains("Error executing EValidator")), issues.toString());
	}

	@Test
	void hugeNumbersAreErrorsNotCrashes() throws Exception {
		Model model = parse(validWith("dsp 100", "dsp 99999999999999"));
		List<Issue> issues = validator.validate(model);
		assertTrue(issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.getLineNumber() == 2),
				issues.toString());
	}

	@Test
	void formattingTheExamplesIsStableAndKeepsThemValid() throws Exception {
		for (Path file : ExamplesTest.examples()) {
			String once = format(Files.readString(file));
			assertEquals(once, format(once), file + " formats differently the second time");
			Model model = parse(once);
			assertFalse(validator.validate(model).stream().anyMatch(i -> i.getSeverity() == Severity.ERROR),
					() -> file + " has errors after formatting:\n" + once);
		}
	}

	private String format(String text) throws Exception {
		XtextResource resource = (XtextResource) parse(text).eResource();
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get().setTextRegionAccess(access);
		List<ITextReplacement> replacements = formatter.format(request);
		return access.getRewriter().renderToString(replacements);
	}
}
