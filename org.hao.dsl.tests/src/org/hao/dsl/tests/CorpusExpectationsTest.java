package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.Test;

/**
 * The right value for every file of the bad-input corpus: {@code corpus/expected.txt} gives, per file, the exit code
 * of {@code hao check} and the exact lines it prints ({@code file:line:col: severity: message}, the file name
 * without its folder), so a fault that comes back (a byte-order mark that fails the parse, an error on the wrong
 * line, a silently accepted duplicate) fails here. Every corpus file must be listed.
 */
class CorpusExpectationsTest {

	private static final Path CORPUS = Path.of(System.getProperty("hao.corpus.dir", "corpus")).toAbsolutePath()
			.normalize();

	record Expected(String file, int exit, List<String> lines) {
	}

	/**
	 * Format: a line {@code == FILE exit N} starts a file's entry; the lines up to the next one are what check prints,
	 * with the file's folder left out; blank lines and lines starting with # are skipped.
	 */
	static List<Expected> read() throws Exception {
		List<Expected> result = new ArrayList<>();
		String file = null;
		int exit = -1;
		List<String> lines = new ArrayList<>();
		for (String line : Files.readAllLines(CORPUS.resolve("expected.txt"), StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("== ")) {
				if (file != null) {
					result.add(new Expected(file, exit, lines));
				}
				String[] parts = line.substring(3).trim().split(" exit ");
				file = parts[0].trim();
				exit = Integer.parseInt(parts[1].trim());
				lines = new ArrayList<>();
			} else {
				lines.add(line);
			}
		}
		if (file != null) {
			result.add(new Expected(file, exit, lines));
		}
		return result;
	}

	/** What {@code hao check FILE} gives, in the format of expected.txt (stderr, which must stay empty, appended). */
	private static String actual(String name) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = HaoCli.run(new String[]{"check", CORPUS.resolve(name).toString()}, new PrintWriter(out, true),
				new PrintWriter(err, true));
		List<String> lines = out.toString().lines().map(l -> l.replace(CORPUS + "/", "")).toList();
		return "== " + name + " exit " + code + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines))
				+ (err.toString().isEmpty() ? "" : "\nstderr: " + err);
	}

	@Test
	void everyCorpusFileGivesItsExpectedCheckOutput() throws Exception {
		List<Expected> expected = read();
		List<String> failures = new ArrayList<>();
		for (Expected e : expected) {
			String actual = actual(e.file());
			String wanted = "== " + e.file() + " exit " + e.exit()
					+ (e.lines().isEmpty() ? "" : "\n" + String.join("\n", e.lines()));
			if (!actual.equals(wanted)) {
				failures.add(actual + "\n   expected:\n" + wanted);
			}
		}
		Set<String> listed = expected.stream().map(Expected::file).collect(Collectors.toCollection(TreeSet::new));
		Set<String> present;
		try (Stream<Path> s = Files.list(CORPUS)) {
			present = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hao"))
					.collect(Collectors.toCollection(TreeSet::new));
		}
		for (String unlisted : present) {
			if (!listed.contains(unlisted)) {
				failures.add(actual(unlisted) + "\n   (not in corpus/expected.txt)");
			}
		}
		if (!failures.isEmpty()) {
			System.out.println("CORPUS-ACTUAL\n" + String.join("\n", failures) + "\nCORPUS-ACTUAL-END");
		}
		assertTrue(failures.isEmpty(), failures.size() + " corpus files differ:\n" + String.join("\n", failures));
		assertEquals(present, listed, "corpus/expected.txt must list every corpus file");
		System.out.println(
				"RELIABILITY corpus expectations: " + expected.size() + " files, each exit code and line as expected");
	}
}
