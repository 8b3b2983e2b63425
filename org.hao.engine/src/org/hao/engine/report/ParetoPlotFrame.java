package org.hao.engine.report;

import java.util.List;
import java.util.Locale;

import org.hao.engine.results.ParetoPoint;

/**
 * What every Pareto plot of the reports shares (inline SVG): axes x = latency (ms) and y = predicted top-1 (%) over the
 * points and the latency budget with 'nice' ticks, the axis titles, and the budget as a dashed line. The caller draws
 * its series through {@link #x} and {@link #y} between {@link #open} and {@code </svg>}.
 */
final class ParetoPlotFrame {
	private final int width, height, left, right, top, bottom;
	private final double[] xTicks, yTicks;
	private final Double budgetMs;
	private final String xTitle;
	private final String budgetUnit;

	private ParetoPlotFrame(int width, int height, int right, List<ParetoPoint> points, Double budgetMs) {
		this(width, height, right, points, budgetMs, ParetoPoint::latencyMs, "latency (ms)", "ms");
	}

	private ParetoPlotFrame(int width, int height, int right, List<ParetoPoint> points, Double budgetMs,
			java.util.function.ToDoubleFunction<ParetoPoint> xOf, String xTitle, String budgetUnit) {
		this.width = width;
		this.height = height;
		this.left = 60;
		this.right = right;
		this.top = 20;
		this.bottom = 50;
		this.budgetMs = budgetMs;
		this.xTitle = xTitle;
		this.budgetUnit = budgetUnit;
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY,
				y1 = Double.NEGATIVE_INFINITY;
		for (ParetoPoint p : points) {
			x0 = Math.min(x0, xOf.applyAsDouble(p));
			x1 = Math.max(x1, xOf.applyAsDouble(p));
			y0 = Math.min(y0, p.accuracyLow()); // room for the error bars
			y1 = Math.max(y1, p.accuracyHigh());
		}
		if (points.isEmpty()) {
			x0 = 0;
			x1 = 1;
			y0 = 0;
			y1 = 1;
		}
		if (budgetMs != null) {
			x0 = Math.min(x0, budgetMs);
			x1 = Math.max(x1, budgetMs);
		}
		xTicks = ticks(x0, x1);
		yTicks = ticks(y0, y1);
	}

	/** A frame of {@code width x height} pixels with {@code right} pixels of margin (room for a legend). */
	static ParetoPlotFrame of(int width, int height, int right, List<ParetoPoint> points, Double budgetMs) {
		return new ParetoPlotFrame(width, height, right, points, budgetMs);
	}

	/**
	 * A frame whose x axis is energy per frame (mJ) instead of latency, with the energy bound ({@code budgetMj}, or
	 * null) as the dashed line (the compare report's energy plot).
	 */
	static ParetoPlotFrame energy(int width, int height, int right, List<ParetoPoint> points, Double budgetMj) {
		return new ParetoPlotFrame(width, height, right, points, budgetMj, ParetoPoint::energyMj,
				"energy per frame (mJ)", "mJ");
	}

	double x(double latencyMs) {
		double lo = xTicks[0], hi = xTicks[xTicks.length - 1];
		return left + (latencyMs - lo) / (hi - lo) * (width - left - right);
	}

	double y(double accuracy) {
		double lo = yTicks[0], hi = yTicks[yTicks.length - 1];
		return height - bottom - (accuracy - lo) / (hi - lo) * (height - top - bottom);
	}

	/** Right edge of the plot area (where a legend may start). */
	int plotRight() {
		return width - right;
	}

	int plotTop() {
		return top;
	}

	/** The opening {@code <svg>} tag, axes with ticks and titles, and the budget line in {@code budgetColour}. */
	String open(String budgetColour) {
		StringBuilder s = new StringBuilder();
		int xAxis = height - bottom;
		s.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
						+ "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
				width, height, width, height));
		s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", left,
				xAxis, width - right, xAxis));
		s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", left,
				top, left, xAxis));
		for (double t : xTicks) {
			double x = x(t);
			s.append(String.format(Locale.ROOT,
					"<line class=\"xtick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
					x, xAxis, x, xAxis + 5, x, xAxis + 18, fmt(t)));
		}
		for (double t : yTicks) {
			double y = y(t);
			s.append(String.format(Locale.ROOT,
					"<line class=\"ytick\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
					left - 5, y, left, y, left - 8, y + 4, fmt(t)));
		}
		s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
				(left + width - right) / 2, height - 10, xTitle));
		s.append(String.format(Locale.ROOT,
				"<text x=\"15\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 15 %d)\">"
						+ "predicted top-1 (%%)</text>\n",
				(top + xAxis) / 2, (top + xAxis) / 2));
		if (budgetMs != null) {
			// label left of the line: the budget is often the largest latency, at the right edge
			double x = x(budgetMs);
			s.append(String.format(Locale.ROOT,
					"<line class=\"constraint\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
							+ "stroke=\"%s\" stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"end\">"
							+ "%s %s budget</text>\n",
					x, top, x, xAxis, budgetColour, x - 4, top + 12, budgetColour, fmt(budgetMs), budgetUnit));
		}
		return s.toString();
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
		return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
				: String.format(Locale.ROOT, "%.3g", v);
	}
}
