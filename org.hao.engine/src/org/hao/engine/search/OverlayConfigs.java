package org.hao.engine.search;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.arch.Resources;
import org.hao.engine.results.AcceleratorConfig;

/** The results model's record of a built overlay. */
final class OverlayConfigs {
	private OverlayConfigs() {
	}

	/**
	 * An overlay as the results model describes it; the totals equal the sum of the engines times the cores.
	 *
	 * @param chosenBy who sized it (e.g. "the co-design ILP for this network"), or null
	 */
	static AcceleratorConfig of(Accelerator a, String chosenBy) {
		boolean derived = a.vendorResources() == null;
		AcceleratorConfig.ConvEngineConfig c = new AcceleratorConfig.ConvEngineConfig(a.conv().pp(), a.conv().icp(),
				a.conv().ocp(), derived ? a.convResources().dsp() : null, derived ? a.convResources().bram18k() : null,
				derived ? a.convResources().lut() : null);
		AcceleratorConfig.DepthwiseEngineConfig dw = a.depthwise() == null ? null // no depthwise layer: none built
				: new AcceleratorConfig.DepthwiseEngineConfig(a.depthwise().pp(), a.depthwise().cp(),
						derived ? a.depthwiseResources().dsp() : null,
						derived ? a.depthwiseResources().bram18k() : null,
						derived ? a.depthwiseResources().lut() : null);
		AcceleratorConfig.BufferConfig buf = new AcceleratorConfig.BufferConfig(a.featureBufferKiB(),
				derived ? a.bufferResources().dsp() : null, derived ? a.bufferResources().bram18k() : null,
				derived ? a.bufferResources().lut() : null);
		Resources t = a.total();
		return new AcceleratorConfig(ArchitectureKind.OVERLAY.keyword(), a.name(), chosenBy, a.clockMhz(), a.cores(),
				a.datapathBits(), c, dw, buf, derived ? "sum of the engines and buffer" : "vendor figures per core",
				a.overheads().layerOverheadCycles(), a.overheads().ddrEfficiency(), a.overheads().depthwiseEfficiency(),
				null, null, null, t.dsp(), t.bram18k(), t.lut());
	}
}
