package org.hao.dsl.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.MissingTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.antlr.runtime.UnwantedTokenException;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.UnorderedGroup;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Syntax errors in words, the same in {@code hao check}, the editor and the language server: ANTLR's token names
 * ({@code RULE_ID}, {@code EOF}) become what the user writes ("a name", "the end of the file"), a keyword where a name
 * belongs says so, an unknown word at the top level lists what a file holds, and a wrong word after a keyword with a
 * fixed set of values ({@code act}, {@code objective}, {@code architecture}, {@code pool NAME}, ...) lists the allowed
 * values, taken from the grammar.
 */
@Singleton
public class HaoSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	/** What a .hao file holds at the top level (the grammar's Element and Import rules). */
	static final String FILE_HOLDS = "a file holds network, space, search, device and import";

	@Inject
	private IGrammarAccess grammar;

	/** Keyword (or keyword + one name, key "pool _") -> the words allowed right after it. */
	private Map<String, List<String>> choices;

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage base = super.getSyntaxErrorMessage(context);
		String message = null;
		try {
			message = message(context.getRecognitionException(), context.getTokenNames(), inName(context));
		} catch (RuntimeException e) {
			// a message is never worth failing the parse; keep the default text, in words
		}
		if (message == null) {
			message = words(context.getDefaultMessage());
		}
		return new SyntaxErrorMessage(message, base.getIssueCode(), base.getIssueData());
	}

	/**
	 * Whether the parser was reading a name through a datatype rule ({@code OpName}, {@code ElementName}: an ID or a
	 * keyword) when the error came: its composite node is the one being built.
	 */
	private static boolean inName(IParserErrorContext context) {
		INode node = context.getCurrentNode();
		return node != null && node.getGrammarElement() instanceof RuleCall call
				&& NAME_RULES.contains(call.getRule().getName());
	}

	/** The grammar's datatype rules for names. */
	private static final Set<String> NAME_RULES = Set.of("OpName", "ElementName");

	private String message(RecognitionException e, String[] names, boolean inName) {
		if (e == null || e.token == null) {
			return null;
		}
		Token token = e.token;
		boolean atEnd = token.getType() == Token.EOF;
		String found = atEnd ? "the end of the file" : "'" + shown(token.getText()) + "'";
		if (!atEnd && token.getText() != null && token.getText().codePoints().anyMatch(c -> c > 127)) {
			return found + " is not allowed here: names use ASCII letters, digits and '_' (other characters only in"
					+ " comments and strings)";
		}
		if (e instanceof MissingTokenException m) {
			if (m.expecting == Token.EOF) {
				return unknownElement(token);
			}
			String expected = tokenWords(name(names, m.expecting));
			return isIdRule(names, m.expecting) ? "expected a name before " + found
					: "expected " + expected + " before " + found;
		}
		if (e instanceof UnwantedTokenException u) {
			if (u.expecting == Token.EOF) {
				return unknownElement(token);
			}
			return "unexpected " + found + ", expected " + tokenWords(name(names, u.expecting));
		}
		if (e instanceof MismatchedTokenException m) {
			if (m.expecting == Token.EOF) {
				return unknownElement(token);
			}
			if (isIdRule(names, m.expecting)) {
				return isKeyword(token, names)
						? found + " is a keyword and cannot be a name (write ^" + token.getText() + " to use it as one)"
						: "expected a name, found " + found;
			}
			return "expected " + tokenWords(name(names, m.expecting)) + ", found " + found;
		}
		if (e instanceof NoViableAltException) {
			if (atEnd) {
				return "the file ends too early (a '}' or a value missing?)";
			}
			if (inName) {
				// a word that follows a name (conv out 16) or a symbol where the name belongs: as for an ID name
				return "expected a name before " + found;
			}
			Allowed allowed = allowedAfter(e);
			if (allowed != null) {
				return "unknown value " + found + " for '" + allowed.keyword() + "': use one of "
						+ String.join(", ", allowed.words());
			}
			return "unexpected " + found;
		}
		return null;
	}

	/** A token's text with control characters and lone surrogates as U+XXXX (they would print as '?' or not at all). */
	static String shown(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder b = new StringBuilder();
		text.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE || !Character.isDefined(c)) {
				b.append(String.format(Locale.ROOT, "U+%04X", c));
			} else {
				b.appendCodePoint(c);
			}
		});
		return b.toString();
	}

	private static String unknownElement(Token token) {
		if (token.getType() == Token.EOF) {
			return "the file ends too early";
		}
		String text = token.getText();
		if ("}".equals(text)) {
			return "'}' closes nothing (one '}' too many?)";
		}
		return "unknown element '" + shown(text) + "': " + FILE_HOLDS;
	}

	/** The words a keyword takes. */
	private record Allowed(String keyword, List<String> words) {
	}

	/** The allowed words after the keyword before the offending token (or after keyword + name), else null. */
	private Allowed allowedAfter(RecognitionException e) {
		if (!(e.input instanceof TokenStream ts)) {
			return null;
		}
		List<Token> before = new ArrayList<>();
		for (int i = e.index - 1; i >= 0 && before.size() < 2; i--) {
			Token t = ts.get(i);
			if (!isHidden(t)) {
				before.add(t);
			}
		}
		Map<String, List<String>> map = choices();
		if (!before.isEmpty() && map.containsKey(before.get(0).getText())) {
			return new Allowed(before.get(0).getText(), map.get(before.get(0).getText()));
		}
		if (before.size() == 2 && map.containsKey(before.get(1).getText() + " _")) {
			return new Allowed(before.get(1).getText(), map.get(before.get(1).getText() + " _"));
		}
		return null;
	}

	private static boolean isHidden(Token t) {
		return t.getChannel() == Token.HIDDEN_CHANNEL || t.getText() == null || t.getText().isBlank()
				|| t.getText().startsWith("//") || t.getText().startsWith("/*");
	}

	private synchronized Map<String, List<String>> choices() {
		if (choices == null) {
			Map<String, List<String>> map = new LinkedHashMap<>();
			for (Group g : EcoreUtil2.eAllOfType(grammar.getGrammar(), Group.class)) {
				List<AbstractElement> els = g.getElements();
				for (int i = 0; i + 1 < els.size(); i++) {
					if (!(els.get(i) instanceof Keyword k)) {
						continue;
					}
					List<String> words = words(els.get(i + 1));
					if (words != null) {
						map.putIfAbsent(k.getValue(), words);
					} else if (i + 2 < els.size() && els.get(i + 1) instanceof Assignment a
							&& "name".equals(a.getFeature()) && (words = words(els.get(i + 2))) != null) {
						map.putIfAbsent(k.getValue() + " _", words);
					}
				}
			}
			choices = map;
		}
		return choices;
	}

	/** The fixed words an element accepts (an enum, or alternatives of keywords), or null. */
	private static List<String> words(AbstractElement element) {
		AbstractElement e = element instanceof Assignment a ? a.getTerminal() : element;
		if (e instanceof RuleCall call && call.getRule() instanceof EnumRule en) {
			List<String> out = new ArrayList<>();
			for (EnumLiteralDeclaration lit : EcoreUtil2.eAllOfType(en.getAlternatives(),
					EnumLiteralDeclaration.class)) {
				out.add(lit.getLiteral().getValue());
			}
			if (en.getAlternatives() instanceof EnumLiteralDeclaration single) {
				out.add(single.getLiteral().getValue());
			}
			return out;
		}
		if (e instanceof Alternatives alt && !(e instanceof UnorderedGroup)) {
			List<String> out = new ArrayList<>();
			for (AbstractElement option : alt.getElements()) {
				AbstractElement o = option instanceof Assignment a ? a.getTerminal() : option;
				if (!(o instanceof Keyword k)) {
					return null;
				}
				out.add(k.getValue());
			}
			return out;
		}
		return null;
	}

	private static String name(String[] names, int type) {
		if (type == Token.EOF) {
			return "EOF";
		}
		return names != null && type >= 0 && type < names.length ? names[type] : "?";
	}

	private static boolean isIdRule(String[] names, int type) {
		return "RULE_ID".equals(name(names, type));
	}

	/** A word token whose type is a keyword's, not RULE_ID. */
	private static boolean isKeyword(Token token, String[] names) {
		String text = token.getText();
		return text != null && text.matches("[a-zA-Z][a-zA-Z0-9/-]*") && !isIdRule(names, token.getType());
	}

	private static String tokenWords(String tokenName) {
		return switch (tokenName) {
			case "RULE_ID" -> "a name";
			case "RULE_INT" -> "a number";
			case "RULE_STRING" -> "a quoted string";
			case "EOF" -> "the end of the file";
			default -> tokenName;
		};
	}

	/** ANTLR's default text with its token names and jargon in words (a fallback for the cases above). */
	static String words(String message) {
		if (message == null) {
			return "syntax error";
		}
		return message
				.replace("mismatched character '<EOF>' expecting '\"'",
						"a string is not closed: the file ends before its closing '\"'")
				.replace("no viable alternative at input", "unexpected")
				.replace("no viable alternative at character", "unexpected character")
				.replaceAll("^mismatched input (.*) expecting (.*)$", "unexpected $1, expected $2")
				.replaceAll("^extraneous input (.*) expecting (.*)$", "unexpected $1, expected $2")
				.replaceAll("^missing (\\S+) at (.*)$", "expected $1 before $2").replace("RULE_ID", "a name")
				.replace("RULE_INT", "a number").replace("RULE_STRING", "a quoted string")
				.replace("mismatched character", "unexpected character").replace("'<EOF>'", "the end of the file")
				.replace("<EOF>", "the end of the file").replace("EOF", "the end of the file")
				.replaceAll("RULE_[A-Z_]+", "a token");
	}
}
