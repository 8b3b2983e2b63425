package org.hao.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.results.LayerConfig;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.SubgraphConfig;
import org.hao.engine.results.ParetoPoint;

/**
 * Accelerator configuration of one point, for an HLS template or a DPU build: the {@code accelerator} (architecture,
 * engine sizes PP x ICP x OCP and PP x CP for an overlay, per-layer engines for dataflow, reconfiguration for
 * per-subgraph), the subgraph choices, and per layer the engine that runs it (overlay) or its PA/PE lanes, bit-widths,
 * buffer sizes (weight buffer = pruned weights x weight bits; line buffer = k rows x input width x input channels x
 * activation bits) and the BRAM18K / DSP / LUT the cost model assigns, plus the totals. Written with the results
 * model's mapping ({@link ResultsJson}).
 */
public final class AcceleratorConfigWriter {
	/** The format's name and version, written as {@code format}. 3: layers as the results model's records. */
	public static final String FORMAT = "hao-accelerator-config/3";

	private AcceleratorConfigWriter() {
	}

	/** What one bitstream needs. */
	public record Totals(int dsp, int bram18k, int lut) {
	}

	/** The document written. */
	public record Document(String format, String device, String solver, double latencyMs, double fps, double accuracy,
			Totals resources, AcceleratorConfig accelerator, Map<String, SubgraphConfig> subgraphs,
			List<LayerConfig> engines) {
	}

	public static Document config(ParetoPoint p, String device, String solver) {
		return new Document(FORMAT, device, solver, p.latencyMs(), p.fps(), p.accuracy(),
				new Totals(p.dsp(), p.bram18k(), p.lut()), p.config().accelerator(), p.config().subgraphs(),
				p.config().layers());
	}

	public static void write(ParetoPoint p, String device, String solver, Path file) throws IOException {
		ResultsJson.write(config(p, device, solver), file);
	}
}
