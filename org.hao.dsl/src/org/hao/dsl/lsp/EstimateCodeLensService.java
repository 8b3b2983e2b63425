package org.hao.dsl.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * Code lenses with the per-op (layer), per-subgraph and per-search estimates the Eclipse editor shows as code minings,
 * one above each element's line. The lens carries no command to run (its command id is empty): it is a label.
 */
public class EstimateCodeLensService implements ICodeLensService {

	@Inject
	private EstimateCache estimates;

	@Override
	public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params,
			CancelIndicator cancel) {
		List<EstimateLine> lines = estimates.get(document, resource, cancel);
		List<CodeLens> lenses = new ArrayList<>();
		if (lines == null) {
			return lenses;
		}
		for (EstimateLine line : lines) {
			Position at = document.getPosition(Math.min(line.offset(), document.getContents().length()));
			lenses.add(new CodeLens(new Range(at, at), new Command(line.text(), ""), null));
		}
		return lenses;
	}
}
