package org.hao.engine.arch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Xilinx DPUCZDX8G configurations B512 ... B4096 as fixed overlays.
 * <ul>
 * <li>PP x ICP x OCP: Xilinx Vitis AI, dpu/ref_design_docs/README_DPUCZDX8G.md lines 51-62 (commit 968cc78c) and
 * PG338 "Architecture of the DPUCZDX8G"; peak ops per clock = 2 * PP * ICP * OCP (Vitis-AI dpu/ref_design_docs/README_DPUCZDX8G.md, commit 968cc78c, lines 51-62).</li>
 * <li>Resources per core: PG338 v1.2 (March 2019) Table 9, "low DSP usage", measured on ZCU102 without depthwise
 * convolution, average pooling, ReLU6 and LeakyReLU (so a configuration with those features needs somewhat more);
 * BRAM36 counts doubled to BRAM18K.</li>
 * <li>Depthwise engine PP x ICP: ASSUMPTION (the depthwise unit works on the conv engine's pixel and input-channel
 * lanes).</li>
 * <li>Feature-map buffer 0 KiB: ASSUMPTION, every layer's input and output move through DDR (the compiler's layer
 * fusion is not modelled; the fitted DDR efficiency absorbs it).</li>
 * </ul>
 */
public final class DpuConfigurations {
	/** One configuration: engines and the vendor's resources per core. */
	public record Config(String name, ConvEngine conv, DepthwiseEngine depthwise, FixedResources resources) {
	}

	private static final Map<String, Config> BY_NAME = new LinkedHashMap<>();

	static {
		add("B512", 4, 8, 66, 139, 20_759);
		add("B800", 4, 10, 102, 174, 21_050);
		add("B1024", 8, 8, 130, 203, 29_155);
		add("B1152", 4, 12, 146, 235, 30_043);
		add("B1600", 8, 10, 202, 246, 33_130);
		add("B2304", 8, 12, 290, 323, 37_055);
		add("B3136", 8, 14, 394, 407, 41_714);
		add("B4096", 8, 16, 514, 499, 44_583);
	}

	private DpuConfigurations() {
	}

	private static void add(String arch, int pp, int channels, int dsp, int bram18k, int lut) {
		String name = "DPU " + arch;
		BY_NAME.put(name, new Config(name, new ConvEngine(pp, channels, channels), new DepthwiseEngine(pp, channels),
				new FixedResources(dsp, bram18k, lut)));
	}

	/** The configuration called {@code name} ("DPU B1600"), or null. */
	public static Config get(String name) {
		return name == null ? null : BY_NAME.get(name.strip());
	}

	/** Every configuration, B512 first. */
	public static Map<String, Config> all() {
		return java.util.Collections.unmodifiableMap(BY_NAME);
	}
}
