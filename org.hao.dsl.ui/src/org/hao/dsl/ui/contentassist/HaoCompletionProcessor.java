package org.hao.dsl.ui.contentassist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.util.TextRegion;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;

import com.google.inject.Injector;

/** Content assist through Xtext's UI-independent services on a parse of the current text. */
public class HaoCompletionProcessor implements IContentAssistProcessor {

	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "hao-content-assist");
		t.setDaemon(true);
		return t;
	});

	private final EditorModel model;
	private String error;

	public HaoCompletionProcessor(EditorModel model) {
		this.model = model;
	}

	/** The proposals at {@code offset} of the document's current text (also used by tests). */
	public static List<ContentAssistEntry> entries(ParsedDocument parsed, int offset) {
		Injector injector = HaoLanguage.injector();
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(parsed.text(), new TextRegion(offset, 0), offset,
				parsed.resource());
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<ContentAssistEntry> result = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (ContentAssistEntry e : acceptor.getEntries()) {
			if (seen.add(e.getProposal())) {
				result.add(e);
			}
		}
		return result;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		try {
			ParsedDocument parsed = model.current(viewer.getDocument());
			List<ICompletionProposal> proposals = new ArrayList<>();
			for (ContentAssistEntry e : entries(parsed, offset)) {
				String prefix = e.getPrefix() == null ? "" : e.getPrefix();
				int start = Math.max(0, offset - prefix.length());
				String label = e.getLabel() != null ? e.getLabel() : e.getProposal();
				String display = e.getDescription() == null ? label : label + " - " + e.getDescription();
				proposals.add(new CompletionProposal(e.getProposal(), start, offset - start, e.getProposal().length(),
						null, display, null, e.getDocumentation()));
			}
			return proposals.toArray(ICompletionProposal[]::new);
		} catch (RuntimeException e) {
			HaoUiPlugin.log("content assist failed", e);
			error = "content assist failed: " + e.getMessage();
			return new ICompletionProposal[0];
		}
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
