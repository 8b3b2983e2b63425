package org.hao.engine.model;

/**
 * Kinds of expanded layers; the cost models treat each kind differently. CONCAT, SPLIT and SHUFFLE move data only
 * (no MACs, no weights); see {@code docs/cost-model.md}, "Graph layers".
 */
public enum LayerKind {
	CONV, DEPTHWISE, POINTWISE, FULLY_CONNECTED, POOL, ADD, SQUEEZE_EXCITE, CONCAT, SPLIT, SHUFFLE;

	/** Layers that only move or re-index channels (concat, split, shuffle). */
	public boolean isDataMovement() {
		return this == CONCAT || this == SPLIT || this == SHUFFLE;
	}
}
