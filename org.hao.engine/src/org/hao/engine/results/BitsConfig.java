package org.hao.engine.results;

/** Weight and activation bit-widths of a subgraph or an op. */
public record BitsConfig(int weightBits, int actBits) {
}
