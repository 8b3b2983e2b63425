package org.hao.dsl.ui.navigation;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.ParsedDocument;

/** Where the name under the caret is defined: this file, an imported file or the standard device library. */
public final class Declarations {

	/**
	 * @param uri resource holding the definition
	 * @param offset/length the definition's name
	 * @param source the whole text of the defining resource (to open library definitions)
	 */
	public record Target(URI uri, int offset, int length, EObject element, String source) {
	}

	/** The range of the cross-reference under {@code offset}, or null. */
	public static ITextRegion referenceAt(ParsedDocument parsed, int offset) {
		EObjectAtOffsetHelper helper = HaoLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		INode node = helper.getCrossReferenceNode(parsed.resource(), new org.eclipse.xtext.util.TextRegion(offset, 0));
		return node == null ? null : node.getTextRegion();
	}

	public static Target find(ParsedDocument parsed, int offset) {
		EObjectAtOffsetHelper helper = HaoLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
		INode ref = helper.getCrossReferenceNode(parsed.resource(), new org.eclipse.xtext.util.TextRegion(offset, 0));
		EObject target = ref == null ? null : helper.getCrossReferencedElement(ref);
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return null;
		}
		ITextRegion name = HaoLanguage.injector().getInstance(ILocationInFileProvider.class)
				.getSignificantTextRegion(target);
		ICompositeNode root = NodeModelUtils.getNode(target).getRootNode();
		return new Target(target.eResource().getURI(), name.getOffset(), name.getLength(), target, root.getText());
	}

	/** The element at or around {@code offset}: a referenced element if the offset is on a reference. */
	public static EObject elementAt(ParsedDocument parsed, int offset) {
		return HaoLanguage.injector().getInstance(EObjectAtOffsetHelper.class).resolveElementAt(parsed.resource(),
				offset);
	}

	private Declarations() {
	}
}
