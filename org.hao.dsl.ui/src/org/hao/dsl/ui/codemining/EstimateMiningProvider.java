package org.hao.dsl.ui.codemining;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.codemining.AbstractCodeMiningProvider;
import org.eclipse.jface.text.codemining.ICodeMining;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.codemining.LineEndCodeMining;
import org.hao.dsl.ui.estimate.EstimateEntry;
import org.hao.dsl.ui.estimate.EstimateService;
import org.hao.dsl.ui.estimate.EstimateSnapshot;

/** Shows the installed estimates at the end of their lines; nothing is computed here (see EstimateService). */
public class EstimateMiningProvider extends AbstractCodeMiningProvider {

	private final EstimateService service;

	public EstimateMiningProvider(EstimateService service) {
		this.service = service;
	}

	@Override
	public CompletableFuture<List<? extends ICodeMining>> provideCodeMinings(ITextViewer viewer,
			IProgressMonitor monitor) {
		IDocument doc = viewer.getDocument();
		EstimateSnapshot snapshot = service.installed();
		boolean current = service.isInstalledCurrent();
		List<ICodeMining> minings = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		for (EstimateEntry e : snapshot.entries()) {
			if (e.position().isDeleted() || e.position().getOffset() > doc.getLength()) {
				continue;
			}
			try {
				int line = doc.getLineOfOffset(e.position().getOffset());
				if (lines.contains(line)) {
					continue; // two elements on one line: the first one speaks
				}
				lines.add(line);
				minings.add(new Mining(doc, line, this, "   " + EstimateService.label(e, current)));
			} catch (BadLocationException ex) {
				// position outside the document after an edit: skip until the next estimate
			}
		}
		return CompletableFuture.completedFuture(minings);
	}

	private static final class Mining extends LineEndCodeMining {
		Mining(IDocument document, int line, ICodeMiningProvider provider, String label) throws BadLocationException {
			super(document, line, provider);
			setLabel(label);
		}
	}
}
