package org.hao.dsl;

import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.hao.dsl.resource.HaoResource;
import org.hao.dsl.scoping.HaoGlobalScopeProvider;
import org.hao.dsl.scoping.HaoLinkingMessages;

/** Runtime bindings of the .hao language (also used without OSGi). */
public class HaoRuntimeModule extends AbstractHaoRuntimeModule {

	/** Imports by URI plus the shipped device library, which is always in scope. */
	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return HaoGlobalScopeProvider.class;
	}

	/** Every .hao file loads through HaoResource (UTF-16 files get one clear error). */
	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return HaoResource.class;
	}

	/** Unresolved names reported with the user's keyword (device, network, op), not the EMF class name. */
	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return HaoLinkingMessages.class;
	}
}
