package org.hao.dsl.ui.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.ui.DocumentText;
import org.hao.dsl.ui.ParsedDocument;

/** Replaces the editor's issue annotations after each reconcile; results for an older document version are dropped. */
public class AnnotationUpdater implements Consumer<ParsedDocument> {

	private final Supplier<IDocument> document;
	private final Supplier<IAnnotationModel> annotations;

	public AnnotationUpdater(Supplier<IDocument> document, Supplier<IAnnotationModel> annotations) {
		this.document = document;
		this.annotations = annotations;
	}

	@Override
	public void accept(ParsedDocument parsed) {
		IDocument doc = document.get();
		IAnnotationModel model = annotations.get();
		if (doc == null || model == null || DocumentText.stamp(doc) != parsed.stamp()) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Issue issue : parsed.issues()) {
			if (issue.getSeverity() == Severity.IGNORE || issue.getOffset() == null) {
				continue;
			}
			int offset = Math.min(issue.getOffset(), doc.getLength());
			int length = Math.max(0,
					Math.min(issue.getLength() == null ? 0 : issue.getLength(), doc.getLength() - offset));
			added.put(new IssueAnnotation(issue), new Position(offset, length));
		}
		List<Annotation> removed = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation a = it.next();
			if (a instanceof IssueAnnotation) {
				removed.add(a);
			}
		}
		if (model instanceof IAnnotationModelExtension ext) {
			ext.replaceAnnotations(removed.toArray(Annotation[]::new), added);
		} else {
			removed.forEach(model::removeAnnotation);
			added.forEach(model::addAnnotation);
		}
	}
}
