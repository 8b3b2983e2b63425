package org.hao.dsl.ui;

import org.eclipse.xtext.ide.DefaultIdeModule;
import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.ide.editor.contentassist.FQNPrefixMatcher;
import org.eclipse.xtext.ide.editor.contentassist.IPrefixMatcher;
import org.eclipse.xtext.ide.editor.contentassist.IProposalConflictHelper;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.AntlrProposalConflictHelper;
import org.eclipse.xtext.ide.editor.contentassist.antlr.IContentAssistParser;
import org.eclipse.xtext.ide.editor.contentassist.antlr.internal.Lexer;
import org.eclipse.xtext.ide.refactoring.IRenameStrategy2;
import org.eclipse.xtext.service.AbstractGenericModule;
import org.eclipse.xtext.util.Modules2;
import org.hao.dsl.HaoRuntimeModule;
import org.hao.dsl.HaoStandaloneSetup;
import org.hao.dsl.ide.contentassist.antlr.internal.InternalHaoLexer;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.hao.dsl.ide.contentassist.HaoProposalProvider;
import org.hao.dsl.ide.highlighting.HaoSemanticHighlightingCalculator;

import com.google.inject.Binder;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;

/**
 * The language injector used by the IDE: the runtime module, Xtext's generic ide module and the content-assist
 * and rename bindings of the generated HaoIdeModule. The generated module itself is not used because it also binds
 * the LSP rename service and the language server's services. Created once.
 */
public final class HaoLanguage {

	private static Injector injector;

	private HaoLanguage() {
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new Setup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	private static final class Setup extends HaoStandaloneSetup {
		@Override
		public Injector createInjector() {
			return Guice.createInjector(Modules2.mixin(new HaoRuntimeModule(), new DefaultIdeModule(), new UiModule()));
		}
	}

	/** Content-assist bindings (as generated into AbstractHaoIdeModule) plus IDE-side overrides. */
	public static final class UiModule extends AbstractGenericModule {

		public void configureContentAssistLexer(Binder binder) {
			binder.bind(Lexer.class).annotatedWith(Names.named(LexerIdeBindings.CONTENT_ASSIST))
					.to(InternalHaoLexer.class);
		}

		public Class<? extends IContentAssistParser> bindIContentAssistParser() {
			return org.hao.dsl.ide.contentassist.antlr.HaoParser.class;
		}

		public Class<? extends IProposalConflictHelper> bindIProposalConflictHelper() {
			return AntlrProposalConflictHelper.class;
		}

		public Class<? extends IPrefixMatcher> bindIPrefixMatcher() {
			return FQNPrefixMatcher.class;
		}

		public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
			return HaoSemanticHighlightingCalculator.class;
		}

		public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
			return HaoProposalProvider.class;
		}

		/** Rename (as generated into AbstractHaoIdeModule, without its LSP-only rename service). */
		public Class<? extends IRenameStrategy2> bindIRenameStrategy2() {
			return IRenameStrategy2.DefaultImpl.class;
		}
	}
}
