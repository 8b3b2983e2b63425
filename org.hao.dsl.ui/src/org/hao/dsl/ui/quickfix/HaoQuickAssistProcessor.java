package org.hao.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.ui.validation.IssueAnnotation;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.builder.HaoMarkers;

/** Ctrl+1: the quick fixes of the issue annotations and problem markers on the caret's line. */
public class HaoQuickAssistProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return QuickFixes.hasFixes(code(annotation), data(annotation));
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		IDocument doc = context.getSourceViewer().getDocument();
		List<ICompletionProposal> result = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		try {
			int line = doc.getLineOfOffset(context.getOffset());
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				Annotation a = it.next();
				Position p = model.getPosition(a);
				if (p == null || p.isDeleted() || doc.getLineOfOffset(p.getOffset()) != line || !canFix(a)) {
					continue;
				}
				for (QuickFixes.Fix fix : QuickFixes.fixes(code(a), data(a), p.getOffset(), p.getLength(), doc)) {
					if (!seen.contains(fix.label() + p)) {
						seen.add(fix.label() + p);
						result.add(new FixProposal(fix));
					}
				}
			}
		} catch (BadLocationException e) {
			// the document changed under us: no proposals this time
		}
		return result.toArray(ICompletionProposal[]::new);
	}

	private static String code(Annotation a) {
		if (a instanceof IssueAnnotation ia) {
			return ia.issue().getCode();
		}
		if (a instanceof MarkerAnnotation ma) {
			return ma.getMarker().getAttribute(HaoMarkers.CODE, null);
		}
		return null;
	}

	private static String[] data(Annotation a) {
		if (a instanceof IssueAnnotation ia) {
			Issue issue = ia.issue();
			return issue.getData();
		}
		if (a instanceof MarkerAnnotation ma) {
			return HaoMarkers.data(ma.getMarker());
		}
		return null;
	}

	/** A quick fix as a completion proposal. */
	private record FixProposal(QuickFixes.Fix fix) implements ICompletionProposal {
		@Override
		public void apply(IDocument document) {
			try {
				fix.apply(document);
			} catch (BadLocationException e) {
				HaoUiPlugin.log("quick fix '" + fix.label() + "' failed", e);
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
