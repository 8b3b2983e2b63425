package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.hao.dsl.lsp.HaoLanguageServer;
import org.hao.engine.io.IoReason;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hao lsp [--port N]}: the .hao Language Server (Xtext's ide server on LSP4J) on stdin/stdout, or on TCP port N
 * of localhost for clients that connect to a socket. Runs until the client sends exit or closes the connection.
 */
@Command(name = "lsp", description = "Language server (LSP) for editors: stdin/stdout, or a TCP port with --port.")
public class LspCommand implements Callable<Integer> {

	@Option(names = "--port", paramLabel = "N", description = "listen on localhost:N (one client) instead of stdin/stdout")
	Integer port;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter err = spec.commandLine().getErr();
		if (port != null && (port < 0 || port > 65535)) {
			err.println("hao lsp: --port must be 0..65535, got " + port);
			return ExitCode.USAGE.code();
		}
		if (port == null) {
			return HaoLanguageServer.serveStdio();
		}
		try {
			return HaoLanguageServer.serveSocket(port, err);
		} catch (java.net.BindException e) {
			// "input/output failure: address already in use" did not say which port
			err.println("hao lsp: cannot listen on localhost:" + port + ": " + IoReason.of(e));
			return ExitCode.USAGE.code();
		}
	}
}
