package org.hao.engine.model;

/** How a subgraph's layers run: fused into one pipeline, or one layer after another through DDR. */
public enum ExecutionMode {
	PIPELINED, SEQUENTIAL
}
