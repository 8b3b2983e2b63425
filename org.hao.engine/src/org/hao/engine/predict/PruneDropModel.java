package org.hao.engine.predict;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.LayerKind;
import org.hao.engine.predict.DropModel.Role;

/**
 * The top-1 drop of pruning against the same dense network, modelled like the quantization drop: a sum over the weight
 * layers of (sensitivity of the layer's role and block shape) x (perturbation of the layer at its pruning ratio).
 *
 * <p>Perturbation of a layer pruned at ratio r: {@code phi(r) = -ln(1 - r)} (0 dense, 0.69 at 50 %, 2.3 at 90 %: the
 * information removed grows without bound as r approaches 1). Block of B weights (1 = unstructured; HAO's
 * {@code prune block R x C} has B = R C; whole filters = the filter's fan-in): the layer's term also enters times
 * ln(B), so coarser blocks cost more at the same ratio. Features ({@link #NAMES}), body layers weighted 1/m (m = body
 * layers), the first and the last layer 1/2 each: dense body phi, dense body phi ln(B), depthwise body phi, first/last
 * phi, and (share of depthwise layers) x dense body phi (compact, depthwise-separable networks lose more at the same
 * ratio). Five non-negative coefficients, ridge without intercept (dense = no drop) on columns scaled to unit RMS,
 * the ridge strength by leave-one-out MAE (refit per left-out row) over {@link #LAMBDAS}.
 *
 * <p>Intervals: the {@link DropModel#INTERVAL_LEVEL} quantile of the absolute leave-one-out residuals.
 *
 * <p>Data: data/prune-drops.csv (see docs/predictor.md). Immutable and thread-safe.
 */
public final class PruneDropModel {
	/** Where the built-in table lives on the class path. */
	public static final String BUILT_IN_RESOURCE = "/data/prune-drops.csv";
	static final double[] LAMBDAS = {0.03, 0.1, 0.3, 1, 3, 10};
	/** Feature names, in the order of the coefficients. */
	public static final List<String> NAMES = List.of("dense", "dense*ln_block", "depthwise", "first_last",
			"dw_share*dense");
	private static final int P = 5;

	/** One weight layer as the pruning model sees it. */
	public record PLayer(String name, Role role, double ratio, double block) {
	}

	/** One published result (drop = float_top1 - top1 of the same source). */
	public record Row(String id, String family, long line, List<PLayer> layers, double top1, double floatTop1,
			boolean use, String note, String source) {
		public double drop() {
			return floatTop1 - top1;
		}
	}

	/** A row with its leave-one-out residual. */
	public record Residual(Row row, double predicted, double residual) {
	}

	private final String source;
	private final List<Row> rows;
	private final List<Row> fitted;
	private final double lambda;
	private final double[] theta;
	private final List<Residual> loo;
	private final double halfWidth;
	private final double maxRatio;
	private final double maxBlock;

	private PruneDropModel(String source, List<Row> rows, List<Row> fitted, double lambda, double[] theta,
			List<Residual> loo) {
		this.source = source;
		this.rows = List.copyOf(rows);
		this.fitted = List.copyOf(fitted);
		this.lambda = lambda;
		this.theta = theta;
		this.loo = List.copyOf(loo);
		this.halfWidth = new Percentile().evaluate(loo.stream().mapToDouble(r -> Math.abs(r.residual())).toArray(),
				DropModel.INTERVAL_LEVEL * 100);
		double mr = 0, mb = 1;
		for (Row r : fitted) {
			for (PLayer l : r.layers()) {
				mr = Math.max(mr, l.ratio());
				mb = Math.max(mb, l.ratio() > 0 ? l.block() : 1);
			}
		}
		this.maxRatio = mr;
		this.maxBlock = mb;
	}

	// ------------------------------------------------------------------ table

	/** The model fitted on the table shipped with the engine. */
	public static PruneDropModel builtIn() {
		return PredictorTables.readBuiltIn(BUILT_IN_RESOURCE, "pruning table",
				r -> fit(read(r, "prune-drops.csv"), "prune-drops.csv"));
	}

	/**
	 * Reads a pruning table: id, family, n_layers, n_depthwise, ratio (0..0.99, weights removed per pruned layer),
	 * block (elements per pruned block, >= 1), prune_depthwise (0 | 1), prune_first_last (0 | 1), top1, float_top1
	 * (may be empty on rows with use 0), use (1 | 0), note, source. Errors name file:line.
	 */
	public static List<Row> read(Reader reader, String name) {
		List<Row> out = new ArrayList<>();
		PredictorTables.parse(reader, name, parser -> {
			Map<String, Integer> header = parser.getHeaderMap();
			for (String req : List.of("id", "family", "n_layers", "n_depthwise", "ratio", "block", "prune_depthwise",
					"prune_first_last", "top1", "float_top1", "use", "source")) {
				if (header == null || !header.containsKey(req)) {
					throw new PredictorDataException(name, 1, "missing required column '" + req + "'");
				}
			}
			for (CSVRecord rec : parser) {
				long line = parser.getCurrentLineNumber();
				if (!rec.isConsistent()) {
					throw new PredictorDataException(name, line,
							"expected " + header.size() + " fields, found " + rec.size());
				}
				boolean use = AccuracyPredictor.num(rec, "use", null, name, line, 0, 1) == 1;
				int n = (int) AccuracyPredictor.num(rec, "n_layers", null, name, line, 2, 10000);
				int dw = (int) AccuracyPredictor.num(rec, "n_depthwise", null, name, line, 0, n - 2);
				double ratio = AccuracyPredictor.num(rec, "ratio", null, name, line, 0, 0.99);
				double block = AccuracyPredictor.num(rec, "block", null, name, line, 1, 1e6);
				boolean pdw = AccuracyPredictor.num(rec, "prune_depthwise", null, name, line, 0, 1) == 1;
				boolean pfl = AccuracyPredictor.num(rec, "prune_first_last", null, name, line, 0, 1) == 1;
				double top1 = AccuracyPredictor.num(rec, "top1", null, name, line, 0.1, 100);
				double ft = use ? AccuracyPredictor.num(rec, "float_top1", null, name, line, 0.1, 100)
						: AccuracyPredictor.num(rec, "float_top1", Double.NaN, name, line, 0.1, 100);
				List<PLayer> layers = new ArrayList<>(n);
				layers.add(new PLayer("first", Role.FIRST, pfl ? ratio : 0, block));
				for (int i = 0; i < dw; i++) {
					layers.add(new PLayer("dw" + i, Role.DEPTHWISE, pdw ? ratio : 0, block));
				}
				for (int i = 0; i < n - 2 - dw; i++) {
					layers.add(new PLayer("dense" + i, Role.DENSE, ratio, block));
				}
				layers.add(new PLayer("last", Role.LAST, pfl ? ratio : 0, block));
				out.add(new Row(rec.get("id"), rec.get("family"), line, layers, top1, ft, use,
						rec.isMapped("note") ? rec.get("note") : "", rec.get("source")));
			}
		});
		return out;
	}

	/**
	 * The weight layers of an expanded network with their pruning (ratio, block = rows x cols of the engine's
	 * block-based pruning; depthwise layers are never pruned by the engine).
	 */
	public static List<PLayer> layers(ExpandedNetwork net) {
		List<Layer> w = net.layers().stream().filter(l -> switch (l.kind()) {
			case CONV, DEPTHWISE, POINTWISE, FULLY_CONNECTED -> true;
			default -> false;
		}).toList();
		List<PLayer> out = new ArrayList<>(w.size());
		for (int i = 0; i < w.size(); i++) {
			Layer l = w.get(i);
			Role role = i == 0 ? Role.FIRST : i == w.size() - 1 ? Role.LAST
					: l.kind() == LayerKind.DEPTHWISE ? Role.DEPTHWISE : Role.DENSE;
			out.add(new PLayer(l.name(), role, l.pruning().ratio(),
					(double) l.pruning().blockRows() * l.pruning().blockCols()));
		}
		return out;
	}

	// ------------------------------------------------------------------ features

	/** Perturbation of pruning a fraction r of a layer's weights: -ln(1 - r). */
	static double phi(double r) {
		return -Math.log(1 - Math.min(r, 0.999));
	}

	/** Feature contributions per layer (row i = layer i), column order {@link #NAMES}. */
	static double[][] contributions(List<PLayer> layers) {
		int n = layers.size();
		int m = 0, dw = 0;
		for (PLayer l : layers) {
			if (l.role() == Role.DENSE || l.role() == Role.DEPTHWISE) {
				m++;
			}
			if (l.role() == Role.DEPTHWISE) {
				dw++;
			}
		}
		double share = m == 0 ? 0 : (double) dw / m;
		double[][] c = new double[n][P];
		for (int i = 0; i < n; i++) {
			PLayer l = layers.get(i);
			double p = phi(l.ratio());
			if (p == 0) {
				continue;
			}
			switch (l.role()) {
				case FIRST, LAST -> c[i][3] = 0.5 * p;
				case DENSE -> {
					c[i][0] = p / m;
					c[i][1] = p * Math.log(Math.max(1, l.block())) / m;
					c[i][4] = share * p / m;
				}
				case DEPTHWISE -> c[i][2] = p / m;
			}
		}
		return c;
	}

	static double[] features(List<PLayer> layers) {
		double[] x = new double[P];
		for (double[] row : contributions(layers)) {
			for (int j = 0; j < P; j++) {
				x[j] += row[j];
			}
		}
		return x;
	}

	// ------------------------------------------------------------------ fit

	/** Fits on the rows with use = 1; lambda by leave-one-out MAE (refit per left-out row). */
	public static PruneDropModel fit(List<Row> all, String name) {
		List<Row> use = all.stream().filter(Row::use).toList();
		if (use.size() < P + 3) {
			throw new PredictorDataException(name, 0,
					"needs at least " + (P + 3) + " rows with use 1, has " + use.size());
		}
		double[][] x = use.stream().map(r -> features(r.layers())).toArray(double[][]::new);
		double[] y = use.stream().mapToDouble(Row::drop).toArray();
		double best = Double.POSITIVE_INFINITY, bestL = LAMBDAS[0];
		double[] bestE = null;
		for (double lam : LAMBDAS) {
			double[] e = DropModel.looResiduals(x, y, lam);
			double mae = Arrays.stream(e).map(Math::abs).average().orElse(0);
			if (mae < best - 1e-12) {
				best = mae;
				bestL = lam;
				bestE = e;
			}
		}
		List<Residual> loo = new ArrayList<>();
		for (int i = 0; i < use.size(); i++) {
			loo.add(new Residual(use.get(i), y[i] - bestE[i], bestE[i]));
		}
		return new PruneDropModel(name, all, use, bestL, DropModel.nonNegativeRidge(x, y, bestL), loo);
	}

	/**
	 * True leave-one-out: each row predicted by a model fitted without it, lambda chosen again without it (what the
	 * benchmark reports).
	 */
	public List<Residual> nestedLeaveOneOut() {
		List<Residual> out = new ArrayList<>();
		for (Row r : fitted) {
			List<Row> rest = new ArrayList<>(fitted);
			rest.remove(r);
			PruneDropModel m = fit(rest, source);
			double p = m.drop(r.layers());
			out.add(new Residual(r, p, r.drop() - p));
		}
		return out;
	}

	// ------------------------------------------------------------------ predict

	/** Predicted drop (points) of pruning these layers (0 when none is pruned). */
	public double drop(List<PLayer> layers) {
		double s = 0;
		for (double v : layerDrops(layers)) {
			s += v;
		}
		return s;
	}

	/** Per-layer drops (points). */
	public double[] layerDrops(List<PLayer> layers) {
		double[][] c = contributions(layers);
		double[] out = new double[layers.size()];
		for (int i = 0; i < out.length; i++) {
			for (int j = 0; j < P; j++) {
				out[i] += c[i][j] * theta[j];
			}
		}
		return out;
	}

	/** Half-width of the interval of a pruning drop (0 when nothing is pruned). */
	public double halfWidth(List<PLayer> layers) {
		return layers.stream().anyMatch(l -> l.ratio() > 0) ? halfWidth : 0;
	}

	/** Null inside the table's domain, else which bound is crossed. */
	public String extrapolation(List<PLayer> layers) {
		double r = 0, b = 1;
		for (PLayer l : layers) {
			r = Math.max(r, l.ratio());
			b = Math.max(b, l.ratio() > 0 ? l.block() : 1);
		}
		List<String> out = new ArrayList<>();
		if (r > maxRatio + 1e-9) {
			out.add(String.format(Locale.ROOT, "pruning ratio %.2f beyond the pruning table's largest %.2f (by %.2f)",
					r, maxRatio, r - maxRatio));
		}
		if (b > maxBlock + 1e-9) {
			out.add(String.format(Locale.ROOT, "pruning blocks of %.0f weights beyond the pruning table's largest %.0f",
					b, maxBlock));
		}
		return out.isEmpty() ? null : String.join("; ", out);
	}

	// ------------------------------------------------------------------ figures

	public List<Residual> looResiduals() {
		return loo;
	}

	/** Coefficients by feature name (drop points per unit). */
	public Map<String, Double> coefficients() {
		Map<String, Double> m = new LinkedHashMap<>();
		for (int j = 0; j < P; j++) {
			m.put(NAMES.get(j), theta[j]);
		}
		return m;
	}

	public List<Row> rows() {
		return rows;
	}

	public List<Row> fittedRows() {
		return fitted;
	}

	public double lambda() {
		return lambda;
	}

	public double halfWidth() {
		return halfWidth;
	}

	@Override
	public String toString() {
		double mae = loo.stream().mapToDouble(r -> Math.abs(r.residual())).average().orElse(0);
		return String.format(Locale.ROOT,
				"pruning drop model on %s: %d rows fitted (%d in the table), lambda %.3g, LOO MAE" + " %.3f", source,
				fitted.size(), rows.size(), lambda, mae);
	}
}
