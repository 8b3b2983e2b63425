package org.hao.engine.arch;

/**
 * How an FPGA accelerator is organised; what one bitstream contains.
 * <ul>
 * <li>{@link #OVERLAY}: one set of engines (convolution PP x ICP x OCP, depthwise, pooling / elementwise) instantiated
 * once and reused by every layer in turn (Xilinx DPU, Angel-Eye, CoDeNet).</li>
 * <li>{@link #DATAFLOW}: every layer its own engine, all resident at once; frames are pipelined (FINN, hls4ml,
 * DNNBuilder).</li>
 * <li>{@link #PER_SUBGRAPH}: one layer-parallel accelerator per subgraph, the device reconfigured between subgraphs
 * inside every frame; each switch costs the device's reconfiguration time.</li>
 * </ul>
 */
public enum ArchitectureKind {
	OVERLAY("overlay"), DATAFLOW("dataflow"), PER_SUBGRAPH("per-subgraph");

	private final String keyword;

	ArchitectureKind(String keyword) {
		this.keyword = keyword;
	}

	/** The word used in `.hao` files and reports. */
	public String keyword() {
		return keyword;
	}
}
