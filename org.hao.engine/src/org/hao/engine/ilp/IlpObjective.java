package org.hao.engine.ilp;

/** How the layer latencies of one subgraph combine. */
public enum IlpObjective {
	/** Pipelined (fused) subgraph: all stages run at once, the slowest stage sets the pace: minimise T >= lat_l. */
	MIN_MAX,
	/** Layer-by-layer subgraph: latencies add: minimise the sum. */
	MIN_SUM
}
