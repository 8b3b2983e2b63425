package org.hao.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.hao.dsl.resource.HaoResource;
import org.hao.dsl.scoping.HaoGlobalScopeProvider;
import org.hao.dsl.scoping.HaoLinkingMessages;
import org.hao.dsl.syntax.HaoSyntaxErrorMessages;
import org.hao.dsl.syntax.HaoValueConverters;

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

	/** Numbers out of range, fractions where a whole number is needed and keywords as names, in words. */
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return HaoValueConverters.class;
	}

	/** Syntax errors without ANTLR's token names (RULE_ID, EOF), with the allowed values where there is a fixed set. */
	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return HaoSyntaxErrorMessages.class;
	}
}
