package org.hao.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.search.ParetoPoint;
import org.hao.engine.search.SearchResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * JSON of a search: {@code solver}, {@code device}, {@code points} (each {@code accuracy}, {@code latency_ms},
 * {@code fps}, {@code dsp}, {@code bram18k}, {@code lut}, {@code energy_mj}, {@code config}), {@code chosen} (a point or
 * null), plus {@code failures}, {@code warnings}, {@code predictor}, {@code cancelled}, {@code complete}.
 */
public final class JsonReport {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private JsonReport() {
    }

    public static Map<String, Object> point(ParetoPoint p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", p.accuracy());
        m.put("accuracy_low", p.accuracyLow());
        m.put("accuracy_high", p.accuracyHigh());
        m.put("latency_ms", p.latencyMs());
        m.put("fps", p.fps());
        m.put("dsp", p.dsp());
        m.put("bram18k", p.bram18k());
        m.put("lut", p.lut());
        m.put("energy_mj", p.energyMj());
        m.put("frames_per_joule", p.framesPerJoule());
        m.put("config", p.config());
        return m;
    }

    public static String toJson(SearchResult r) {
        return GSON.toJson(map(r));
    }

    /** The JSON object of one search as ordered maps (reused by {@link CompareReport}). */
    public static Map<String, Object> map(SearchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solver", r.solverVersion());
        m.put("device", r.device());
        List<Object> pts = new ArrayList<>();
        for (ParetoPoint p : r.points()) {
            pts.add(point(p));
        }
        m.put("points", pts);
        m.put("chosen", point(r.chosen()));
        m.put("predictor", r.predictor());
        m.put("failures", r.failures());
        m.put("warnings", r.warnings());
        m.put("cancelled", r.cancelled());
        m.put("complete", r.complete());
        m.put("elapsed_ms", r.elapsedMs());
        return m;
    }

    /** Any report map (ordered maps, lists, numbers, strings) as pretty JSON with this report's settings. */
    public static String toJsonText(Object value) {
        return GSON.toJson(value);
    }

    public static void write(SearchResult r, Path file) throws IOException {
        AtomicFiles.write(file, toJson(r));
    }

    /** The report's serialisation (pretty, nulls and non-finite numbers kept) for callers that extend its maps. */
    public static Gson gson() {
        return GSON;
    }
}
