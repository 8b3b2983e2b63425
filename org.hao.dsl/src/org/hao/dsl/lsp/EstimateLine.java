package org.hao.dsl.lsp;

/**
 * One estimate shown in the editor: the element it belongs to, the offset where that element's definition starts,
 * and the text, e.g. {@code 0.84 ms · 48 DSP · 6 BRAM}.
 *
 * @param key "op:NETWORK.OP", "subgraph:NETWORK.SUBGRAPH", "network:NAME" or "search:NAME"
 */
public record EstimateLine(String key, int offset, String text) {

	static String op(String network, String op) {
		return "op:" + network + "." + op;
	}

	static String subgraph(String network, String subgraph) {
		return "subgraph:" + network + "." + subgraph;
	}

	static String network(String network) {
		return "network:" + network;
	}

	static String search(String search) {
		return "search:" + search;
	}
}
