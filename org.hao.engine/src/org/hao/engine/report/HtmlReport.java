package org.hao.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hao.engine.model.Constraints;
import org.hao.engine.search.ParetoPoint;
import org.hao.engine.search.SearchResult;

/** Self-contained HTML report: inline SVG Pareto plot (latency x accuracy) and the point table. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String toHtml(String title, SearchResult r, Constraints constraints) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}tr.chosen{background:#fde68a}</style>"
                        + "</head><body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n<p>Device ").append(esc(r.device())).append(" &middot; solver ")
                .append(esc(r.solverVersion())).append(" &middot; predictor ").append(esc(String.valueOf(r.predictor())))
                .append("</p>\n");
        sb.append(svg(r.points(), r.chosen(), constraints == null ? null : constraints.latencyBudgetMs()));
        sb.append("\n<table><tr><th>accuracy %</th><th>latency ms</th><th>fps</th><th>DSP</th><th>BRAM18K</th><th>LUT</th>"
                + "<th>mJ/frame</th><th>frames/J</th></tr>\n");
        for (ParetoPoint p : r.points()) {
            sb.append(p == r.chosen() ? "<tr class=\"chosen\">" : "<tr>").append(String.format(Locale.ROOT,
                    "<td>%.2f</td><td>%.3f</td><td>%.1f</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.1f</td></tr>\n",
                    p.accuracy(), p.latencyMs(), p.fps(), p.dsp(), p.bram18k(), p.lut(), p.energyMj(), p.framesPerJoule()));
        }
        sb.append("</table>\n");
        for (String w : r.warnings()) {
            sb.append("<p>Warning: ").append(esc(w)).append("</p>\n");
        }
        for (String f : r.failures()) {
            sb.append("<p>Not evaluated: ").append(esc(f)).append("</p>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** The Pareto plot: x = latency (ms), y = top-1 (%), dashed line at the latency budget, chosen point in red. */
    public static String svg(List<ParetoPoint> pts, ParetoPoint chosen, Double latencyBudgetMs) {
        int w = 640, h = 400, ml = 60, mr = 20, mt = 20, mb = 50;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
                y1 = Double.NEGATIVE_INFINITY;
        for (ParetoPoint p : pts) {
            x0 = Math.min(x0, p.latencyMs());
            x1 = Math.max(x1, p.latencyMs());
            y0 = Math.min(y0, p.accuracy());
            y1 = Math.max(y1, p.accuracy());
        }
        if (latencyBudgetMs != null) {
            x0 = Math.min(x0, latencyBudgetMs);
            x1 = Math.max(x1, latencyBudgetMs);
        }
        if (pts.isEmpty()) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        double[] xt = ticks(x0, x1), yt = ticks(y0, y1);
        x0 = xt[0];
        x1 = xt[xt.length - 1];
        y0 = yt[0];
        y1 = yt[yt.length - 1];
        double fx0 = x0, fx1 = x1, fy0 = y0, fy1 = y1;
        java.util.function.DoubleUnaryOperator sx = v -> ml + (v - fx0) / (fx1 - fx0) * (w - ml - mr);
        java.util.function.DoubleUnaryOperator sy = v -> h - mb - (v - fy0) / (fy1 - fy0) * (h - mt - mb);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", w, h, w, h));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", ml, h - mb, w - mr,
                h - mb));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", ml, mt, ml, h - mb));
        for (double t : xt) {
            double x = sx.applyAsDouble(t);
            s.append(String.format(Locale.ROOT, "<line class=\"xtick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, h - mb, x, h - mb + 5, x, h - mb + 18, fmt(t)));
        }
        for (double t : yt) {
            double y = sy.applyAsDouble(t);
            s.append(String.format(Locale.ROOT, "<line class=\"ytick\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", ml - 5, y, ml, y, ml - 8, y + 4, fmt(t)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">latency (ms)</text>\n", (ml + w - mr) / 2,
                h - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"15\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 15 %d)\">"
                + "predicted top-1 (%%)</text>\n", (mt + h - mb) / 2, (mt + h - mb) / 2));
        if (latencyBudgetMs != null) {
            double x = sx.applyAsDouble(latencyBudgetMs);
            s.append(String.format(Locale.ROOT, "<line class=\"constraint\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#2563eb\""
                    + " stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%d\" fill=\"#2563eb\">%s ms budget</text>\n", x, mt, x, h - mb,
                    x + 4, mt + 12, fmt(latencyBudgetMs)));
        }
        StringBuilder path = new StringBuilder();
        for (ParetoPoint p : pts) {
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", sx.applyAsDouble(p.latencyMs()),
                    sy.applyAsDouble(p.accuracy())));
        }
        if (path.length() > 0) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#9ca3af\"/>\n");
        }
        for (ParetoPoint p : pts) {
            boolean c = p == chosen;
            s.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%.2f%% at %.3f ms"
                    + " (%.1f fps)</title></circle>\n", c ? "chosen" : "point", sx.applyAsDouble(p.latencyMs()),
                    sy.applyAsDouble(p.accuracy()), c ? 6 : 3, c ? "#dc2626" : "#111827", p.accuracy(), p.latencyMs(), p.fps()));
        }
        return s.append("</svg>").toString();
    }

    /** 'Nice' tick values covering [lo, hi] (about 5 ticks, step 1/2/5 x 10^k). */
    static double[] ticks(double lo, double hi) {
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
        double step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
        double start = Math.floor(lo / step) * step, end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    static String fmt(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static void write(String title, SearchResult r, Constraints constraints, Path file) throws IOException {
        AtomicFiles.write(file, toHtml(title, r, constraints));
    }
}
