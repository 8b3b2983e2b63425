package org.hao.dsl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.estimate.LayerEstimate;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.estimate.SubgraphEstimate;

/**
 * The JSON of {@code hao estimate --json}: {@code network}, {@code device}, {@code accelerator} (architecture,
 * engines, resources), {@code latency_ms}, {@code fps}, {@code macs}, {@code weights}, {@code dsp}, {@code bram18k},
 * {@code lut}, {@code energy_mj} (mJ per frame), {@code accuracy} (predicted top-1, %), {@code feasible} (the figures
 * that do not exist when it is false are null),
 * {@code findings}, and {@code layers[]} with {@code name}, {@code subgraph}, {@code kind}, {@code input_shapes}
 * (C x H x W strings), {@code output_shape}, {@code macs}, {@code weights}, {@code latency_ms}, {@code engine}.
 */
final class EstimateJson {
	private EstimateJson() {
	}

	/** JSON has no NaN: a figure that does not exist (the network does not fit) is null. */
	private static Double finite(double v) {
		return Double.isFinite(v) ? v : null;
	}

	static Map<String, Object> map(NetworkEstimate e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("network", e.network());
		m.put("device", e.device());
		m.put("accelerator", e.accelerator());
		m.put("latency_ms", finite(e.latencyMs()));
		m.put("fps", finite(e.fps()));
		m.put("macs", e.macs());
		m.put("weights", e.weights());
		m.put("dsp", e.dsp());
		m.put("bram18k", e.bram18k());
		m.put("lut", e.lut());
		m.put("energy_mj", finite(e.energyMj()));
		m.put("accuracy", finite(e.accuracy()));
		m.put("feasible", e.feasible());
		m.put("solver", e.solver());
		m.put("findings", e.findings());
		List<Object> layers = new ArrayList<>();
		for (SubgraphEstimate sg : e.subgraphs()) {
			for (LayerEstimate l : sg.layers()) {
				Map<String, Object> lm = new LinkedHashMap<>();
				lm.put("name", l.layer());
				lm.put("subgraph", l.subgraph());
				lm.put("kind", l.kind());
				lm.put("input_shapes", List.of(l.inputShape()));
				lm.put("output_shape", l.outputShape());
				lm.put("macs", l.macs());
				lm.put("weights", l.weights());
				lm.put("latency_ms", finite(l.latencyMs()));
				lm.put("engine", l.engine());
				lm.put("dsp", l.dsp());
				lm.put("bram18k", l.bram18k());
				lm.put("lut", l.lut());
				layers.add(lm);
			}
		}
		m.put("layers", layers);
		return m;
	}
}
