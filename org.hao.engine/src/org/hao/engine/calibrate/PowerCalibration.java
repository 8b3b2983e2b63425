package org.hao.engine.calibrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.hao.engine.model.PowerModel;

/**
 * Fits a board's power figures (cost-model.md, section 6: idle, engine, per-MAC and per-byte) to power measured at its
 * input while it idles or runs known workloads, and says which figures the measurements determine. The board model is
 *
 * <pre>
 * P_i = static + n_i x (engines + mac8PerSecond_i x mac x 1e-12 + ddrBytesPerSecond_i x ddr x 1e-12)      (W)
 * </pre>
 *
 * with n_i busy engines (DPU cores, the GPU; 0 = an idle row), mac8PerSecond_i the 8-bit-equivalent MACs per second of
 * one busy engine (MACs x bits / 8) and ddrBytesPerSecond_i its DDR bytes per second, both from the engine's own
 * evaluation of the workload ({@link WorkloadRates}). The model is linear in the four figures, so they are fitted by
 * ordinary least squares (Commons Math {@link SingularValueDecomposition}).
 * <p>
 * A figure counts as determined when the rows separate it from the others: the largest set of figures is fitted whose
 * design matrix (columns scaled to unit length) has a condition number of at most {@link #MAX_CONDITION}, whose
 * fitted values are non-negative (every figure is a physical power or energy; a value below zero by less than two
 * standard errors is taken as 0) and whose standard errors are at most half their values or the given device's
 * values, whichever is larger (the rows pin the figure). Standard errors use the residual scatter, at least
 * {@link #MEASUREMENT_RESOLUTION} of the mean measured power (only that when the rows leave no degree of freedom). Among sets of equal size the engine and idle
 * power are preferred (they carry most of a board's power), then the per-MAC energy. Figures not determined keep the
 * given device's values. One published power per workload, as in most sources, determines the idle and engine power
 * only: separating the per-MAC and per-byte energy needs workloads whose MAC and DDR rates differ (a compute-bound and a
 * memory-bound network, or one network at two clocks), measured one by one.
 */
public final class PowerCalibration {
	/** Largest condition number of the scaled design matrix for which the fitted figures are reported as determined. */
	public static final double MAX_CONDITION = 1e3;

	/**
	 * Relative resolution of a measured power (ASSUMPTION: 1 %, a shunt with a multimeter or a bench supply's meter,
	 * as in [KV260-PWR]); the residual scatter is used when it is larger.
	 */
	public static final double MEASUREMENT_RESOLUTION = 0.01;

	private PowerCalibration() {
	}

	/** A power figure of {@link PowerModel}. */
	public enum Figure {
		/** idle power (W) */
		STATIC("idle", "W"),
		/** engine power per busy engine (W) */
		ENGINES("engines", "W"),
		/** energy per 8-bit MAC (pJ) */
		MAC("mac", "pJ"),
		/** energy per DDR byte (pJ) */
		DDR("ddr", "pJ/B");

		private final String keyword;
		private final String unit;

		Figure(String keyword, String unit) {
			this.keyword = keyword;
			this.unit = unit;
		}

		/** The figure's keyword in a {@code power { }} block. */
		public String keyword() {
			return keyword;
		}

		/** Its unit as written in a {@code power { }} block. */
		public String unit() {
			return unit;
		}

		double of(PowerModel p) {
			return switch (this) {
				case STATIC -> p.staticWatts();
				case ENGINES -> p.enginesWatts();
				case MAC -> p.picojoulesPerMac8();
				case DDR -> p.picojoulesPerDdrByte();
			};
		}

		/** This figure's column of the design matrix for a row (W per unit of the figure). */
		double column(Row r) {
			return switch (this) {
				case STATIC -> 1;
				case ENGINES -> r.busyEngines();
				case MAC -> r.busyEngines() * r.mac8PerSecond() * 1e-12;
				case DDR -> r.busyEngines() * r.ddrBytesPerSecond() * 1e-12;
			};
		}
	}

	/**
	 * One power measurement at the board's input.
	 *
	 * @param id                row name
	 * @param measuredWatts     measured power (W), &gt; 0
	 * @param busyEngines       engines running frames back to back; 0 = idle
	 * @param mac8PerSecond     8-bit-equivalent MACs per second of one busy engine (0 for an idle row), &gt;= 0
	 * @param ddrBytesPerSecond DDR bytes per second of one busy engine (0 for an idle row), &gt;= 0
	 * @param source            where the measurement comes from
	 */
	public record Row(String id, double measuredWatts, int busyEngines, double mac8PerSecond, double ddrBytesPerSecond,
			String source) {
		public Row {
			if (!(measuredWatts > 0)) {
				throw new IllegalArgumentException(
						"row " + id + ": measured power must be positive, was " + measuredWatts);
			}
			if (busyEngines < 0) {
				throw new IllegalArgumentException("row " + id + ": busy engines must be >= 0, was " + busyEngines);
			}
			if (!(mac8PerSecond >= 0) || !(ddrBytesPerSecond >= 0)) {
				throw new IllegalArgumentException("row " + id + ": MAC and DDR rates must be >= 0");
			}
		}
	}

	/**
	 * One figure after the fit.
	 *
	 * @param figure        which figure
	 * @param value         fitted, or the given device's value when not determined
	 * @param standardError of a fitted value (same unit); NaN when not fitted or when the rows leave no degree of
	 *                      freedom
	 * @param fitted        whether the rows determined it
	 */
	public record Estimate(Figure figure, double value, double standardError, boolean fitted) {
	}

	/**
	 * The fit.
	 *
	 * @param power            the figures: fitted where determined, given elsewhere (scope of the given model)
	 * @param estimates        per figure, in {@link Figure} order
	 * @param predictedWatts   per row, with {@code power}
	 * @param leaveOneOutWatts per row, predicted by the same figures fitted without that row; NaN where the other rows
	 *                         do not determine them
	 * @param conditionNumber  of the fitted figures' scaled design matrix (1 for a single figure; NaN if none fitted)
	 * @param merged           ids of rows taken as one measurement (same busy engines, same measured power,
	 *                         different workloads), one list per such group
	 */
	public record Result(PowerModel power, List<Estimate> estimates, double[] predictedWatts, double[] leaveOneOutWatts,
			double conditionNumber, List<List<String>> merged) {
		/** The figures the rows determined. */
		public Set<Figure> fitted() {
			Set<Figure> s = EnumSet.noneOf(Figure.class);
			estimates.stream().filter(Estimate::fitted).forEach(e -> s.add(e.figure()));
			return s;
		}

		/** One figure's estimate. */
		public Estimate estimate(Figure f) {
			return estimates.get(f.ordinal());
		}
	}

	/**
	 * Fits the figures the rows determine; the others keep {@code given}'s values.
	 *
	 * @throws IllegalArgumentException without rows
	 */
	public static Result fit(List<Row> rows, PowerModel given) {
		return fit(rows, given, EnumSet.allOf(Figure.class));
	}

	/**
	 * Fits the figures among {@code free} that the rows determine; the others keep {@code given}'s values (e.g. the
	 * engine power alone, with a published idle power as given).
	 *
	 * @throws IllegalArgumentException without rows
	 */
	public static Result fit(List<Row> rows, PowerModel given, Set<Figure> free) {
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("no power measurements to fit");
		}
		List<List<Row>> groups = measurements(rows);
		List<Row> distinct = groups.stream().map(PowerCalibration::merge).toList();
		Solution best = null;
		for (Set<Figure> candidate : candidates()) {
			if (!free.containsAll(candidate)) {
				continue;
			}
			Solution s = solve(distinct, given, candidate);
			if (s != null) {
				best = s;
				break;
			}
		}
		Set<Figure> fitted = best == null ? EnumSet.noneOf(Figure.class) : best.figures;
		List<Estimate> estimates = new ArrayList<>();
		for (Figure f : Figure.values()) {
			boolean on = fitted.contains(f);
			estimates.add(
					new Estimate(f, on ? best.values.get(f) : f.of(given), on ? best.errors.get(f) : Double.NaN, on));
		}
		PowerModel power = best == null ? given : best.model(given);
		double[] predicted = new double[rows.size()];
		double[] loo = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			predicted[i] = predict(power, r);
			List<Row> others = new ArrayList<>();
			for (int g = 0; g < groups.size(); g++) {
				if (!groups.get(g).contains(r)) {
					others.add(distinct.get(g));
				}
			}
			Solution s = fitted.isEmpty() || others.isEmpty() ? null : solve(others, given, fitted);
			loo[i] = s == null ? Double.NaN : predict(s.model(given), r);
		}
		List<List<String>> merged = groups.stream().filter(g -> g.size() > 1).map(g -> g.stream().map(Row::id).toList())
				.toList();
		return new Result(power, estimates, predicted, loo, best == null ? Double.NaN : best.condition, merged);
	}

	/**
	 * The rows grouped into distinct measurements: rows with the same busy engines and the same measured power are one
	 * measurement quoted for several workloads (a source giving one "under load" figure for several networks), not
	 * independent readings that happen to agree; counted once, they cannot make the per-MAC or per-byte energy look
	 * determined.
	 */
	private static List<List<Row>> measurements(List<Row> rows) {
		Map<String, List<Row>> groups = new java.util.LinkedHashMap<>();
		for (Row r : rows) {
			groups.computeIfAbsent(r.busyEngines() + "@" + r.measuredWatts(), k -> new ArrayList<>()).add(r);
		}
		return List.copyOf(groups.values());
	}

	/** One row for a group: its common power, the mean of its workloads' rates. */
	private static Row merge(List<Row> group) {
		if (group.size() == 1) {
			return group.get(0);
		}
		double mac = group.stream().mapToDouble(Row::mac8PerSecond).average().orElse(0);
		double ddr = group.stream().mapToDouble(Row::ddrBytesPerSecond).average().orElse(0);
		Row first = group.get(0);
		return new Row(String.join("+", group.stream().map(Row::id).toList()), first.measuredWatts(),
				first.busyEngines(), mac, ddr, first.source());
	}

	/** The board power the figures predict for a row (W). */
	public static double predict(PowerModel p, Row r) {
		double w = 0;
		for (Figure f : Figure.values()) {
			w += f.column(r) * f.of(p);
		}
		return w;
	}

	/** Every non-empty set of figures, largest first, then by preference (engines, idle, MAC, DDR). */
	private static List<Set<Figure>> candidates() {
		List<Set<Figure>> sets = new ArrayList<>();
		for (int mask = 1; mask < 16; mask++) {
			Set<Figure> s = EnumSet.noneOf(Figure.class);
			for (Figure f : Figure.values()) {
				if ((mask & (1 << f.ordinal())) != 0) {
					s.add(f);
				}
			}
			sets.add(s);
		}
		sets.sort(Comparator.<Set<Figure>>comparingInt(Set::size).reversed().thenComparingInt(PowerCalibration::cost));
		return sets;
	}

	/** Lower is preferred: dropping DDR costs least, dropping the engine power most. */
	private static int cost(Set<Figure> s) {
		int[] dropCost = {4, 8, 2, 1}; // STATIC, ENGINES, MAC, DDR
		int c = 0;
		for (Figure f : Figure.values()) {
			if (!s.contains(f)) {
				c += dropCost[f.ordinal()];
			}
		}
		return c;
	}

	private record Solution(Set<Figure> figures, Map<Figure, Double> values, Map<Figure, Double> errors,
			double condition) {
		PowerModel model(PowerModel given) {
			double[] v = new double[4];
			for (Figure f : Figure.values()) {
				v[f.ordinal()] = figures.contains(f) ? values.get(f) : f.of(given);
			}
			return new PowerModel(v[0], v[2], v[3], v[1], given.scope());
		}
	}

	/** Least squares of the chosen figures with the others at their given values; null if not determined. */
	private static Solution solve(List<Row> rows, PowerModel given, Set<Figure> figures) {
		List<Figure> fs = new ArrayList<>(figures);
		int m = rows.size();
		int p = fs.size();
		if (m < p) {
			return null; // fewer distinct measurements than figures
		}
		double[][] x = new double[m][p];
		double[] y = new double[m];
		for (int i = 0; i < m; i++) {
			Row r = rows.get(i);
			y[i] = r.measuredWatts();
			for (Figure f : Figure.values()) {
				if (!figures.contains(f)) {
					y[i] -= f.column(r) * f.of(given);
				}
			}
			for (int j = 0; j < p; j++) {
				x[i][j] = fs.get(j).column(r);
			}
		}
		double[] scale = new double[p];
		for (int j = 0; j < p; j++) {
			double s = 0;
			for (int i = 0; i < m; i++) {
				s += x[i][j] * x[i][j];
			}
			if (s == 0) {
				return null; // no row depends on this figure
			}
			scale[j] = Math.sqrt(s);
			for (int i = 0; i < m; i++) {
				x[i][j] /= scale[j];
			}
		}
		RealMatrix design = new Array2DRowRealMatrix(x, false);
		SingularValueDecomposition svd = new SingularValueDecomposition(design);
		double condition = svd.getConditionNumber();
		if (!(condition <= MAX_CONDITION)) {
			return null;
		}
		RealVector beta = svd.getSolver().solve(new ArrayRealVector(y, false));
		RealVector residual = new ArrayRealVector(y, false).subtract(design.operate(beta));
		int dof = m - p;
		// a measured power is known to no better than MEASUREMENT_RESOLUTION of itself: rows that agree exactly (one
		// published figure on several rows) must not make a figure look exactly determined
		double meanWatts = rows.stream().mapToDouble(Row::measuredWatts).average().orElse(0);
		double floor = MEASUREMENT_RESOLUTION * meanWatts;
		double sigma2 = dof > 0 ? Math.max(residual.dotProduct(residual) / dof, floor * floor) : floor * floor;
		RealMatrix inverseGram = svd.getSolver().getInverse().multiply(svd.getSolver().getInverse().transpose());
		Map<Figure, Double> values = new EnumMap<>(Figure.class);
		Map<Figure, Double> errors = new EnumMap<>(Figure.class);
		for (int j = 0; j < p; j++) {
			Figure f = fs.get(j);
			double v = beta.getEntry(j) / scale[j];
			double se = Math.sqrt(sigma2 * inverseGram.getEntry(j, j)) / scale[j];
			if (v < 0 && -v <= 2 * se) {
				v = 0; // below zero by less than its noise: a figure of 0 fits as well
			}
			if (v < 0) {
				return null; // unphysical: every figure is a power or an energy
			}
			double reference = Math.max(v, f.of(given));
			if (reference > 0 && !(se <= 0.5 * reference)) {
				return null; // not separated from the noise: the rows pin it to no better than half its size
			}
			values.put(f, v);
			errors.put(f, se);
		}
		return new Solution(EnumSet.copyOf(figures), values, errors, condition);
	}
}
