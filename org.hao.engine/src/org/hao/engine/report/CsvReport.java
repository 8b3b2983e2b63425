package org.hao.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hao.engine.search.ParetoPoint;
import org.hao.engine.search.SearchResult;

/**
 * One row per Pareto point: metrics (energy per frame and frames per joule included), the chosen flag, the accuracy
 * interval (accuracy_low, accuracy_high) and the quantization method it assumes, and per subgraph its block options
 * and bit-widths.
 */
public final class CsvReport {
    private CsvReport() {
    }

    @SuppressWarnings("unchecked")
    public static void write(SearchResult r, Path file) throws IOException {
        AtomicFiles.write(file, w -> {
            List<String> sgNames = new ArrayList<>();
            if (!r.points().isEmpty()) {
                sgNames.addAll(((Map<String, Object>) r.points().get(0).config().get("subgraphs")).keySet());
            }
            List<String> header = new ArrayList<>(List.of("accuracy", "latency_ms", "fps", "dsp", "bram18k", "lut", "energy_mj",
                    "frames_per_joule", "chosen", "accuracy_low", "accuracy_high", "quantization"));
            for (String s : sgNames) {
                header.add(s);
            }
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (ParetoPoint pt : r.points()) {
                    List<Object> row = new ArrayList<>(List.of(pt.accuracy(), pt.latencyMs(), pt.fps(), pt.dsp(), pt.bram18k(),
                            pt.lut(), pt.energyMj(), pt.framesPerJoule(), pt == r.chosen(), pt.accuracyLow(), pt.accuracyHigh(),
                            String.valueOf(pt.config().getOrDefault("quantization", ""))));
                    Map<String, Object> sgs = (Map<String, Object>) pt.config().get("subgraphs");
                    for (String s : sgNames) {
                        Map<String, Object> c = new TreeMap<>((Map<String, Object>) sgs.get(s));
                        row.add("k=" + c.get("kernel") + " e=" + c.get("expansion") + " w=" + c.get("width_multiplier") + " d="
                                + c.get("depth") + " W" + c.get("weight_bits") + "A" + c.get("act_bits") + " prune="
                                + ((Map<String, Object>) c.get("pruning")).get("ratio")
                                + (c.containsKey("op_pruning") ? " op_pruning=" + c.get("op_pruning") : "")
                                + (c.containsKey("op_bits") ? " op_bits=" + opBits((Map<String, Object>) c.get("op_bits")) : ""));
                    }
                    p.printRecord(row);
                }
            }
        });
    }

    /** {conv1={weight_bits=8, act_bits=8}} as "conv1:W8A8" (same notation as the subgraph bits). */
    @SuppressWarnings("unchecked")
    private static String opBits(Map<String, Object> ops) {
        List<String> parts = new ArrayList<>();
        ops.forEach((op, bits) -> {
            Map<String, Object> b = (Map<String, Object>) bits;
            parts.add(op + ":W" + b.get("weight_bits") + "A" + b.get("act_bits"));
        });
        return String.join(",", parts);
    }
}
