package org.hao.engine.report;

import java.util.Map;

/** One line describing a point's accelerator map (the {@code accelerator} object of the JSON), for CLI and IDE. */
public final class AcceleratorText {
    private AcceleratorText() {
    }

    /**
     * E.g. {@code overlay "DPU B1600": conv 8x10x10 (PPxICPxOCP), depthwise 8x10 (PPxCP), 0 KiB buffer; 202 DSP, 246
     * BRAM18K, 33130 LUT}; empty for a null or empty map.
     */
    public static String describe(Map<?, ?> a) {
        if (a == null || a.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder().append(a.get("architecture"));
        Object name = a.get("name");
        if (name != null && !name.equals(a.get("architecture"))) {
            b.append(" \"").append(name).append('"');
        }
        if (a.get("conv_engine") instanceof Map<?, ?> c && a.get("depthwise_engine") instanceof Map<?, ?> d) {
            b.append(": conv ").append(c.get("pp")).append('x').append(c.get("icp")).append('x').append(c.get("ocp"))
                    .append(" (PPxICPxOCP), depthwise ").append(d.get("pp")).append('x').append(d.get("cp")).append(" (PPxCP)");
            if (a.get("feature_buffer") instanceof Map<?, ?> f) {
                b.append(", ").append(f.get("kib")).append(" KiB buffer");
            }
        }
        if (a.get("reconfiguration_ms_per_frame") != null) {
            b.append(String.format(java.util.Locale.ROOT, ": %s reconfigurations per frame, %.1f ms",
                    a.get("reconfigurations_per_frame"), ((Number) a.get("reconfiguration_ms_per_frame")).doubleValue()));
        }
        if (a.get("dsp") != null) {
            b.append("; ").append(a.get("dsp")).append(" DSP, ").append(a.get("bram18k")).append(" BRAM18K, ").append(a.get("lut"))
                    .append(" LUT");
        }
        return b.toString();
    }
}
