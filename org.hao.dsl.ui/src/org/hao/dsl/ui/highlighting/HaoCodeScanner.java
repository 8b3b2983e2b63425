package org.hao.dsl.ui.highlighting;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.hao.dsl.ui.HaoLanguage;

/**
 * Lexical colouring of the default partition: keywords (taken from the real grammar, so they never drift) and
 * numbers. Runs on the UI thread per damaged region, so it is purely lexical and cheap.
 */
public class HaoCodeScanner extends RuleBasedScanner {

	private static Set<String> keywords;

	public HaoCodeScanner() {
		IToken keyword = new Token(HaoColors.KEYWORD_STYLE);
		IToken number = new Token(HaoColors.NUMBER_STYLE);
		IToken other = new Token(HaoColors.DEFAULT_STYLE);
		WordRule words = new WordRule(new Words(), other);
		keywords().forEach(k -> words.addWord(k, keyword));
		setRules(new IRule[]{new WhitespaceRule(Character::isWhitespace), new NumberRule(number), words});
		setDefaultReturnToken(other);
	}

	/** Word-like keywords of the grammar (punctuation such as '{' stays uncoloured). */
	public static synchronized Set<String> keywords() {
		if (keywords == null) {
			Set<String> all = new TreeSet<>();
			for (String k : GrammarUtil
					.getAllKeywords(HaoLanguage.injector().getInstance(IGrammarAccess.class).getGrammar())) {
				if (!k.isEmpty() && Character.isLetter(k.charAt(0))) {
					all.add(k);
				}
			}
			keywords = Set.copyOf(all);
		}
		return keywords;
	}

	private static final class Words implements IWordDetector {
		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_' || c == '^';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}
	}

	/** INT or INT.INT, not glued to a preceding word character (names like b2 stay names). */
	private static final class NumberRule implements IRule {
		private final IToken token;

		NumberRule(IToken token) {
			this.token = token;
		}

		@Override
		public IToken evaluate(ICharacterScanner scanner) {
			int c = scanner.read();
			if (c == ICharacterScanner.EOF || !Character.isDigit(c)) {
				scanner.unread();
				return Token.UNDEFINED;
			}
			do {
				c = scanner.read();
			} while (c != ICharacterScanner.EOF && Character.isDigit(c));
			if (c == '.') {
				int next = scanner.read();
				if (next != ICharacterScanner.EOF && Character.isDigit(next)) {
					do {
						c = scanner.read();
					} while (c != ICharacterScanner.EOF && Character.isDigit(c));
				} else {
					scanner.unread();
				}
			}
			scanner.unread();
			return token;
		}
	}
}
