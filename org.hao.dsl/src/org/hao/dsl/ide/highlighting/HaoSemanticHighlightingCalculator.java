package org.hao.dsl.ide.highlighting;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Semantic colouring of a {@code .hao} parse, for every editor: the names being defined (networks, ops, devices,
 * searches...) and the cross-references (devices, networks, ops named as inputs...). The Eclipse editor draws
 * {@link #DEFINITION} bold and {@link #REFERENCE} italic; a language client maps the style ids to its theme.
 */
public class HaoSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

	/** Style id of a name being defined. */
	public static final String DEFINITION = "hao.definition";
	/** Style id of a reference to a definition. */
	public static final String REFERENCE = "hao.reference";

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (cancel != null && cancel.isCanceled()) {
				return;
			}
			if (leaf.isHidden() || leaf.getLength() == 0) {
				continue;
			}
			if (EcoreUtil2.getContainerOfType(leaf.getGrammarElement(), CrossReference.class) != null) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), REFERENCE);
				continue;
			}
			Assignment a = EcoreUtil2.getContainerOfType(leaf.getGrammarElement(), Assignment.class);
			if (a == null && leaf.getParent() != null && leaf.getParent().getGrammarElement() instanceof RuleCall call
					&& GrammarUtil.isDatatypeRuleCall(call)) {
				// a name written through a datatype rule (ElementName: an ID, or a keyword reported as an error)
				a = EcoreUtil2.getContainerOfType(call, Assignment.class);
			}
			if (a != null && "name".equals(a.getFeature())) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), DEFINITION);
			}
		}
	}
}
