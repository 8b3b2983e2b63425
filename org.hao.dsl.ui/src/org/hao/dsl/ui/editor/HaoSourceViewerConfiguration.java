package org.hao.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.hao.dsl.ui.contentassist.HaoCompletionProcessor;
import org.hao.dsl.ui.highlighting.HaoCodeScanner;
import org.hao.dsl.ui.highlighting.HaoColors;
import org.hao.dsl.ui.hover.HaoTextHover;
import org.hao.dsl.ui.navigation.HaoHyperlinkDetector;
import org.hao.dsl.ui.quickfix.HaoQuickAssistProcessor;

/** Wires the platform text editor to the .hao services: colouring, reconciler, assist, hover, links, minings. */
public class HaoSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** Typing pause before re-validating. */
	static final int RECONCILE_DELAY_MS = 400;

	private final HaoEditor editor;

	public HaoSourceViewerConfiguration(HaoEditor editor, IPreferenceStore store) {
		super(store);
		this.editor = editor;
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
		return HaoPartitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
		return HaoPartitions.TYPES;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(HaoPartitions.PARTITIONING);
		DefaultDamagerRepairer code = new DefaultDamagerRepairer(new HaoCodeScanner());
		reconciler.setDamager(code, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(code, IDocument.DEFAULT_CONTENT_TYPE);
		DefaultDamagerRepairer comment = new DefaultDamagerRepairer(single(HaoColors.COMMENT_STYLE));
		reconciler.setDamager(comment, HaoPartitions.COMMENT);
		reconciler.setRepairer(comment, HaoPartitions.COMMENT);
		DefaultDamagerRepairer string = new DefaultDamagerRepairer(single(HaoColors.STRING_STYLE));
		reconciler.setDamager(string, HaoPartitions.STRING);
		reconciler.setRepairer(string, HaoPartitions.STRING);
		return reconciler;
	}

	private static RuleBasedScanner single(TextAttribute attribute) {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setDefaultReturnToken(new Token(attribute));
		return scanner;
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		MonoReconciler reconciler = new MonoReconciler(new HaoReconcilingStrategy(editor.model()), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setDocumentPartitioning(HaoPartitions.PARTITIONING);
		assistant.setContentAssistProcessor(new HaoCompletionProcessor(editor.model()), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoInsert(true);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new HaoTextHover(editor.model(), editor.estimates());
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		List<IHyperlinkDetector> detectors = new ArrayList<>();
		detectors.add(new HaoHyperlinkDetector(editor.model(), editor::reveal));
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(sourceViewer);
		if (inherited != null) {
			detectors.addAll(Arrays.asList(inherited));
		}
		return detectors.toArray(IHyperlinkDetector[]::new);
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new HaoQuickAssistProcessor());
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[]{"//", ""};
	}

	@Override
	public ICodeMiningProvider[] getCodeMiningProviders(ISourceViewer sourceViewer) {
		return new ICodeMiningProvider[]{editor.miningProvider()};
	}
}
