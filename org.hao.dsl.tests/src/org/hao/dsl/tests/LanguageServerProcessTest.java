package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hao lsp} as a real process ({@code releng/hao lsp}, the launcher users run), driven over pipes by LSP4J's
 * client launcher: the scenario of issue 13 from initialize to exit, plus a malformed message.
 */
class LanguageServerProcessTest {

	private static final long WAIT_S = 60;

	@TempDir
	Path dir;

	private Process process;

	/** Diagnostics per URI, latest first published last. */
	private final ConcurrentHashMap<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final List<ResponseMessage> errorResponses = new CopyOnWriteArrayList<>();

	/** Every frame goes out in one write under this lock, so a raw (malformed) frame never splits one of LSP4J's. */
	private final Object outLock = new Object();

	private OutputStream serverIn;

	@AfterEach
	void killLeftovers() {
		if (process != null && process.isAlive()) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static Path haoRoot() {
		return Path.of(System.getProperty("hao.root", "..")).toAbsolutePath().normalize();
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void theIssueScenarioOverPipes() throws Exception {
		Path root = haoRoot();
		Path launcher = root.resolve("releng/hao");
		assertTrue(Files.isRegularFile(root.resolve("releng/org.hao.cli/target/cli/classpath")),
				"the command line is assembled by releng/org.hao.cli, which the reactor builds before these tests");
		String good = Files.readString(root.resolve("examples/toy.hao"));
		String broken = good.replace("device ZU3EG", "device ZU3EGX");
		Path file = dir.resolve("toy.hao");
		Files.writeString(file, broken);
		String uri = file.toUri().toString();
		int deviceLine = lineOf(good, "device ZU3EG");
		int layerLine = lineOf(good, "conv stem_conv");

		ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "lsp");
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
		pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server-stderr.txt").toFile()));
		process = pb.start();
		serverIn = process.getOutputStream();

		Launcher<LanguageServer> client = new LSPLauncher.Builder<LanguageServer>().setLocalService(new Client())
				.setRemoteInterface(LanguageServer.class).setInput(process.getInputStream())
				.setOutput(new FrameOutput()).wrapMessages(consumer -> message -> {
					if (message instanceof ResponseMessage r && r.getError() != null) {
						errorResponses.add(r);
					}
					consumer.consume(message);
				}).create();
		client.startListening();
		LanguageServer server = client.getRemoteProxy();

		// initialize
		InitializeParams init = new InitializeParams();
		init.setCapabilities(new ClientCapabilities());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "test")));
		var result = server.initialize(init).get(WAIT_S, TimeUnit.SECONDS);
		assertNotNull(result.getCapabilities().getHoverProvider(), "hover advertised");
		assertNotNull(result.getCapabilities().getCodeLensProvider(), "code lenses advertised");
		server.initialized(new InitializedParams());

		// didOpen of a broken file -> publishDiagnostics with the right line
		server.getTextDocumentService()
				.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "hao", 1, broken)));
		waitFor(() -> !diagnostics.getOrDefault(uri, List.of()).isEmpty(), "diagnostics of the broken file");
		List<Diagnostic> found = diagnostics.get(uri);
		Diagnostic unresolved = found.stream().filter(d -> message(d).contains("ZU3EGX")).findFirst().orElse(null);
		assertNotNull(unresolved, found.toString());
		assertEquals(deviceLine, unresolved.getRange().getStart().getLine(), unresolved.toString());
		assertNotNull(unresolved.getCode(), "diagnostics carry the issue code");

		// completion at a device position offers ZU3EG (a standard-library device)
		int column = broken.lines().toList().get(deviceLine).indexOf("ZU3EGX");
		Either<List<CompletionItem>, CompletionList> completion = server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(deviceLine, column)))
				.get(WAIT_S, TimeUnit.SECONDS);
		List<CompletionItem> items = completion.isLeft() ? completion.getLeft() : completion.getRight().getItems();
		assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("ZU3EG")),
				items.stream().map(CompletionItem::getLabel).collect(Collectors.joining(", ")));

		// where a name is written (a new op's, a new search's) no keyword is offered as a name
		String typing = good.replace("conv stem_conv out 16 kernel 3 stride 2",
				"conv stem_conv out 16 kernel 3 stride 2\n\t\tconv ") + "\nsearch ";
		String typingUri = dir.resolve("typing.hao").toUri().toString();
		server.getTextDocumentService()
				.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(typingUri, "hao", 1, typing)));
		List<String> lines = typing.lines().toList();
		for (int line : new int[]{lineOf(typing, "conv stem_conv") + 1, lines.size() - 1}) {
			var atName = server.getTextDocumentService()
					.completion(new CompletionParams(new TextDocumentIdentifier(typingUri),
							new Position(line, lines.get(line).length())))
					.get(WAIT_S, TimeUnit.SECONDS);
			List<String> labels = (atName.isLeft() ? atName.getLeft() : atName.getRight().getItems()).stream()
					.map(CompletionItem::getLabel).toList();
			assertTrue(labels.stream().noneMatch(l -> Set.of("fps", "network", "conv", "x").contains(l)),
					lines.get(line) + ": " + labels);
		}

		String fixedLine = good.lines().toList().get(deviceLine);

		// didChange fixing the error clears the diagnostics
		diagnostics.remove(uri);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(good))));
		waitFor(() -> diagnostics.containsKey(uri) && diagnostics.get(uri).isEmpty(), "diagnostics cleared");

		// hover on a layer shows its latency (estimated off the request thread)
		int nameColumn = good.lines().toList().get(layerLine).indexOf("stem_conv") + 2;
		Hover hover = server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(layerLine, nameColumn)))
				.get(WAIT_S, TimeUnit.SECONDS);
		assertNotNull(hover, "hover on stem_conv");
		String hoverText = hover.getContents().getRight().getValue();
		assertTrue(hoverText.matches("(?s).*stem_conv.*\\d+\\.\\d+ ms.*"), hoverText);

		// rename and references (Xtext ide's services over LSP): the subgraph 'body' from its definition; the space's
		// entry refers to it, the name 'body' nowhere else
		int bodyLine = lineOf(good, "subgraph body pipelined");
		int entryLine = lineOf(good, "subgraph body {");
		Position onBody = new Position(bodyLine, good.lines().toList().get(bodyLine).indexOf("body") + 1);
		List<? extends Location> references = server.getTextDocumentService()
				.references(new ReferenceParams(new TextDocumentIdentifier(uri), onBody, new ReferenceContext(true)))
				.get(WAIT_S, TimeUnit.SECONDS);
		assertEquals(List.of(bodyLine, entryLine),
				references.stream().map(l -> l.getRange().getStart().getLine()).sorted().toList(),
				String.valueOf(references));
		WorkspaceEdit rename = server.getTextDocumentService()
				.rename(new RenameParams(new TextDocumentIdentifier(uri), onBody, "trunk"))
				.get(WAIT_S, TimeUnit.SECONDS);
		assertEquals(good.replace("subgraph body", "subgraph trunk"), applied(good, editsOf(rename, uri)),
				"the definition and its reference renamed, nothing else");

		// definition: ZU3EG is in the standard library
		List<? extends Location> definition = server.getTextDocumentService()
				.definition(new DefinitionParams(new TextDocumentIdentifier(uri),
						new Position(deviceLine, fixedLine.indexOf("ZU3EG") + 1)))
				.get(WAIT_S, TimeUnit.SECONDS).getLeft();
		assertEquals(1, definition.size(), String.valueOf(definition));
		Path library = Path.of(java.net.URI.create(definition.get(0).getUri()));
		String libraryLine = Files.readAllLines(library).get(definition.get(0).getRange().getStart().getLine());
		assertTrue(libraryLine.contains("ZU3EG"), libraryLine);
		assertTrue(library.startsWith(dir.resolve("cache/hao-studio/stdlib")), "the user's cache folder: " + library);

		// a quick fix as a code action: a duplicate choice, removed by the fix's edit
		String duplicate = good.replace("kernel { 3, 5 }", "kernel { 3, 5, 5 }");
		int choiceLine = lineOf(duplicate, "kernel { 3, 5, 5 }");
		diagnostics.remove(uri);
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(uri, 3), List.of(new TextDocumentContentChangeEvent(duplicate))));
		waitFor(() -> !diagnostics.getOrDefault(uri, List.of()).isEmpty(), "diagnostic of the duplicate kernel size");
		Diagnostic twice = diagnostics.get(uri).get(0);
		assertEquals(choiceLine, twice.getRange().getStart().getLine(), twice.toString());
		assertEquals("org.hao.dsl.duplicateEntry", twice.getCode().getLeft(), twice.toString());
		var actions = server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
				twice.getRange(), new CodeActionContext(List.of(twice)))).get(WAIT_S, TimeUnit.SECONDS);
		assertFalse(actions.isEmpty(), "a quick fix for " + twice.getCode());
		var edit = actions.get(0).getRight().getEdit().getChanges().get(uri).get(0);
		String line = duplicate.lines().toList().get(choiceLine);
		String fixed = line.substring(0, edit.getRange().getStart().getCharacter()) + edit.getNewText()
				+ line.substring(edit.getRange().getEnd().getCharacter());
		assertEquals(good.lines().toList().get(choiceLine), fixed);

		// a malformed JSON-RPC message gets an error response and the server keeps serving
		sendRaw("{\"jsonrpc\":\"2.0\",\"id\":9999,\"method\":\"textDocument/hover\",\"params\":{");
		waitFor(() -> errorResponses.stream().anyMatch(r -> r.getError().getCode() == -32700), "parse error response");
		assertTrue(errorResponses.stream().anyMatch(r -> "9999".equals(String.valueOf(r.getId()))),
				errorResponses.toString());
		Hover again = server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(layerLine, nameColumn)))
				.get(WAIT_S, TimeUnit.SECONDS);
		assertNotNull(again, "the server still answers after the malformed message");

		// shutdown + exit: the process ends and leaves nothing behind
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		server.shutdown().get(WAIT_S, TimeUnit.SECONDS);
		server.exit();
		assertTrue(process.waitFor(WAIT_S, TimeUnit.SECONDS), "hao lsp ended after exit");
		assertEquals(0, process.exitValue());
		for (ProcessHandle h : tree) {
			assertTrue(h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).get() != null && !h.isAlive(),
					"left behind: " + h.pid());
		}
	}

	private void sendRaw(String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		synchronized (outLock) {
			serverIn.write(header);
			serverIn.write(body);
			serverIn.flush();
		}
	}

	private static String message(Diagnostic d) {
		return d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue();
	}

	/** The edits of {@code edit} to {@code uri}, whether the server sent them as changes or document changes. */
	private static List<TextEdit> editsOf(WorkspaceEdit edit, String uri) {
		List<TextEdit> edits = new ArrayList<>();
		if (edit.getChanges() != null) {
			edits.addAll(edit.getChanges().getOrDefault(uri, List.of()));
		}
		if (edit.getDocumentChanges() != null) {
			for (var change : edit.getDocumentChanges()) {
				if (change.isLeft() && change.getLeft().getTextDocument().getUri().equals(uri)) {
					for (var e : change.getLeft().getEdits()) {
						assertTrue(e.isLeft(), "a plain text edit, not a snippet: " + e);
						edits.add(e.getLeft());
					}
				}
			}
		}
		return edits;
	}

	/** {@code text} with {@code edits} applied (LSP positions: line and UTF-16 column). */
	private static String applied(String text, List<TextEdit> edits) {
		List<Integer> lineStarts = new ArrayList<>(List.of(0));
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lineStarts.add(i + 1);
			}
		}
		StringBuilder sb = new StringBuilder(text);
		edits.stream()
				.sorted((a, b) -> Integer.compare(offset(lineStarts, b.getRange().getStart()),
						offset(lineStarts, a.getRange().getStart())))
				.forEach(e -> sb.replace(offset(lineStarts, e.getRange().getStart()),
						offset(lineStarts, e.getRange().getEnd()), e.getNewText()));
		return sb.toString();
	}

	private static int offset(List<Integer> lineStarts, Position p) {
		return lineStarts.get(p.getLine()) + p.getCharacter();
	}

	private static int lineOf(String text, String needle) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(needle)) {
				return i;
			}
		}
		throw new IllegalArgumentException(needle);
	}

	private void waitFor(BooleanSupplier condition, String what) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("timed out waiting for " + what + "; diagnostics " + diagnostics
						+ "; server stderr: " + (Files.exists(dir.resolve("server-stderr.txt"))
								? Files.readString(dir.resolve("server-stderr.txt")) : ""));
			}
			assertTrue(process.isAlive() || condition.getAsBoolean(), "hao lsp died while waiting for " + what);
			Thread.sleep(20);
		}
	}

	/** Buffers what LSP4J writes and sends it as one frame on flush, under {@link #outLock}. */
	private final class FrameOutput extends OutputStream {
		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		@Override
		public synchronized void write(int b) {
			buffer.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			buffer.write(b, off, len);
		}

		@Override
		public synchronized void flush() throws IOException {
			synchronized (outLock) {
				buffer.writeTo(serverIn);
				serverIn.flush();
			}
			buffer.reset();
		}
	}

	/** Records diagnostics; everything else is ignored. */
	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.put(params.getUri(), params.getDiagnostics());
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}
