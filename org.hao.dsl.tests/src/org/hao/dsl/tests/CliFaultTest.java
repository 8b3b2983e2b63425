package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.hao.dsl.cli.CancelOnShutdown;
import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the command line: exit code, stderr, and no result file lost or half written. The test runs the real
 * shutdown hook the CLI registers, as the JVM does on SIGINT (a real SIGINT is verified by hand: docs/reliability.md).
 */
class CliFaultTest {

	private static final String OLD = "{\"previous\": \"results\"}\n";

	@TempDir
	Path dir;

	private static Path example(String name) {
		return Path.of(System.getProperty("hao.examples.dir", "../examples"), name).toAbsolutePath().normalize();
	}

	private List<String> files() throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void ctrlCDuringASearchCancelsItKeepsTheOldResultsAndLeavesNoTempFile() throws Exception {
		Path json = Files.writeString(dir.resolve("out.json"), OLD);
		AtomicReference<Thread> hook = new AtomicReference<>();
		CancelOnShutdown.Hooks previous = CancelOnShutdown.useHooks(new CancelOnShutdown.Hooks() {
			@Override
			public void add(Thread h) {
				hook.set(h);
			}

			@Override
			public void remove(Thread h) {
				hook.compareAndSet(h, null);
			}
		});
		try {
			StringWriter out = new StringWriter(), err = new StringWriter();
			CompletableFuture<Integer> run = CompletableFuture
					.supplyAsync(() -> HaoCli.run(
							new String[]{"search", example("mobilenetv2-zu3eg.hao").toString(), "--json",
									json.toString(), "--threads", "1"},
							new PrintWriter(out, true), new PrintWriter(err, true)));
			long deadline = System.currentTimeMillis() + 60_000;
			while (!(hook.get() != null && err.toString().contains("hao: searching")) && !run.isDone()
					&& System.currentTimeMillis() < deadline) {
				Thread.sleep(5);
			}
			Thread.sleep(300); // let the engine get into its solves
			Thread h = hook.get();
			assertTrue(h != null, "no shutdown hook while searching; stderr: " + err);
			long t0 = System.nanoTime();
			h.start(); // what the JVM does on SIGINT
			h.join(30_000);
			long hookMs = (System.nanoTime() - t0) / 1_000_000;
			int code = run.get(30, TimeUnit.SECONDS);
			System.out.println("RELIABILITY in-process Ctrl-C: hook (cancel + wait for the command) took " + hookMs
					+ " ms, exit " + code);
			assertEquals(130, code, out + "\n" + err);
			assertTrue(err.toString().contains("cancelled; no result file was written"), err.toString());
			assertEquals(OLD, Files.readString(json), "the previous results were replaced");
			assertEquals(List.of("out.json"), files(), "a temp file was left");
			assertTrue(hookMs < 5_000, "Ctrl-C took " + hookMs + " ms");
		} finally {
			CancelOnShutdown.useHooks(previous);
		}
	}
}
