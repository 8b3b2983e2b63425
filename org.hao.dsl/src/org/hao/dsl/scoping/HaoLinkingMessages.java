package org.hao.dsl.scoping;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.hao.dsl.ElementLabels;

/**
 * The error on a name that resolves to nothing, worded with the keyword the user writes ({@code no device named
 * 'Nope'}) instead of Xtext's default, which names the EMF class ({@code Couldn't resolve reference to DeviceDecl}).
 * The diagnostic code stays Xtext's linking code, so quick fixes keyed on it keep working.
 */
public class HaoLinkingMessages extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		String kind = ElementLabels.kind(context.getReference().getEReferenceType());
		String where = switch (kind) {
			case "device" -> " in this file, its imports or the device library";
			case "network", "space" -> " in this file or its imports";
			default -> ""; // ops and subgraphs are looked up in the network at hand
		};
		return new DiagnosticMessage("no " + kind + " named '" + context.getLinkText() + "'" + where, Severity.ERROR,
				Diagnostic.LINKING_DIAGNOSTIC);
	}
}
