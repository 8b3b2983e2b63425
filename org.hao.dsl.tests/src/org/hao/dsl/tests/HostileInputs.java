package org.hao.dsl.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seeded generators of malformed and hostile .hao text; big inputs are made here, never stored in the repository. */
final class HostileInputs {

	private static final Pattern TOKEN = Pattern
			.compile("//[^\\n]*|/\\*.*?\\*/|\"[^\"\\n]*\"?|\\^?[A-Za-z_$][\\w$]*|\\d+(\\.\\d+)?|\\S", Pattern.DOTALL);
	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?(?![\\w.])");

	private HostileInputs() {
	}

	/** The text cut after each of its tokens (and before the first): every state a user passes through typing it. */
	static List<String> truncations(String text) {
		List<String> out = new ArrayList<>();
		out.add("");
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			out.add(text.substring(0, m.end()));
		}
		return out;
	}

	/** {@code count} copies of the text, each with 1 to 8 random bytes replaced by random bytes (any value). */
	static List<byte[]> byteFlips(byte[] text, long seed, int count) {
		Random r = new Random(seed);
		List<byte[]> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] b = text.clone();
			for (int k = 1 + r.nextInt(8); k > 0; k--) {
				b[r.nextInt(b.length)] = (byte) r.nextInt(256);
			}
			out.add(b);
		}
		return out;
	}

	/** The text with each number replaced in turn by each of {@code values} (huge, zero, negative...). */
	static List<String> numberVariants(String text, List<String> values) {
		List<String> out = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			for (String v : values) {
				out.add(text.substring(0, m.start()) + v + text.substring(m.end()));
			}
		}
		return out;
	}

	/** One network of {@code layers} ops (100 per subgraph, pointwise/depthwise alternating) with a search on ZU3EG. */
	static String deepNetwork(int layers) {
		StringBuilder b = new StringBuilder("network Deep {\n\tinput 3 x 8 x 8\n");
		for (int i = 0; i < layers; i++) {
			if (i % 100 == 0) {
				b.append(i == 0 ? "" : "\t}\n").append("\tsubgraph s").append(i / 100)
						.append(i % 200 == 0 ? " pipelined" : "").append(" {\n");
			}
			b.append(i % 2 == 0 ? "\t\tpointwise p" + i + " out 8\n" : "\t\tdepthwise d" + i + " kernel 3\n");
		}
		return b.append("\t}\n}\n\nsearch deep {\n\tnetwork Deep\n\tdevice ZU3EG\n\ttime limit 5 seconds\n}\n")
				.toString();
	}

	/** About {@code bytes} of distinct valid networks: a large real file, not padding. */
	static String bigFile(int bytes) {
		StringBuilder b = new StringBuilder();
		for (int n = 0; b.length() < bytes; n++) {
			b.append("network N").append(n).append(" {\n\tinput 3 x 32 x 32\n\tsubgraph s {\n");
			for (int i = 0; i < 8; i++) {
				b.append("\t\tconv c").append(i).append(" out ").append(8 + i).append(" kernel 3 stride 1\n");
			}
			b.append("\t}\n\tsubgraph head {\n\t\tpool gap avg global\n\t\tfc out1 out 10\n\t}\n}\n\n");
		}
		return b.toString();
	}
}
