package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CompoundElement;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.UnorderedGroup;
import org.hao.dsl.hao.ConvOp;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;

/**
 * The grammar side of the messages in words: the {@code ElementName} rule takes every word keyword of the grammar (so
 * that a keyword used as a name is one error on the name and the parse goes on), {@code OpName} the same for ops
 * (but for the words that follow an op's name), and an escaped keyword is a name.
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

	/**
	 * {@code OpName} takes every word keyword but those that can come right after an op's name (its attributes, a
	 * pool's kind), where a missing name must stay "expected a name before 'out'".
	 */
	@Test
	void opNameListsEveryWordKeywordButThoseThatFollowAnOpName() {
		Set<String> words = GrammarUtil.getAllKeywords(grammar.getGrammar()).stream()
				.filter(k -> k.matches("[a-zA-Z][a-zA-Z0-9-]*")).collect(Collectors.toCollection(TreeSet::new));
		Set<String> afterName = new TreeSet<>();
		for (Assignment a : EcoreUtil2.eAllOfType(grammar.getGrammar(), Assignment.class)) {
			if ("name".equals(a.getFeature()) && a.getTerminal() instanceof RuleCall call
					&& call.getRule().getName().equals("OpName")) {
				List<AbstractElement> siblings = ((Group) a.eContainer()).getElements();
				first(siblings.get(siblings.indexOf(a) + 1), afterName);
			}
		}
		assertTrue(afterName.containsAll(Set.of("in", "out", "kernel", "act", "max", "avg", "repeat")),
				afterName::toString);
		words.removeAll(afterName);
		AbstractRule rule = GrammarUtil.findRuleForName(grammar.getGrammar(), "OpName");
		Set<String> listed = EcoreUtil2.eAllOfType(rule, Keyword.class).stream().map(Keyword::getValue)
				.collect(Collectors.toCollection(TreeSet::new));
		assertEquals(words, listed, "OpName in Hao.xtext: every word keyword but " + afterName);
	}

	/** The keywords {@code e} can start with (all alternatives and unordered parts; past optional leading parts). */
	private static void first(AbstractElement e, Set<String> into) {
		if (e instanceof Keyword k) {
			into.add(k.getValue());
		} else if (e instanceof Assignment a) {
			first(a.getTerminal(), into);
		} else if (e instanceof RuleCall call && call.getRule() instanceof EnumRule en) {
			EcoreUtil2.eAllOfType(en, EnumLiteralDeclaration.class).forEach(l -> into.add(l.getLiteral().getValue()));
		} else if (e instanceof RuleCall call && call.getRule() instanceof ParserRule r) {
			first(r.getAlternatives(), into);
		} else if (e instanceof Alternatives || e instanceof UnorderedGroup) {
			((CompoundElement) e).getElements().forEach(x -> first(x, into));
		} else if (e instanceof Group g) {
			for (AbstractElement x : g.getElements()) {
				first(x, into);
				if (!GrammarUtil.isOptionalCardinality(x)) {
					break;
				}
			}
		}
	}

	@Test
	void aKeywordOpNameIsOneErrorOnItsLineAndTheOpStillParses() throws Exception {
		Model model = parse("network N { input 3 x 8 x 8 subgraph s {\n conv conv out 8 kernel 3\n"
				+ " fc fps out 10\n fc ^fc out 10\n } }\n");
		var errors = model.eResource().getErrors();
		assertEquals(2, errors.size(), errors::toString);
		assertTrue(errors.get(0).getMessage().contains("'conv' is a keyword and cannot be a name (write ^conv"),
				errors.get(0).getMessage());
		assertEquals(2, errors.get(0).getLine());
		assertTrue(errors.get(1).getMessage().contains("'fps' is a keyword"), errors.get(1).getMessage());
		assertEquals(3, errors.get(1).getLine());
		var ops = ((Network) model.getElements().get(0)).getSubgraphs().get(0).getOps();
		assertEquals(3, ops.size(), "every op parsed");
		assertEquals(Integer.valueOf(8), ((ConvOp) ops.get(0)).getOutChannels());
		assertEquals(Integer.valueOf(3), ((ConvOp) ops.get(0)).getKernel());
		assertEquals("fc", ops.get(2).getName());
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
