package org.hao.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.search.ParetoPoint;

/**
 * Accelerator configuration of one point, for an HLS template or a DPU build: the {@code accelerator} (architecture,
 * engine sizes PP x ICP x OCP and PP x CP for an overlay, per-layer engines for dataflow, reconfiguration for
 * per-subgraph) and per layer the engine that runs it (overlay) or its PA/PE lanes, bit-widths, buffer sizes (weight
 * buffer = pruned weights x weight bits; line buffer = k rows x input width x input channels x activation bits) and
 * the BRAM18K / DSP / LUT the cost model assigns, plus the totals.
 */
public final class AcceleratorConfigWriter {
    private AcceleratorConfigWriter() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> config(ParetoPoint p, String device, String solver) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "hao-accelerator-config/2");
        m.put("device", device);
        m.put("solver", solver);
        m.put("latency_ms", p.latencyMs());
        m.put("fps", p.fps());
        m.put("accuracy", p.accuracy());
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("dsp", p.dsp());
        res.put("bram18k", p.bram18k());
        res.put("lut", p.lut());
        m.put("resources", res);
        m.put("accelerator", p.config().get("accelerator"));
        m.put("subgraphs", p.config().get("subgraphs"));
        List<Object> engines = new ArrayList<>();
        for (Object o : (List<Object>) p.config().get("layers")) {
            Map<String, Object> l = (Map<String, Object>) o;
            Map<String, Object> e = new LinkedHashMap<>();
            for (String k : List.of("name", "subgraph", "kind", "in", "out", "kernel", "stride", "engine", "pa", "pe", "weight_bits",
                    "act_bits", "pruning_ratio", "weight_buffer_bytes", "line_buffer_bytes", "bram18k", "dsp", "lut", "latency_ms")) {
                if (l.containsKey(k)) {
                    e.put(k, l.get(k));
                }
            }
            engines.add(e);
        }
        m.put("engines", engines);
        return m;
    }

    public static void write(ParetoPoint p, String device, String solver, Path file) throws IOException {
        AtomicFiles.write(file, JsonReport.gson().toJson(config(p, device, solver)));
    }
}
