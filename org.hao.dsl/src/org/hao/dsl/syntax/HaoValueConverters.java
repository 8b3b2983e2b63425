package org.hao.dsl.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Value converters of the grammar's {@code Number} (a Java {@code int}) and {@code Decimal} (a {@code double}) rules:
 * a value out of range or a fraction where a whole number is needed is one error in words on the value (e.g.
 * {@code 99999999999999999999 is too large (at most 2147483647)}, {@code 'out' takes a whole number, not 16.5})
 * instead of Java's {@code For input string: "..."} or a syntax error at the '.'. The grammar's {@code Number} accepts
 * a fraction so that this converter, not the parser, reports it; likewise its {@code ElementName} accepts a keyword,
 * reported here as {@code 'x' is a keyword and cannot be a name}, so that the parser keeps its place.
 */
public class HaoValueConverters extends DefaultTerminalConverters {

	private final IValueConverter<Integer> number = new IValueConverter<>() {
		@Override
		public Integer toValue(String string, INode node) {
			if (string == null || string.isBlank()) {
				return null;
			}
			String s = string.strip();
			if (s.contains(".")) {
				String keyword = keywordBefore(node);
				throw new ValueConverterException(
						(keyword == null ? "a whole number is needed here" : "'" + keyword + "' takes a whole number")
								+ ", not " + s,
						node, null);
			}
			BigInteger v = new BigInteger(s);
			if (v.bitLength() > 31) {
				throw new ValueConverterException(
						v.signum() > 0 ? shown(s) + " is too large (at most " + Integer.MAX_VALUE + ")"
								: shown(s) + " is too small (at least " + Integer.MIN_VALUE + ")",
						node, null);
			}
			return v.intValue();
		}

		@Override
		public String toString(Integer value) {
			return value == null ? null : Integer.toString(value);
		}
	};

	private final IValueConverter<Double> decimal = new IValueConverter<>() {
		@Override
		public Double toValue(String string, INode node) {
			if (string == null || string.isBlank()) {
				return null;
			}
			String s = string.strip();
			double v = Double.parseDouble(s);
			if (Double.isInfinite(v)) {
				throw new ValueConverterException(shown(s) + " is too large for a number", node, null);
			}
			return v;
		}

		@Override
		public String toString(Double value) {
			if (value == null) {
				return null;
			}
			String s = new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
			return s.toLowerCase(Locale.ROOT);
		}
	};

	private final IValueConverter<String> elementName = new IValueConverter<>() {
		@Override
		public String toValue(String string, INode node) {
			if (string == null) {
				return null;
			}
			String s = string.strip();
			if (s.startsWith("^")) {
				return s.substring(1);
			}
			if (keywords().contains(s)) {
				throw new ValueConverterException("'" + s + "' is a keyword and cannot be a name (write ^" + s
						+ " to use it as one)" + missingNameHint(node), node, null);
			}
			return s;
		}

		@Override
		public String toString(String value) {
			return value != null && keywords().contains(value) ? "^" + value : value;
		}
	};

	private Set<String> keywords;

	/** {@code ElementName}: an ID, or a keyword reported as such (the grammar accepts it to keep its place). */
	@ValueConverter(rule = "ElementName")
	public IValueConverter<String> ElementName() {
		return elementName;
	}

	/** {@code OpName}: an op's name, an ID or a keyword reported as such, like {@link #ElementName()}. */
	@ValueConverter(rule = "OpName")
	public IValueConverter<String> OpName() {
		return elementName;
	}

	private Set<String> keywords() {
		if (keywords == null) {
			keywords = GrammarUtil.getAllKeywords(getGrammar());
		}
		return keywords;
	}

	/** {@code Number}: an int; a fraction or a value beyond an int is an error naming the value. */
	@ValueConverter(rule = "Number")
	public IValueConverter<Integer> Number() {
		return number;
	}

	/** {@code Decimal}: a double; a value beyond a double's range is an error naming the value. */
	@ValueConverter(rule = "Decimal")
	public IValueConverter<Double> Decimal() {
		return decimal;
	}

	/** A value for a message: a very long one (hundreds of digits) by its start and its length. */
	static String shown(String value) {
		return value.length() <= 24 ? value : value.substring(0, 12) + "... (" + value.length() + " characters)";
	}

	/**
	 * For a keyword read as a name on a later line than the word that takes the name ({@code conv} alone on its line,
	 * then {@code fc f out 10}: the name was left out and the next op's keyword became it), a hint naming that word
	 * and its line; else "".
	 */
	static String missingNameHint(INode node) {
		ILeafNode owner = leafBefore(node);
		if (owner == null || node.getStartLine() <= owner.getEndLine()
				|| !(owner.getGrammarElement() instanceof Keyword k)) {
			return "";
		}
		return "; is the name after '" + k.getValue() + "' on line " + owner.getEndLine() + " missing?";
	}

	/** The last visible leaf before {@code node}, or null. */
	private static ILeafNode leafBefore(INode node) {
		for (INode n = node; n != null;) {
			INode prev = n.getPreviousSibling();
			if (prev == null) {
				n = n.getParent();
				continue;
			}
			ILeafNode leaf = lastVisibleLeaf(prev);
			if (leaf != null) {
				return leaf;
			}
			n = prev;
		}
		return null;
	}

	/** The word keyword just before the value ({@code out} in {@code out 16.5}), or null (a ',' or a '{'). */
	static String keywordBefore(INode node) {
		if (node == null) {
			return null;
		}
		INode n = node;
		while (n != null) {
			INode prev = n.getPreviousSibling();
			if (prev == null) {
				n = n.getParent();
				continue;
			}
			n = prev;
			ILeafNode leaf = lastVisibleLeaf(prev);
			if (leaf == null) {
				continue;
			}
			if (leaf.getGrammarElement() instanceof Keyword k && k.getValue().matches("[a-z][a-z0-9-]*")) {
				return k.getValue();
			}
			return null;
		}
		return null;
	}

	private static ILeafNode lastVisibleLeaf(INode node) {
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden()) {
				last = leaf;
			}
		}
		return last;
	}
}
