package org.hao.dsl.resource;

/**
 * Recognises .hao files that are not UTF-8 text but UTF-16 (what Windows editors write as "Unicode"): with a byte-order
 * mark (FE FF or FF FE) or without one, when NUL bytes sit in every other position of the first bytes (ASCII text in
 * UTF-16 has a zero high byte; .hao source is ASCII apart from names and comments). A UTF-8 byte-order mark
 * (EF BB BF) is fine: the lexer skips it as whitespace.
 */
public final class TextEncodingCheck {

	/** Bytes looked at for the NUL pattern of BOM-less UTF-16. */
	static final int SAMPLE = 64;

	private TextEncodingCheck() {
	}

	/** "UTF-16BE" / "UTF-16LE" when {@code head} (the first bytes of a file) is UTF-16, else null. */
	public static String utf16(byte[] head, int length) {
		if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return "UTF-16BE";
		}
		if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return "UTF-16LE";
		}
		int n = Math.min(length, SAMPLE) & ~1;
		if (n < 4) {
			return null;
		}
		int evenNul = 0;
		int oddNul = 0;
		for (int i = 0; i < n; i += 2) {
			evenNul += head[i] == 0 ? 1 : 0;
			oddNul += head[i + 1] == 0 ? 1 : 0;
		}
		int pairs = n / 2;
		// at least 3 in 4 pairs with a NUL on one side and none on the other: text, not random binary
		if (evenNul * 4 >= pairs * 3 && oddNul == 0) {
			return "UTF-16BE";
		}
		if (oddNul * 4 >= pairs * 3 && evenNul == 0) {
			return "UTF-16LE";
		}
		return null;
	}

	/** The one error a UTF-16 file gets. */
	public static String message(String encoding) {
		return "this file is " + encoding + " text; .hao files are read as UTF-8: save it as UTF-8 "
				+ "(a UTF-8 byte-order mark is fine)";
	}
}
