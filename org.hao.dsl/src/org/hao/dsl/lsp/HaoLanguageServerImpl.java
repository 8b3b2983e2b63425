package org.hao.dsl.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, made to accept every form of {@code initialize}: Xtext 2.42 needs a root URI (it throws a
 * NullPointerException without one), but LSP 3.6+ clients may send only workspace folders, and a client that opened a
 * single file sends neither. The first workspace folder then serves as the root (all folders are projects, see
 * {@link HaoLanguageServer}); with no folder at all, an empty temporary folder does, so opened files are still served.
 */
public class HaoLanguageServerImpl extends LanguageServerImpl {

	@SuppressWarnings("deprecation") // rootUri/rootPath: what Xtext reads
	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getRootUri() == null && params.getRootPath() == null) {
			if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
				params.setRootUri(params.getWorkspaceFolders().get(0).getUri());
			} else {
				try {
					var empty = Files.createTempDirectory("hao-lsp-");
					empty.toFile().deleteOnExit();
					params.setRootUri(empty.toUri().toString());
				} catch (IOException e) {
					throw new IllegalStateException("no workspace folder given and no temporary folder available", e);
				}
			}
		}
		return super.initialize(params);
	}
}
