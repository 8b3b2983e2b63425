package org.hao.dsl.tests;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Collects time per KB per category of input and prints them (the figures of docs/reliability.md). */
final class Figures {

	private static final Map<String, long[]> BY_CATEGORY = new ConcurrentSkipListMap<>(); // files, bytes, ms, worst us/KB

	private Figures() {
	}

	static synchronized void add(String category, Pipeline.Outcome o) {
		long[] f = BY_CATEGORY.computeIfAbsent(category, k -> new long[4]);
		f[0]++;
		f[1] += o.bytes();
		f[2] += o.millis();
		long usPerKb = o.bytes() == 0 ? 0 : o.millis() * 1000 * 1024 / Math.max(1, o.bytes());
		f[3] = Math.max(f[3], o.bytes() >= 256 ? usPerKb : 0); // tiny files: fixed cost dominates, not per-KB time
	}

	static synchronized String report() {
		StringBuilder b = new StringBuilder();
		BY_CATEGORY.forEach((k,
				f) -> b.append(String.format(Locale.ROOT,
						"RELIABILITY %-28s %6d files %10.1f KB %8d ms  mean %8.2f ms/KB  worst %8.2f ms/KB%n", k, f[0],
						f[1] / 1024.0, f[2], f[1] == 0 ? 0 : f[2] * 1024.0 / f[1], f[3] / 1000.0)));
		return b.toString();
	}
}
