package org.hao.dsl.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The editor's view of its document as a model: the latest parse (set by the reconciler off the UI thread) and
 * listeners that react to a new parse (annotations, semantic colouring, outline, estimates). Readers that need the
 * model for the current text ({@link #current}) get the latest parse if it is still current, else a quick re-parse.
 */
public class EditorModel {

	private volatile URI uri = URI.createURI("synthetic:/unknown.hao");
	private volatile ParsedDocument latest;
	private final List<Consumer<ParsedDocument>> listeners = new CopyOnWriteArrayList<>();

	/** The document's location, for relative imports; set when the editor gets its input. */
	public void setUri(URI uri) {
		this.uri = uri;
	}

	/** Hands an existing parse to the listeners again (listeners attached after the first reconcile). */
	public void replay(ParsedDocument parsed) {
		listeners.forEach(l -> l.accept(parsed));
	}

	public URI uri() {
		return uri;
	}

	public void addListener(Consumer<ParsedDocument> listener) {
		listeners.add(listener);
	}

	/**
	 * Parses and validates the document's current text; called by the reconciler thread, and by the
	 * editor's ImportWatcher job when an imported file was saved. One at a time, so the parse published last is
	 * the one that started last (it read the newest imported files).
	 */
	public synchronized ParsedDocument reconcile(IDocument document, CancelIndicator cancel) {
		DocumentText t = DocumentText.read(document);
		// typing runs the fast checks only; the normal ones (engine bounds) run when the builder validates on save
		ParsedDocument parsed = DocumentParser.parse(t.text(), uri, t.stamp(), CheckMode.FAST_ONLY, cancel);
		if (cancel.isCanceled()) {
			return null;
		}
		latest = parsed;
		listeners.forEach(l -> l.accept(parsed));
		return parsed;
	}

	/** The latest validated parse, possibly of an older version; null before the first reconcile. */
	public ParsedDocument latest() {
		return latest;
	}

	/** A parse (without validation) of exactly the document's current text. */
	public ParsedDocument current(IDocument document) {
		DocumentText t = DocumentText.read(document);
		ParsedDocument l = latest;
		if (l != null && l.stamp() == t.stamp() && l.text().equals(t.text())) {
			return l;
		}
		return DocumentParser.parse(t.text(), uri, t.stamp(), null, CancelIndicator.NullImpl);
	}
}
