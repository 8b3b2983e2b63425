package org.hao.engine.report;

import org.hao.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.Map;

import org.hao.engine.model.Constraints;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;

/**
 * The same search on several devices, side by side: two inline SVGs, every frontier against latency and every point
 * against energy per frame (one colour per device, a legend each), a summary of each device's chosen point (fps,
 * mJ/frame, frames/J, average power) and every point per device. Its JSON is
 * {@link org.hao.engine.results.CompareDocument}.
 */
public final class CompareReport {
	/** Colour-blind-safe series colours (Okabe-Ito), one per device in order; reused when there are more. */
	public static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};

	private CompareReport() {
	}

	public static String colour(int device) {
		return COLOURS[device % COLOURS.length];
	}

	public static void writeHtml(String title, List<SearchResult> results, Constraints constraints, Path file)
			throws IOException {
		writeHtml(title, results, constraints, List.of(), file);
	}

	/** As above, with notes shown above the plots (e.g. {@link #scopeNote}'s warning). */
	public static void writeHtml(String title, List<SearchResult> results, Constraints constraints, List<String> notes,
			Path file) throws IOException {
		AtomicFiles.write(file, toHtml(title, results, constraints, notes));
	}

	/**
	 * A warning when the devices' power figures measure different things (cost-model.md section 6, "Scope"): chip power
	 * against board power flatters the chip by the board's idle draw. {@code scopes}: device name -> scope keyword
	 * (chip, rail, board, unspecified), in order. Null when all are alike.
	 */
	public static String scopeNote(Map<String, String> scopes) {
		if (scopes.values().stream().distinct().count() <= 1) {
			return null;
		}
		StringBuilder b = new StringBuilder("power figures of different scope are compared (");
		scopes.forEach(
				(d, sc) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(d).append(": ").append(sc));
		return b.append("): mJ/frame and frames/J are comparable only at one scope (board power includes the board's"
				+ " idle draw, chip power does not)").toString();
	}

	public static String toHtml(String title, List<SearchResult> results, Constraints constraints) {
		return toHtml(title, results, constraints, List.of());
	}

	public static String toHtml(String title, List<SearchResult> results, Constraints constraints, List<String> notes) {
		String t = HtmlReport.esc(title);
		StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(t)
				.append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
						+ "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td.device{text-align:left}"
						+ "tr.chosen{background:#fde68a}</style></head><body>\n<h1>")
				.append(t).append("</h1>\n");
		for (String n : notes) {
			sb.append("<p class=\"note\">Warning: ").append(HtmlReport.esc(n)).append("</p>\n");
		}
		sb.append("<h2>Accuracy and latency</h2>\n");
		sb.append(svg(results, constraints == null ? null : constraints.latencyBudgetMs())).append('\n');
		sb.append("<h2>Accuracy and energy per frame</h2>\n");
		sb.append(energySvg(results, constraints == null ? null : constraints.maxEnergyMjPerFrame())).append('\n');
		sb.append("<h2>Chosen point per device</h2>\n<table><tr><th>device</th><th>points</th><th>accuracy %</th>"
				+ "<th>latency ms</th><th>fps</th><th>mJ/frame</th><th>frames/J</th><th>power W</th></tr>\n");
		for (int i = 0; i < results.size(); i++) {
			SearchResult r = results.get(i);
			ParetoPoint c = r.chosen();
			sb.append("<tr><td class=\"device\" style=\"color:").append(colour(i)).append("\">")
					.append(HtmlReport.esc(r.device())).append("</td><td>").append(r.points().size()).append("</td>");
			if (c == null) {
				sb.append("<td colspan=\"6\">no point meets the constraints</td></tr>\n");
			} else {
				sb.append(String.format(Locale.ROOT,
						"<td>%.2f</td><td>%.3f</td><td>%.1f</td><td>%.3f</td><td>%s</td>" + "<td>%.2f</td></tr>\n",
						c.accuracy(), c.latencyMs(), c.fps(), c.energyMj(), c.framesPerJouleText(), c.averageWatts()));
			}
		}
		sb.append(
				"</table>\n<h2>Frontiers</h2>\n<table><tr><th>device</th><th>accuracy %</th><th>latency ms</th><th>fps</th>"
						+ "<th>DSP</th><th>mJ/frame</th><th>frames/J</th><th>power W</th></tr>\n");
		for (int i = 0; i < results.size(); i++) {
			SearchResult r = results.get(i);
			for (ParetoPoint p : r.points()) {
				sb.append(p == r.chosen() ? "<tr class=\"chosen\">" : "<tr>").append("<td class=\"device\">")
						.append(HtmlReport.esc(r.device()))
						.append(String.format(Locale.ROOT,
								"</td><td>%.2f</td><td>%.3f</td><td>%.1f</td><td>%d</td><td>%.3f</td><td>%s</td><td>%.2f</td></tr>\n",
								p.accuracy(), p.latencyMs(), p.fps(), p.dsp(), p.energyMj(), p.framesPerJouleText(),
								p.averageWatts()));
			}
		}
		sb.append("</table>\n");
		for (SearchResult r : results) {
			for (String w : r.warnings()) {
				sb.append("<p>").append(HtmlReport.esc(r.device())).append(": warning: ").append(HtmlReport.esc(w))
						.append("</p>\n");
			}
			if (!r.failures().isEmpty()) {
				sb.append("<p>").append(HtmlReport.esc(r.device())).append(": ").append(r.failures().size())
						.append(" configuration(s) not evaluated</p>\n");
			}
		}
		return sb.append("</body></html>\n").toString();
	}

	/**
	 * The energy plot: every device's points on common axes x = energy per frame (mJ), y = predicted top-1, one colour
	 * per device (dots, no line: a frontier is ordered by latency, not energy), the chosen point of each device ringed,
	 * a legend, the energy bound dashed. Left and up is better: which device gives the most frames per joule at an
	 * accuracy shows at a glance.
	 */
	public static String energySvg(List<SearchResult> results, Double energyBudgetMj) {
		List<ParetoPoint> all = results.stream().flatMap(r -> r.points().stream()).toList();
		return plot(results, ParetoPlotFrame.energy(720, 420, 150, all, energyBudgetMj), ParetoPoint::energyMj,
				"energy-series", false,
				(dev, p) -> String.format(Locale.ROOT, "%s: %.2f%% at %.3f mJ/frame (%s frames/J, %.2f W), %.3f ms",
						dev, p.accuracy(), p.energyMj(), p.framesPerJouleText(), p.averageWatts(), p.latencyMs()));
	}

	/**
	 * All frontiers on common axes (x latency in ms, y predicted top-1): one polyline and dot series per device in
	 * its colour, the chosen point of each device ringed, a legend, the latency budget dashed.
	 */
	public static String svg(List<SearchResult> results, Double latencyBudgetMs) {
		List<ParetoPoint> all = results.stream().flatMap(r -> r.points().stream()).toList();
		return plot(results, ParetoPlotFrame.of(720, 420, 150, all, latencyBudgetMs), ParetoPoint::latencyMs, "series",
				true,
				(dev, p) -> String.format(Locale.ROOT, "%s: %.2f%% at %.3f ms (%.1f fps), %.3f mJ/frame, %s frames/J",
						dev, p.accuracy(), p.latencyMs(), p.fps(), p.energyMj(), p.framesPerJouleText()));
	}

	/**
	 * Every device's points on the frame (x from {@code xOf}, y the predicted top-1) in its colour, joined in frontier
	 * order when {@code joined}, each with a tooltip; the chosen point ringed; a legend right of the plot.
	 */
	private static String plot(List<SearchResult> results, ParetoPlotFrame f, ToDoubleFunction<ParetoPoint> xOf,
			String seriesClass, boolean joined, BiFunction<String, ParetoPoint, String> title) {
		StringBuilder s = new StringBuilder(f.open("#6b7280"));
		for (int i = 0; i < results.size(); i++) {
			SearchResult r = results.get(i);
			String c = colour(i);
			String dev = HtmlReport.esc(r.device());
			s.append("<g class=\"").append(seriesClass).append("\" data-device=\"").append(dev).append("\" fill=\"")
					.append(c).append("\">\n");
			StringBuilder path = new StringBuilder();
			for (ParetoPoint p : r.points()) {
				path.append(path.length() == 0 ? "M" : " L")
						.append(String.format(Locale.ROOT, "%.1f %.1f", f.x(xOf.applyAsDouble(p)), f.y(p.accuracy())));
			}
			if (joined && path.length() > 0) {
				s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(c).append("\"/>\n");
			}
			for (ParetoPoint p : r.points()) {
				s.append(String.format(Locale.ROOT,
						"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s</title></circle>\n",
						f.x(xOf.applyAsDouble(p)), f.y(p.accuracy()), title.apply(dev, p)));
			}
			if (r.chosen() != null) {
				s.append(String.format(Locale.ROOT,
						"<circle class=\"chosen\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"none\" "
								+ "stroke=\"%s\" stroke-width=\"2\"/>\n",
						f.x(xOf.applyAsDouble(r.chosen())), f.y(r.chosen().accuracy()), c));
			}
			s.append("</g>\n");
			int ly = f.plotTop() + 10 + 18 * i;
			s.append(String.format(Locale.ROOT,
					"<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
							+ "<text x=\"%d\" y=\"%d\">%s</text></g>\n",
					f.plotRight() + 15, ly - 10, c, f.plotRight() + 32, ly, dev));
		}
		return s.append("</svg>").toString();
	}

}
