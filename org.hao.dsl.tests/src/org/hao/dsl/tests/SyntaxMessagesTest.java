package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Search;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;

/**
 * The grammar side of the messages in words: the {@code ElementName} rule takes every word keyword of the grammar (so
 * that a keyword used as a name is one error on the name and the parse goes on), and an escaped keyword is a name.
 */
class SyntaxMessagesTest extends HaoTestBase {

	@Inject
	private IGrammarAccess grammar;

	@Test
	void elementNameListsEveryWordKeyword() {
		Set<String> words = GrammarUtil.getAllKeywords(grammar.getGrammar()).stream()
				.filter(k -> k.matches("[a-zA-Z][a-zA-Z0-9-]*")).collect(Collectors.toCollection(TreeSet::new));
		AbstractRule rule = GrammarUtil.findRuleForName(grammar.getGrammar(), "ElementName");
		Set<String> listed = EcoreUtil2.eAllOfType(rule, Keyword.class).stream().map(Keyword::getValue)
				.collect(Collectors.toCollection(TreeSet::new));
		assertEquals(words, listed, "add the missing keywords to ElementName in Hao.xtext");
	}

	@Test
	void aKeywordNameIsOneErrorAndTheRestStillParses() throws Exception {
		Model model = parse("network N { input 3 x 8 x 8 subgraph s { conv c out 8 kernel 3 } }\n"
				+ "search x { network N device ZU3EG }\nsearch ^x2 { network N device ZU3EG }\n"
				+ "search ^search { network N device ZU3EG }\n");
		assertEquals(1, model.eResource().getErrors().size(), () -> model.eResource().getErrors().toString());
		assertTrue(model.eResource().getErrors().get(0).getMessage().contains("'x' is a keyword"));
		assertEquals(4, model.getElements().size(), "every element parsed");
		assertEquals("search", ((Search) model.getElements().get(3)).getName());
	}
}
