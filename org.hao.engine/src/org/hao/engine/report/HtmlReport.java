package org.hao.engine.report;

import org.hao.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hao.engine.model.Constraints;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.hao.engine.results.SubgraphConfig;

/** Self-contained HTML report: inline SVG Pareto plot (latency x accuracy) and the point table. */
public final class HtmlReport {
	private HtmlReport() {
	}

	public static String toHtml(String title, SearchResult r, Constraints constraints) {
		StringBuilder sb = new StringBuilder();
		sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
				.append("</title>\n")
				.append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
						+ "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}tr.chosen{background:#fde68a}</style>"
						+ "</head><body>\n");
		sb.append("<h1>").append(esc(title)).append("</h1>\n<p>Device ").append(esc(r.device()))
				.append(" &middot; solver ").append(esc(r.solverVersion())).append(" &middot; predictor ")
				.append(esc(String.valueOf(r.predictor()))).append("</p>\n");
		if (r.chosen() != null && r.chosen().config().accelerator() != null) {
			sb.append("<p>Chosen accelerator: ").append(esc(r.chosen().config().accelerator().describe()))
					.append("</p>\n");
		}
		sb.append(svg(r.points(), r.chosen(), constraints == null ? null : constraints.latencyBudgetMs()));
		if (!r.points().isEmpty() && r.points().get(0).config().prediction().quantization() != null) {
			sb.append("<p>Quantization method (accuracy assumes it): ")
					.append(esc(r.points().get(0).config().prediction().quantization())).append("</p>\n");
		}
		sb.append(
				"\n<table><tr><th>#</th><th>accuracy %</th><th>interval %</th><th>latency ms</th><th>fps</th><th>DSP</th><th>BRAM18K</th><th>LUT</th>"
						+ "<th>mJ/frame</th><th>frames/J</th><th>power W</th><th>choices</th></tr>\n");
		for (int i = 0; i < r.points().size(); i++) {
			ParetoPoint p = r.points().get(i);
			sb.append(p == r.chosen() ? "<tr class=\"chosen\">" : "<tr>").append(String.format(Locale.ROOT,
					"<td>%d</td><td>%.2f</td><td>%.2f..%.2f</td><td>%.3f</td><td>%.1f</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td>"
							+ "<td>%s</td><td>%.2f</td><td class=\"choices\">%s</td></tr>\n",
					i + 1, p.accuracy(), p.accuracyLow(), p.accuracyHigh(), p.latencyMs(), p.fps(), p.dsp(),
					p.bram18k(), p.lut(), p.energyMj(), p.framesPerJouleText(), p.averageWatts(),
					esc(SubgraphConfig.choices(p.config().subgraphs()))));
		}
		sb.append("</table>\n");
		for (String w : r.warnings()) {
			sb.append("<p>Warning: ").append(esc(w)).append("</p>\n");
		}
		for (org.hao.engine.results.Failure f : r.failures()) {
			sb.append("<p>Not evaluated: ").append(esc(f.message())).append("</p>\n");
		}
		return sb.append("</body></html>\n").toString();
	}

	/** The Pareto plot: x = latency (ms), y = top-1 (%), dashed line at the latency budget, chosen point in red. */
	public static String svg(List<ParetoPoint> pts, ParetoPoint chosen, Double latencyBudgetMs) {
		ParetoPlotFrame f = ParetoPlotFrame.of(640, 400, 20, pts, latencyBudgetMs);
		StringBuilder s = new StringBuilder(f.open("#2563eb"));
		StringBuilder path = new StringBuilder();
		for (ParetoPoint p : pts) {
			path.append(path.length() == 0 ? "M" : " L")
					.append(String.format(Locale.ROOT, "%.1f %.1f", f.x(p.latencyMs()), f.y(p.accuracy())));
		}
		if (path.length() > 0) {
			s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#9ca3af\"/>\n");
		}
		for (ParetoPoint p : pts) { // error bars: the accuracy interval
			if (p.accuracyHigh() > p.accuracyLow()) {
				s.append(String.format(Locale.ROOT,
						"<line class=\"interval\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
								+ " stroke=\"#9ca3af\"/>\n",
						f.x(p.latencyMs()), f.y(p.accuracyLow()), f.x(p.latencyMs()), f.y(p.accuracyHigh())));
			}
		}
		for (ParetoPoint p : pts) {
			boolean c = p == chosen;
			s.append(String.format(Locale.ROOT,
					"<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%.2f%% (%.2f..%.2f) at"
							+ " %.3f ms (%.1f fps)</title></circle>\n",
					c ? "chosen" : "point", f.x(p.latencyMs()), f.y(p.accuracy()), c ? 6 : 3, c ? "#dc2626" : "#111827",
					p.accuracy(), p.accuracyLow(), p.accuracyHigh(), p.latencyMs(), p.fps()));
		}
		return s.append("</svg>").toString();
	}

	static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	public static void write(String title, SearchResult r, Constraints constraints, Path file) throws IOException {
		AtomicFiles.write(file, toHtml(title, r, constraints));
	}
}
