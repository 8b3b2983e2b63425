package org.hao.dsl.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.IMultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.MultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Runs Xtext's language server ({@link LanguageServerImpl}, the services of {@code org.eclipse.xtext.ide}) for .hao
 * files over LSP4J. The language itself comes from {@code HaoIdeSetup} (registered in
 * {@code META-INF/services/org.eclipse.xtext.ISetup}), whose module {@code HaoIdeModule} adds the HAO-specific services:
 * estimates in hovers and code lenses, and quick fixes as code actions.
 */
public final class HaoLanguageServer {

	private HaoLanguageServer() {
	}

	/**
	 * Serves one client on stdin/stdout until it sends {@code exit} (the process then ends) or closes stdin.
	 * System.out is pointed at stderr first: the protocol owns stdout and a stray print would corrupt it.
	 *
	 * @return 0 when the client closed the connection
	 */
	public static int serveStdio() throws InterruptedException {
		InputStream in = System.in;
		PrintStream out = System.out;
		System.setOut(System.err);
		return serve(in, out);
	}

	/**
	 * Listens on localhost:{@code port} (0 = any free port), prints {@code hao lsp: listening on port N} on stderr and
	 * serves the first client that connects, until it sends {@code exit} or disconnects.
	 */
	public static int serveSocket(int port, PrintWriter err) throws IOException, InterruptedException {
		try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			System.setOut(System.err); // once the port is ours (a port in use leaves the caller's stdout alone)
			err.println("hao lsp: listening on port " + server.getLocalPort());
			err.flush();
			try (Socket socket = server.accept()) {
				return serve(socket.getInputStream(), socket.getOutputStream());
			}
		}
	}

	private static int serve(InputStream in, OutputStream out) throws InterruptedException {
		// workspace folders as LSP 3.6+ clients send them (one project per folder); rootUri alone works too
		Injector injector = Guice.createInjector(Modules.override(new ServerModule()).with(binder -> {
			binder.bind(IMultiRootWorkspaceConfigFactory.class).to(MultiRootWorkspaceConfigFactory.class);
			binder.bind(LanguageServerImpl.class).to(HaoLanguageServerImpl.class);
		}));
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		ExecutorService messages = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "hao-lsp-messages");
			t.setDaemon(true);
			return t;
		});
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>() {
			@Override
			protected MessageJsonHandler createJsonHandler() {
				return new StrictMessageJsonHandler(getSupportedMethods());
			}
		}.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out)
				.setExecutorService(messages).create();
		server.connect(launcher.getRemoteProxy());
		try {
			launcher.startListening().get();
		} catch (ExecutionException e) {
			System.err.println("hao lsp: connection ended: " + e.getCause());
		} finally {
			messages.shutdownNow();
		}
		return 0;
	}
}
