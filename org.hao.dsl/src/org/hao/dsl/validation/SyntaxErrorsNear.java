package org.hao.dsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Whether an element holds a syntax or value error (a parse error, a number out of range): then its "needs 'out'"
 * or "has no subgraphs" error would be a false follow-on of that error (the attribute was written, but wrongly), so
 * the validators leave it out. The element's text runs from its first character to the next element of its container
 * (or the container's end), so an error the parser reported just after the element's last token counts too.
 */
final class SyntaxErrorsNear {
	private SyntaxErrorsNear() {
	}

	static boolean in(EObject element) {
		Resource resource = element == null ? null : element.eResource();
		if (resource == null || resource.getErrors().isEmpty()) {
			return false;
		}
		ICompositeNode node = NodeModelUtils.getNode(element);
		if (node == null) {
			return false;
		}
		int start = node.getOffset();
		int end = Integer.MAX_VALUE;
		EObject container = element.eContainer();
		if (container != null) {
			ICompositeNode parent = NodeModelUtils.getNode(container);
			if (parent != null) {
				end = parent.getEndOffset() + 1; // an error at the end of the file ("the file ends too early") too
			}
			for (EObject sibling : container.eContents()) {
				ICompositeNode other = sibling == element ? null : NodeModelUtils.getNode(sibling);
				if (other != null && other.getOffset() >= node.getEndOffset()) {
					end = Math.min(end, other.getOffset());
				}
			}
		}
		for (Resource.Diagnostic d : resource.getErrors()) {
			if (d instanceof AbstractDiagnostic a && a.getOffset() >= start && a.getOffset() < end) {
				return true;
			}
		}
		return false;
	}
}
