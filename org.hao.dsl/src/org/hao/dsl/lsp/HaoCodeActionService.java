package org.hao.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/** Code actions: the quick fixes ({@link TextFixes}) of the diagnostics the client sends, by issue code. */
public class HaoCodeActionService implements ICodeActionService2 {

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		String uri = options.getCodeActionParams().getTextDocument().getUri();
		Document document = document(options, uri);
		if (document == null) {
			return actions;
		}
		String text = document.getContents();
		for (Diagnostic d : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = d.getCode() == null ? null : d.getCode().isLeft() ? d.getCode().getLeft()
					: String.valueOf(d.getCode().getRight());
			int start;
			int end;
			try {
				start = document.getOffSet(d.getRange().getStart());
				end = document.getOffSet(d.getRange().getEnd());
			} catch (IndexOutOfBoundsException e) {
				continue; // a diagnostic of an older version of the text
			}
			for (TextFixes.Fix fix : TextFixes.fixes(code, data(d.getData()), start, Math.max(0, end - start), text)) {
				CodeAction action = new CodeAction(fix.label());
				action.setKind(CodeActionKind.QuickFix);
				action.setDiagnostics(List.of(d));
				Range range = new Range(document.getPosition(fix.offset()),
						document.getPosition(fix.offset() + fix.length()));
				action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(range, fix.text())))));
				actions.add(Either.forRight(action));
			}
		}
		return actions;
	}

	/** The document the actions are for: Xtext 2.42 does not always put it into the options. */
	private static Document document(Options options, String uri) {
		if (options.getDocument() != null) {
			return options.getDocument();
		}
		if (options.getResource() instanceof XtextResource r && r.getParseResult() != null) {
			return new Document(0, r.getParseResult().getRootNode().getText());
		}
		if (options.getLanguageServerAccess() != null) {
			try {
				return options.getLanguageServerAccess().doRead(uri, ILanguageServerAccess.Context::getDocument).get(10,
						TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (ExecutionException | TimeoutException e) {
				// no document: no actions
			}
		}
		return null;
	}

	/** Issue data as the client sends it back: a JSON array of strings (or the server's own String[]). */
	static String[] data(Object data) {
		if (data instanceof String[] strings) {
			return strings;
		}
		if (data instanceof JsonArray array) {
			String[] out = new String[array.size()];
			for (int i = 0; i < out.length; i++) {
				JsonElement e = array.get(i);
				out[i] = e == null || e.isJsonNull() ? null : e.getAsString();
			}
			return out;
		}
		if (data instanceof List<?> list) {
			return list.stream().map(o -> o == null ? null : o.toString()).toArray(String[]::new);
		}
		return null;
	}
}
