package org.hao.dsl.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code hao} commands in-process, capturing what they print on stdout and stderr. */
abstract class CliTestBase {

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();
	final StringWriter err = new StringWriter();

	int run(String... args) {
		return HaoCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
	}
}
