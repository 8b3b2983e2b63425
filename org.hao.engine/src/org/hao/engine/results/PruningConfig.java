package org.hao.engine.results;

/**
 * Block-based pruning of a subgraph or an op.
 *
 * @param blockRows block height (output channels)
 * @param blockCols block width (input channels x kernel positions)
 * @param ratio fraction of blocks removed, 0..1
 */
public record PruningConfig(int blockRows, int blockCols, double ratio) {
}
