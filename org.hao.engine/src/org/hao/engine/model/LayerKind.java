package org.hao.engine.model;

/** Kinds of expanded layers; the cost models treat each kind differently. */
public enum LayerKind {
    CONV, DEPTHWISE, POINTWISE, FULLY_CONNECTED, POOL, ADD, SQUEEZE_EXCITE
}
