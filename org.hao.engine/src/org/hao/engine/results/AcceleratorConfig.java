package org.hao.engine.results;

import java.util.List;
import java.util.Locale;

/**
 * The accelerator a point runs on. One record for every architecture; the parts of the others are null.
 * <ul>
 * <li>overlay: {@code convEngine}, {@code depthwiseEngine} (null when the network has no depthwise layer),
 * {@code featureBuffer}, {@code cores}, {@code datapathBits}, the overheads;</li>
 * <li>dataflow: {@code engines} (one per layer) and {@code throughputMs};</li>
 * <li>per-subgraph: {@code reconfiguration};</li>
 * <li>mobile GPU: architecture "mobile GPU" and the device name only.</li>
 * </ul>
 *
 * @param architecture "overlay", "dataflow", "per-subgraph" or "mobile GPU"
 * @param name the accelerator's name ("overlay", a pinned one such as "DPU B1600", ...)
 * @param chosenBy who sized it (the co-design ILP, the reference, "pinned by the device"), null when not applicable
 * @param clockMhz engine clock (MHz)
 * @param resourcesFrom "vendor figures per core" or "sum of the engines and buffer"
 * @param layerOverheadCycles fixed cycles per layer (fitted, see docs/cost-model.md)
 * @param ddrEfficiency achieved share of the DDR peak bandwidth, 0..1
 * @param depthwiseEfficiency achieved share of the depthwise engine's peak, 0..1
 * @param throughputMs dataflow: time between frames (the slowest stage or DDR)
 * @param dsp DSP slices of the whole accelerator (all cores)
 * @param bram18k BRAM18K blocks
 * @param lut LUTs
 */
public record AcceleratorConfig(String architecture, String name, String chosenBy, Double clockMhz, Integer cores,
		Integer datapathBits, ConvEngineConfig convEngine, DepthwiseEngineConfig depthwiseEngine,
		BufferConfig featureBuffer, String resourcesFrom, Double layerOverheadCycles, Double ddrEfficiency,
		Double depthwiseEfficiency, List<LayerEngine> engines, Double throughputMs,
		ReconfigurationConfig reconfiguration, int dsp, int bram18k, int lut) {

	/**
	 * Conv engine PP x ICP x OCP; its resources (one core) are null when the vendor gives only totals.
	 */
	public record ConvEngineConfig(int pp, int icp, int ocp, Integer dsp, Integer bram18k, Integer lut) {
	}

	/** Depthwise engine PP x CP; resources as for the conv engine. */
	public record DepthwiseEngineConfig(int pp, int cp, Integer dsp, Integer bram18k, Integer lut) {
	}

	/** On-chip feature-map buffer (KiB); resources as for the conv engine. */
	public record BufferConfig(int kib, Integer dsp, Integer bram18k, Integer lut) {
	}

	/** Dataflow: the engine of one layer (PA input lanes x PE output lanes) and its resources. */
	public record LayerEngine(String layer, int pa, int pe, int dsp, int bram18k, int lut) {
	}

	/**
	 * Per-subgraph: reconfigurations of the device per frame and their time.
	 *
	 * @param perFrame bitstream loads per frame (the number of subgraphs when more than one)
	 * @param ms time of one load (bitstream size / configuration-port bandwidth)
	 * @param msPerFrame time per frame spent loading
	 */
	public record ReconfigurationConfig(int perFrame, double ms, double msPerFrame) {
	}

	/** A mobile GPU "accelerator": the device itself. */
	public static AcceleratorConfig mobileGpu(String device) {
		return new AcceleratorConfig("mobile GPU", device, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, 0, 0, 0);
	}

	/**
	 * One line for CLI and IDE, e.g. {@code overlay "DPU B1600": conv 8x10x10 (PPxICPxOCP), depthwise 8x10 (PPxCP),
	 * 0 KiB buffer; 202 DSP, 246 BRAM18K, 33130 LUT}.
	 */
	public String describe() {
		StringBuilder b = new StringBuilder().append(architecture);
		if (name != null && !name.equals(architecture)) {
			b.append(" \"").append(name).append('"');
		}
		if (convEngine != null) {
			b.append(": conv ").append(convEngine.pp()).append('x').append(convEngine.icp()).append('x')
					.append(convEngine.ocp()).append(" (PPxICPxOCP), ")
					.append(depthwiseEngine == null ? "no depthwise engine"
							: "depthwise " + depthwiseEngine.pp() + "x" + depthwiseEngine.cp() + " (PPxCP)");
			if (featureBuffer != null) {
				b.append(", ").append(featureBuffer.kib()).append(" KiB buffer");
			}
		}
		if (reconfiguration != null) {
			b.append(String.format(Locale.ROOT, ": %d reconfigurations per frame, %.1f ms", reconfiguration.perFrame(),
					reconfiguration.msPerFrame()));
		}
		if (!"mobile GPU".equals(architecture)) {
			b.append("; ").append(dsp).append(" DSP, ").append(bram18k).append(" BRAM18K, ").append(lut).append(" LUT");
		}
		return b.toString();
	}
}
