package org.hao.engine.predict;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.hao.engine.model.Quantization;

/**
 * The top-1 drop of a quantization scheme against the same network in float, in two stages (see
 * docs/predictor.md):
 *
 * <p><b>A, the 8-bit level</b>: HAWQ-style sum over the network's weight layers of (sensitivity of the layer's role) x
 * (perturbation of the layer with its bits raised to at least 8: 1 at 8 bit, {@code 2^(8 - b)} above, 0 in float), the
 * method scaling the sensitivities (every term again times [PTQ], depthwise weights times [per-tensor], [power-of-two
 * scales] x (1 + depthwise share)); ten non-negative coefficients fitted by ridge on the rows with no layer below 8
 * bit, negative ones removed one at a time (the most negative first) and the rest refitted.
 *
 * <p><b>B, below 8 bit</b>: {@code exp(theta . z + o) x min(1, bits below 8)} with z the {@link ExcessFeatures} of
 * the layers (per-layer sensitivity x excess perturbation summed over layers, depthwise shares, first/last layer,
 * scales, depth of the network, layer-wise rounding's accumulation over the body's layers, one indicator per
 * {@link Quantization.Algorithm} and, for QAT algorithms, one depthwise-share term each), theta fitted by ridge
 * (intercept unpenalised; the coefficients of the terms that grow with the bits removed kept non-negative, so fewer
 * bits never predict less drop) on ln(max(published drop - A, 0.1)) of the rows with a layer below 8 bit, each row
 * weighted by its excess, then refined to the Huber loss in points ({@link #robustFit}); o is {@link #methodOffset}
 * (not fitted). The log makes the algorithm, the network and the bit-widths act multiplicatively (the same algorithm
 * that loses 2 points on ResNet-18 at W4A4 loses 5 on MobileNetV2).
 *
 * <p>Hyper-parameters: the ridge strength of A from {@link #LAMBDAS_A} by leave-one-out MAE on the 8-bit rows; the
 * ridge strength of B from {@link #LAMBDAS_B}, the depth slope of the per-layer sensitivities from {@link #DEPTHS} and
 * the Huber threshold from {@link #HUBER} by leave-one-out MAE (in points) on the sub-8-bit rows. {@link #nestedLeaveOneOut()} repeats that choice without
 * the held-out row (true leave-one-out, what the benchmark reports).
 *
 * <p>Intervals: {@link #INTERVAL_LEVEL} quantile of the absolute leave-one-out residuals for 8-bit schemes; below 8
 * bit the quantile of |residual| / (1 + |predicted drop|), times (1 + |drop|): the spread grows with the drop.
 *
 * <p>Data: data/quant-drops.csv. Immutable and thread-safe.
 */
public final class DropModel {
	/** Where the built-in table lives on the class path. */
	public static final String BUILT_IN_RESOURCE = "/data/quant-drops.csv";
	static final double[] LAMBDAS_A = {0.3, 1, 3, 10, 30, 100};
	static final double[] LAMBDAS_B = {0.01, 0.03, 0.1, 0.3, 1, 3};
	/**
	 * Huber thresholds (top-1 points) of the second stage's loss tried, chosen with lambda and the depth slope by
	 * leave-one-out MAE; infinity = the weighted least squares in ln points alone. A row whose fitted excess misses its
	 * published one by more than c points counts with weight c / |miss| (iteratively reweighted). The smallest, 0.1,
	 * is the resolution of published top-1 figures: below it the loss is the absolute error in points, the
	 * benchmark's own criterion.
	 */
	static final double[] HUBER = {Double.POSITIVE_INFINITY, 1, 0.5, 0.25, 0.1};
	/** Iterations of the reweighting (fixed: the Huber loss near 0.1 point converges slowly, like an L1 fit). */
	static final int IRLS_ITERATIONS = 12;
	/** Largest Gauss-Newton step of a row's working response (ln points). */
	static final double MAX_STEP = 1;
	/** Depth slopes tried: sensitivity of a body layer at depth t (0..1) is exp(delta (2 t - 1)). */
	static final double[] DEPTHS = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
	/**
	 * Offset of the second stage's log target, in top-1 points: ln(max(drop - A + OFFSET, FLOOR)). 0: the excess
	 * exp(theta . z) - OFFSET is then positive, so that every bit removed below 8 costs accuracy (LSQ's published
	 * gains at W4A4 are predicted as a small loss instead).
	 */
	static final double OFFSET = 0;
	/**
	 * Smallest excess (points) the second stage is fitted to: published top-1 figures have a resolution of about 0.1
	 * point, so a smaller (or negative) excess is not measured.
	 */
	static final double FLOOR = 0.1;
	/** The second stage's exponent is capped at ln(100): no drop beyond 100 points, also when extrapolating. */
	static final double MAX_LOG = Math.log(100);
	/** Exponent of the second stage's row weights (see {@link #weights}). */
	static final double WEIGHT_EXP = 1;
	/** Coverage aimed at by the intervals (empirical quantile of leave-one-out residuals). */
	public static final double INTERVAL_LEVEL = 0.9;
	/** Names of the first stage's coefficients (8-bit level), in order. */
	public static final List<String> NAMES = List.of("w_dense", "w_depthwise", "act", "w_first_last", "ptq*w_dense",
			"ptq*w_depthwise", "ptq*act", "ptq*w_first_last", "per_tensor*w_depthwise", "pow2_scales");
	private static final int P = 10;

	/** Role of a weight layer. */
	public enum Role {
		FIRST, LAST, DENSE, DEPTHWISE
	}

	/** One weight layer as the drop model sees it (bits: 32 = float). */
	public record QLayer(String name, Role role, double weightBits, double actBits) {
	}

	/**
	 * One published result.
	 *
	 * @param layers the weight layers as the row describes them (first, body, last)
	 * @param use false for rows kept in the table for information but not fitted (the note says why)
	 */
	public record Row(String id, String family, long line, List<QLayer> layers, Quantization method, double top1,
			double floatTop1, boolean use, String note, String source) {
		/** Published drop (points): float top-1 minus quantized top-1 of the same source. */
		public double drop() {
			return floatTop1 - top1;
		}

		/** True when some layer has weights or activations below 8 bit. */
		public boolean subByte() {
			return DropModel.subByte(layers);
		}
	}

	/** A row with its leave-one-out residual (published drop minus the drop predicted without the row). */
	public record Residual(Row row, double predicted, double residual) {
	}

	private final String source;
	private final List<Row> rows;
	private final List<Row> fitted;
	private final double lambdaA;
	private final double[] theta;
	private final double lambdaB;
	private final double huber;
	private final double delta;
	private final double[] thetaB;
	private final List<Residual> loo;
	private final double halfWidthByte;
	private final double relHalfWidthSubByte;
	private final double minWeightBits;
	private final double minActBits;
	private final Set<Quantization.Algorithm> subByteAlgorithms;
	private final Set<String> subByteMethods;

	private DropModel(String source, List<Row> rows, List<Row> fitted, double lambdaA, double[] theta, double lambdaB,
			double huber, double delta, double[] thetaB, List<Residual> loo) {
		this.huber = huber;
		this.source = source;
		this.rows = List.copyOf(rows);
		this.fitted = List.copyOf(fitted);
		this.lambdaA = lambdaA;
		this.theta = theta;
		this.lambdaB = lambdaB;
		this.delta = delta;
		this.thetaB = thetaB;
		this.loo = List.copyOf(loo);
		this.halfWidthByte = quantile(
				loo.stream().filter(r -> !r.row().subByte()).mapToDouble(r -> Math.abs(r.residual())).toArray());
		this.relHalfWidthSubByte = quantile(loo.stream().filter(r -> r.row().subByte())
				.mapToDouble(r -> Math.abs(r.residual()) / (1 + Math.abs(r.predicted()))).toArray());
		double mw = 32, ma = 32;
		Set<Quantization.Algorithm> algs = new LinkedHashSet<>();
		Set<String> methods = new LinkedHashSet<>();
		for (Row r : fitted) {
			for (QLayer l : r.layers()) {
				mw = Math.min(mw, l.weightBits());
				if (l.role() != Role.FIRST && l.role() != Role.LAST) {
					ma = Math.min(ma, l.actBits());
				}
			}
			if (r.subByte()) {
				algs.add(r.method().algorithm());
				methods.add(methodKey(r.method()));
			}
		}
		this.minWeightBits = mw;
		this.minActBits = ma;
		this.subByteAlgorithms = algs;
		this.subByteMethods = methods;
	}

	private static double quantile(double[] v) {
		if (v.length == 0) {
			return 0;
		}
		return new Percentile().evaluate(v, INTERVAL_LEVEL * 100);
	}

	static boolean subByte(List<QLayer> layers) {
		for (QLayer l : layers) {
			if (l.weightBits() < 8 || l.actBits() < 8) {
				return true;
			}
		}
		return false;
	}

	private static String methodKey(Quantization q) {
		return q.granularity() + "/" + q.scales();
	}

	// ------------------------------------------------------------------ table

	/** The model fitted on the table shipped with the engine. */
	public static DropModel builtIn() {
		return PredictorTables.readBuiltIn(BUILT_IN_RESOURCE, "drop table",
				r -> fit(read(r, "quant-drops.csv"), "quant-drops.csv"));
	}

	/**
	 * Reads a drop table. Columns: id, family, n_layers (weight layers), n_depthwise, w_bits, a_bits (body; decimals
	 * allowed for mixed precision: the b with 2^(8-b) = the body's mean of 2^(8-b_l)), first_bits, last_bits, method
	 * (qat | ptq), granularity (per-channel | per-tensor), scales (float | pow2), top1, float_top1, use (1 | 0), note,
	 * source (rows with use 0 may name other methods and algorithms: read as PTQ with the default algorithm); optional,
	 * possibly missing at the end of a row: algorithm ({@link Quantization.Algorithm} word; empty =
	 * the training's default) and layer_bits (the body layers in network order as {@code w/a} tokens separated by
	 * spaces, a {@code d} before a depthwise layer, e.g. {@code d7/7 5/6}; replaces w_bits/a_bits for the layers).
	 * Errors name file:line.
	 */
	public static List<Row> read(Reader reader, String name) {
		List<String> required = List.of("id", "family", "n_layers", "n_depthwise", "w_bits", "a_bits", "first_bits",
				"last_bits", "method", "granularity", "scales", "top1", "float_top1", "use", "source");
		List<Row> out = new ArrayList<>();
		PredictorTables.parse(reader, name, parser -> {
			Map<String, Integer> header = parser.getHeaderMap();
			int minFields = 0;
			for (String req : required) {
				if (header == null || !header.containsKey(req)) {
					throw new PredictorDataException(name, 1, "missing required column '" + req + "'");
				}
				minFields = Math.max(minFields, header.get(req) + 1);
			}
			for (CSVRecord rec : parser) {
				long line = parser.getCurrentLineNumber();
				if (rec.size() < minFields || rec.size() > header.size()) {
					throw new PredictorDataException(name, line,
							"expected " + header.size() + " fields"
									+ (minFields < header.size() ? " (at least " + minFields + ")" : "") + ", found "
									+ rec.size());
				}
				boolean use = AccuracyPredictor.num(rec, "use", null, name, line, 0, 1) == 1;
				int n = (int) AccuracyPredictor.num(rec, "n_layers", null, name, line, 2, 10000);
				int dw = (int) AccuracyPredictor.num(rec, "n_depthwise", null, name, line, 0, n - 2);
				double wb = AccuracyPredictor.num(rec, "w_bits", null, name, line, 1, 32);
				double ab = AccuracyPredictor.num(rec, "a_bits", null, name, line, 1, 32);
				double fb = AccuracyPredictor.num(rec, "first_bits", null, name, line, 1, 32);
				double lb = AccuracyPredictor.num(rec, "last_bits", null, name, line, 1, 32);
				double top1 = AccuracyPredictor.num(rec, "top1", null, name, line, 0.1, 100);
				double ft = use ? AccuracyPredictor.num(rec, "float_top1", null, name, line, 0.1, 100)
						: AccuracyPredictor.num(rec, "float_top1", Double.NaN, name, line, 0.1, 100);
				String m = rec.get("method");
				Quantization.Training tr;
				if (m.equals("qat")) {
					tr = Quantization.Training.QAT;
				} else if (m.equals("ptq") || !use) {
					tr = Quantization.Training.PTQ; // rows kept out may name other methods (the note says which)
				} else {
					throw new PredictorDataException(name, line, "column method: '" + m + "' is not qat or ptq");
				}
				Quantization.Granularity g = switch (rec.get("granularity")) {
					case "per-channel" -> Quantization.Granularity.PER_CHANNEL;
					case "per-tensor" -> Quantization.Granularity.PER_TENSOR;
					default -> throw new PredictorDataException(name, line,
							"column granularity: '" + rec.get("granularity") + "' is not per-channel or per-tensor");
				};
				Quantization.Scales s = switch (rec.get("scales")) {
					case "float" -> Quantization.Scales.FLOAT;
					case "pow2" -> Quantization.Scales.POWER_OF_TWO;
					default -> throw new PredictorDataException(name, line,
							"column scales: '" + rec.get("scales") + "' is not float or pow2");
				};
				String aw = rec.isSet("algorithm") ? rec.get("algorithm") : "";
				Quantization.Algorithm alg = null;
				if (!aw.isEmpty()) {
					alg = Quantization.Algorithm.ofWord(aw);
					if ((alg == null || alg.training() != tr) && !use) {
						alg = null; // a row kept out may name an algorithm HAO does not model
					} else if (alg == null) {
						throw new PredictorDataException(name, line,
								"column algorithm: '" + aw + "' is not one of " + algorithmWords());
					}
					if (alg != null && alg.training() != tr) {
						throw new PredictorDataException(name, line,
								"column algorithm: " + aw + " is " + alg.training() + ", the row's method is " + m);
					}
				}
				Quantization q = new Quantization(tr, fb >= 8 && lb >= 8, g, s, null, alg);
				String lbits = rec.isSet("layer_bits") ? rec.get("layer_bits") : "";
				List<QLayer> layers = lbits.isEmpty() ? tableLayers(n, dw, wb, ab, fb, lb)
						: listedLayers(lbits, n, dw, fb, lb, name, line);
				out.add(new Row(rec.get("id"), rec.get("family"), line, layers, q, top1, ft, use,
						rec.isSet("note") ? rec.get("note") : "", rec.get("source")));
			}
		});
		return out;
	}

	/** The algorithm words, comma-separated. */
	public static String algorithmWords() {
		return String.join(", ",
				Arrays.stream(Quantization.Algorithm.values()).map(Quantization.Algorithm::word).toList());
	}

	/**
	 * The weight layers a table row stands for: first, the body's depthwise and dense layers (the depthwise ones spread
	 * evenly over the depth, as in the MobileNets, so that the depth slope sees them where they are), last.
	 */
	static List<QLayer> tableLayers(int n, int dw, double wb, double ab, double fb, double lb) {
		List<QLayer> l = new ArrayList<>(n);
		l.add(new QLayer("first", Role.FIRST, fb, 8));
		int m = n - 2;
		for (int i = 0; i < m; i++) {
			boolean isDw = (long) (i + 1) * dw / m > (long) i * dw / m;
			l.add(new QLayer((isDw ? "dw" : "dense") + i, isDw ? Role.DEPTHWISE : Role.DENSE, wb, ab));
		}
		l.add(new QLayer("last", Role.LAST, lb, 8));
		return l;
	}

	/** A row's layers from its layer_bits list (body layers in network order); the counts must match the row's. */
	static List<QLayer> listedLayers(String list, int n, int dw, double fb, double lb, String file, long line) {
		String[] tok = list.trim().split("\\s+");
		if (tok.length != n - 2) {
			throw new PredictorDataException(file, line, "column layer_bits: " + tok.length
					+ " body layers listed, the row" + " has " + (n - 2) + " (n_layers - 2)");
		}
		List<QLayer> l = new ArrayList<>(n);
		l.add(new QLayer("first", Role.FIRST, fb, 8));
		int d = 0;
		for (int i = 0; i < tok.length; i++) {
			String t = tok[i];
			boolean isDw = t.startsWith("d");
			String[] wa = (isDw ? t.substring(1) : t).split("/");
			double w, a;
			try {
				if (wa.length != 2) {
					throw new NumberFormatException();
				}
				w = Double.parseDouble(wa[0]);
				a = Double.parseDouble(wa[1]);
			} catch (NumberFormatException e) {
				throw new PredictorDataException(file, line,
						"column layer_bits: token " + (i + 1) + " '" + t + "' is not [d]w/a (e.g. 4/8 or d8/8)");
			}
			if (!(w >= 1 && w <= 32 && a >= 1 && a <= 32)) {
				throw new PredictorDataException(file, line,
						"column layer_bits: token " + (i + 1) + " '" + t + "' has bits outside [1, 32]");
			}
			d += isDw ? 1 : 0;
			l.add(new QLayer("body" + i, isDw ? Role.DEPTHWISE : Role.DENSE, w, a));
		}
		if (d != dw) {
			throw new PredictorDataException(file, line,
					"column layer_bits: " + d + " depthwise layers listed, the row has " + dw + " (n_depthwise)");
		}
		l.add(new QLayer("last", Role.LAST, lb, 8));
		return l;
	}

	// ------------------------------------------------------------------ features

	/**
	 * First-stage perturbation of a layer: its bits raised to at least 8 (what lies below 8 bit is the second stage's),
	 * then 2^(8 - b): 1 at 8 bit, less above, 0 in float.
	 */
	static double perturbation8(double bits) {
		return bits >= 32 ? 0 : Math.pow(2, 8 - Math.max(8, bits));
	}

	/** Bits a layer is quantized to under {@code q}: the first and last layer at least 8 when q keeps them at 8 bit. */
	static double effectiveWeightBits(QLayer l, Quantization q) {
		if (q.firstLast8Bit() && (l.role() == Role.FIRST || l.role() == Role.LAST) && l.weightBits() < 8) {
			return 8;
		}
		return l.weightBits();
	}

	/**
	 * First-stage feature contributions: row i = layer i's weight part, row n + i = its activation part, row 2n =
	 * network-level terms. The network's feature vector is the column sum.
	 */
	static double[][] contributions(List<QLayer> layers, Quantization q) {
		int n = layers.size();
		double[][] c = new double[2 * n + 1][P];
		double ptq = q.training() == Quantization.Training.PTQ ? 1 : 0;
		double pt = q.granularity() == Quantization.Granularity.PER_TENSOR ? 1 : 0;
		int dw = 0;
		boolean quantized = false;
		for (int i = 0; i < n; i++) {
			QLayer l = layers.get(i);
			double wb = effectiveWeightBits(l, q);
			double pw = perturbation8(wb), pa = perturbation8(l.actBits());
			quantized |= wb < 32 || l.actBits() < 32;
			switch (l.role()) {
				case FIRST, LAST -> {
					c[i][3] = 0.5 * pw;
					c[i][7] = ptq * 0.5 * pw;
				}
				case DENSE -> {
					c[i][0] = pw / n;
					c[i][4] = ptq * pw / n;
					c[n + i][2] = pa / n;
					c[n + i][6] = ptq * pa / n;
				}
				case DEPTHWISE -> {
					dw++;
					c[i][1] = pw / n;
					c[i][5] = ptq * pw / n;
					c[i][8] = pt * pw / n;
					c[n + i][2] = pa / n;
					c[n + i][6] = ptq * pa / n;
				}
			}
		}
		c[2 * n][9] = quantized && q.scales() == Quantization.Scales.POWER_OF_TWO ? 1 + (double) dw / n : 0;
		return c;
	}

	static double[] features(List<QLayer> layers, Quantization q) {
		double[] x = new double[P];
		for (double[] row : contributions(layers, q)) {
			for (int j = 0; j < P; j++) {
				x[j] += row[j];
			}
		}
		return x;
	}

	// ------------------------------------------------------------------ fit

	/** The first stage fitted on some 8-bit rows: coefficients and the chosen lambda. */
	private record StageA(double lambda, double[] theta) {
		double predict(Row r) {
			return dot(features(r.layers(), r.method()), theta);
		}
	}

	/** The first stage on {@code rows} (8-bit rows), lambda by leave-one-out MAE (refit per left-out row). */
	private static StageA fitA(List<Row> rows) {
		double[][] x = rows.stream().map(r -> features(r.layers(), r.method())).toArray(double[][]::new);
		double[] y = rows.stream().mapToDouble(Row::drop).toArray();
		double best = Double.POSITIVE_INFINITY, bestL = LAMBDAS_A[0];
		for (double lam : LAMBDAS_A) {
			double mae = Arrays.stream(looResiduals(x, y, lam)).map(Math::abs).average().orElse(0);
			if (mae < best - 1e-12) {
				best = mae;
				bestL = lam;
			}
		}
		return new StageA(bestL, nonNegativeRidge(x, y, bestL));
	}

	/** The second stage fitted on some sub-8-bit rows, with the first stage's level of each row subtracted. */
	private record StageB(double lambda, double delta, double huber, double[] theta, double[] looPoints,
			double[] fittedPoints) {
	}

	private static double[] target(List<Row> rows, StageA a) {
		double[] t = new double[rows.size()];
		for (int i = 0; i < t.length; i++) {
			Row r = rows.get(i);
			double ramp = ramp(r.layers(), r.method(), null, 0);
			double ex = (r.drop() - a.predict(r)) / ramp;
			t[i] = Math.log(Math.max(ex + OFFSET, FLOOR)) - methodOffset(r.layers(), r.method(), a.theta());
		}
		return t;
	}

	/**
	 * Row weights of the second stage's fit: (the target excess)^WEIGHT_EXP, so that the fit in ln points does not
	 * neglect the large drops that dominate the error in points.
	 */
	static double[] weights(double[] t) {
		double[] w = new double[t.length];
		for (int i = 0; i < t.length; i++) {
			w[i] = Math.exp(WEIGHT_EXP * t[i]);
		}
		return w;
	}

	/** min(1, bits below 8): the second stage fades in over the first bit below 8 (0 = nothing below 8 bit). */
	static double ramp(List<QLayer> layers, Quantization q, double[] u, double delta) {
		return Math.min(1, ExcessFeatures.depthBelow8(ExcessFeatures.vector(layers, q, u, delta)));
	}

	/** The second stage's features of layers under q (see {@link ExcessFeatures#vector}). */
	static double[] z(List<QLayer> layers, Quantization q, double[] u, double delta) {
		return ExcessFeatures.vector(layers, q, u, delta);
	}

	/**
	 * Fixed offset of the second stage's exponent (not fitted): ln((A + 1/4) / (A_ref + 1/4)), A the first stage's
	 * 8-bit drop of the layers under q and A_ref the same with per-channel float scales. The factor by which the scale
	 * granularity and format (per-tensor, power-of-two) raise the 8-bit drop raises the excess below 8 bit alike: the
	 * 8-bit rows have many such methods, the sub-8-bit rows one (too few to fit a coefficient).
	 */
	static double methodOffset(List<QLayer> layers, Quantization q, double[] thA) {
		if (q.granularity() == Quantization.Granularity.PER_CHANNEL && q.scales() == Quantization.Scales.FLOAT) {
			return 0;
		}
		Quantization ref = new Quantization(q.training(), q.firstLast8Bit(), Quantization.Granularity.PER_CHANNEL,
				Quantization.Scales.FLOAT, null, q.algorithm());
		double a = dot(features(layers, q), thA), aRef = dot(features(layers, ref), thA);
		return Math.log((Math.max(a, 0) + 0.25) / (Math.max(aRef, 0) + 0.25));
	}

	/**
	 * The second stage on {@code rows} (sub-8-bit rows): lambda and the depth slope by exact leave-one-out MAE in
	 * points (closed form per candidate).
	 */
	private static StageB fitB(List<Row> rows, StageA a) {
		return fitB(rows, a, LAMBDAS_B, DEPTHS, HUBER);
	}

	/** The second stage with fixed hyper-parameters. */
	private static StageB fitB(List<Row> rows, StageA a, double lambda, double delta, double huber) {
		return fitB(rows, a, new double[]{lambda}, new double[]{delta}, new double[]{huber});
	}

	/** The second stage, the hyper-parameters chosen from the grids by (closed-form) leave-one-out MAE in points. */
	private static StageB fitB(List<Row> rows, StageA a, double[] lambdas, double[] depths, double[] hubers) {
		double[] t = target(rows, a);
		double[] level = rows.stream().mapToDouble(a::predict).toArray();
		double[] y = rows.stream().mapToDouble(Row::drop).toArray();
		double[] off = rows.stream().mapToDouble(r -> methodOffset(r.layers(), r.method(), a.theta())).toArray();
		double[] ramp = rows.stream().mapToDouble(r -> ramp(r.layers(), r.method(), null, 0)).toArray();
		double[] ex = new double[y.length];
		for (int i = 0; i < ex.length; i++) {
			ex[i] = (y[i] - level[i]) / ramp[i];
		}
		// every (depth slope, lambda, threshold) is fitted independently (in parallel), then the first with the
		// smallest MAE in grid order is taken, as a sequential loop would
		double[][][] zs = java.util.stream.IntStream.range(0, depths.length).parallel().mapToObj(
				k -> rows.stream().map(r -> z(r.layers(), r.method(), null, depths[k])).toArray(double[][]::new))
				.toArray(double[][][]::new);
		int nl = lambdas.length, nc = hubers.length;
		StageB[] cand = new StageB[depths.length * nl * nc];
		double[] maes = new double[cand.length];
		java.util.stream.IntStream.range(0, cand.length).parallel().forEach(g -> {
			double d = depths[g / (nl * nc)], lam = lambdas[g / nc % nl], c = hubers[g % nc];
			double[][] z = zs[g / (nl * nc)];
			RobustFit rf = robustFit(z, t, ex, off, ramp, lam, c);
			InterceptRidge fit = rf.fit();
			double[] lp = new double[y.length], fp = new double[y.length];
			double mae = 0;
			for (int i = 0; i < y.length; i++) {
				double tl = rf.work()[i] - fit.looResiduals()[i] + off[i];
				lp[i] = level[i] + excess(tl, z[i]);
				mae += Math.abs(y[i] - lp[i]);
				fp[i] = level[i] + excess(fit.predict(z[i]) + off[i], z[i]);
			}
			maes[g] = mae / y.length;
			cand[g] = new StageB(lam, d, c, fit.coef(), lp, fp);
		});
		StageB best = null;
		double bestMae = Double.POSITIVE_INFINITY;
		for (int g = 0; g < cand.length; g++) {
			if (maes[g] < bestMae - 1e-12) {
				bestMae = maes[g];
				best = cand[g];
			}
		}
		return best;
	}

	/** A second-stage fit and the working response its leave-one-out residuals refer to. */
	record RobustFit(InterceptRidge fit, double[] work) {
	}

	/**
	 * The second stage's fit. First a ridge on the log excesses t (offset o subtracted) with row weights
	 * {@link #weights}; with a finite Huber threshold c (top-1 points) it is then refined to minimise the Huber loss of
	 * the excess in points, sum_i rho_c(ramp_i (ex_i - exp(f_i + o_i))), by Gauss-Newton iteratively reweighted ridge:
	 * working response f_i + (ex_i - mu_i) / mu_i (mu = exp(f + o), the step clipped to +-{@link #MAX_STEP}), weight
	 * (ramp_i mu_i)^2 min(1, c / |ramp_i (ex_i - mu_i)|), normalised to mean 1; {@link #IRLS_ITERATIONS} iterations.
	 * ex may be negative or below {@link #FLOOR} (published gains count as they are). The leave-one-out residuals are
	 * those of the last weighted linear fit (weights held fixed) on the returned working response.
	 */
	static RobustFit robustFit(double[][] z, double[] t, double[] ex, double[] off, double[] ramp, double lambda,
			double c) {
		boolean plain = Double.isInfinite(c);
		InterceptRidge fit = InterceptRidge.fit(z, t, weights(t), lambda, ExcessFeatures.monotone(), plain);
		if (plain) {
			return new RobustFit(fit, t);
		}
		int n = t.length;
		double[] work = t;
		for (int it = 0; it < IRLS_ITERATIONS; it++) {
			double[] w = new double[n];
			double[] y = new double[n];
			double sum = 0;
			for (int i = 0; i < n; i++) {
				double f = fit.predict(z[i]);
				double mu = Math.exp(Math.min(f + off[i], MAX_LOG));
				double r = ex[i] - mu;
				y[i] = f + Math.max(-MAX_STEP, Math.min(MAX_STEP, r / mu));
				double rp = Math.abs(ramp[i] * r);
				w[i] = ramp[i] * ramp[i] * mu * mu * Math.min(1, c / Math.max(rp, 1e-9));
				sum += w[i];
			}
			for (int i = 0; i < n; i++) {
				w[i] *= n / sum;
			}
			work = y;
			fit = InterceptRidge.fit(z, y, w, lambda, ExcessFeatures.monotone(), it == IRLS_ITERATIONS - 1);
		}
		return new RobustFit(fit, work);
	}

	/** The second stage's drop for exponent v at features z: (exp(v) - OFFSET) x min(1, bits below 8), never below 0. */
	private static double excess(double v, double[] z) {
		return Math.max(0, Math.exp(Math.min(v, MAX_LOG)) - OFFSET) * Math.min(1, ExcessFeatures.depthBelow8(z));
	}

	/** Fits on the rows with use = 1 (at least 13 rows at 8 bit and 13 below). */
	public static DropModel fit(List<Row> all, String name) {
		List<Row> use = all.stream().filter(Row::use).toList();
		List<Row> byte8 = use.stream().filter(r -> !r.subByte()).toList();
		List<Row> sub = use.stream().filter(Row::subByte).toList();
		if (byte8.size() < P + 3 || sub.size() < 13) {
			throw new PredictorDataException(name, 0, "needs at least " + (P + 3)
					+ " rows with use 1 at 8 bit and 13 below" + " 8 bit, has " + byte8.size() + " and " + sub.size());
		}
		StageA a = fitA(byte8);
		double[] e8 = looResiduals(byte8.stream().map(r -> features(r.layers(), r.method())).toArray(double[][]::new),
				byte8.stream().mapToDouble(Row::drop).toArray(), a.lambda());
		StageB b = fitB(sub, a);
		Map<Row, Residual> res = new LinkedHashMap<>();
		for (int i = 0; i < byte8.size(); i++) {
			Row r = byte8.get(i);
			res.put(r, new Residual(r, r.drop() - e8[i], e8[i]));
		}
		for (int i = 0; i < sub.size(); i++) {
			Row r = sub.get(i);
			res.put(r, new Residual(r, b.looPoints()[i], r.drop() - b.looPoints()[i]));
		}
		List<Residual> loo = use.stream().map(res::get).toList();
		return new DropModel(name, all, use, a.lambda(), a.theta(), b.lambda(), b.huber(), b.delta(), b.theta(), loo);
	}

	/**
	 * True leave-one-out: for every fitted row, both stages refitted without it, hyper-parameters (lambdas, depth
	 * slope, Huber threshold) chosen again without it. Slower than {@link #looResiduals()} (which keeps the hyper-parameters chosen on
	 * all rows); the benchmark reports these.
	 */
	public List<Residual> nestedLeaveOneOut() {
		List<Row> byte8 = fitted.stream().filter(r -> !r.subByte()).toList();
		List<Row> sub = fitted.stream().filter(Row::subByte).toList();
		StageA all8 = fitA(byte8);
		List<Residual> out = new ArrayList<>();
		for (Row r : fitted) {
			double pred;
			if (!r.subByte()) {
				StageA a = fitA(byte8.stream().filter(x -> x != r).toList());
				pred = a.predict(r);
			} else {
				StageB b = fitB(sub.stream().filter(x -> x != r).toList(), all8);
				pred = predict(r.layers(), r.method(), null, all8.theta(), b.theta(), b.delta());
			}
			out.add(new Residual(r, pred, r.drop() - pred));
		}
		return out;
	}

	/** Drop of layers under q with the given stage coefficients (no user sensitivities). */
	private static double predict(List<QLayer> layers, Quantization q, double[] u, double[] thA, double[] thB,
			double d) {
		double[] z = z(layers, q, u, d);
		double r = Math.min(1, ExcessFeatures.depthBelow8(z));
		double level = dot(features(layers, q), thA);
		if (r <= 0) {
			return level;
		}
		double v = thB[0] + methodOffset(layers, q, thA);
		for (int j = 0; j < z.length; j++) {
			v += thB[j + 1] * z[j];
		}
		return level + Math.max(0, Math.exp(Math.min(v, MAX_LOG)) - OFFSET) * r;
	}

	/** Residuals y_i - x_i theta(-i), refitting without row i. */
	static double[] looResiduals(double[][] x, double[] y, double lambda) {
		int n = y.length;
		double[] e = new double[n];
		for (int i = 0; i < n; i++) {
			double[][] xi = new double[n - 1][];
			double[] yi = new double[n - 1];
			for (int a = 0, b = 0; a < n; a++) {
				if (a != i) {
					xi[b] = x[a];
					yi[b++] = y[a];
				}
			}
			double[] th = nonNegativeRidge(xi, yi, lambda);
			e[i] = y[i] - dot(x[i], th);
		}
		return e;
	}

	/**
	 * Ridge without intercept on columns scaled to unit RMS, coefficients kept non-negative by removing the most
	 * negative one and refitting until none is negative (Commons Math Cholesky for each solve). Returns coefficients
	 * in the original units (0 for removed or all-zero columns).
	 */
	static double[] nonNegativeRidge(double[][] x, double[] y, double lambda) {
		int n = y.length, p = x[0].length;
		double[] s = new double[p];
		boolean[] active = new boolean[p];
		for (int j = 0; j < p; j++) {
			double ss = 0;
			for (double[] r : x) {
				ss += r[j] * r[j];
			}
			s[j] = Math.sqrt(ss / n);
			active[j] = s[j] > 1e-12;
		}
		while (true) {
			int[] idx = java.util.stream.IntStream.range(0, p).filter(j -> active[j]).toArray();
			double[] theta = new double[p];
			if (idx.length == 0) {
				return theta;
			}
			int k = idx.length;
			double[][] a = new double[k][k];
			double[] b = new double[k];
			for (int r = 0; r < n; r++) {
				for (int u = 0; u < k; u++) {
					double xu = x[r][idx[u]] / s[idx[u]];
					b[u] += xu * y[r];
					for (int v = 0; v < k; v++) {
						a[u][v] += xu * x[r][idx[v]] / s[idx[v]];
					}
				}
			}
			for (int u = 0; u < k; u++) {
				a[u][u] += lambda;
			}
			RealMatrix am = new Array2DRowRealMatrix(a, false);
			double[] sol = new CholeskyDecomposition(am, 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(b, false))
					.toArray();
			int worst = -1;
			for (int u = 0; u < k; u++) {
				if (sol[u] < 0 && (worst < 0 || sol[u] < sol[worst])) {
					worst = u;
				}
			}
			if (worst < 0) {
				for (int u = 0; u < k; u++) {
					theta[idx[u]] = sol[u] / s[idx[u]];
				}
				return theta;
			}
			active[idx[worst]] = false;
		}
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	// ------------------------------------------------------------------ predict

	/** Predicted drop (points) of {@code layers} quantized by {@code q} with the default sensitivities. */
	public double drop(List<QLayer> layers, Quantization q) {
		return drop(layers, q, null);
	}

	/** Predicted drop with the user's sensitivities (null = the defaults): the sum of {@link #layerDrops}. */
	public double drop(List<QLayer> layers, Quantization q, LayerSensitivities sens) {
		double total = 0;
		for (double v : layerDrops(layers, q, sens)) {
			total += v;
		}
		return total;
	}

	/**
	 * Relative sensitivities of the layers from the user's table (1 where the table says nothing): Hessian traces as
	 * trace / mean trace of the listed layers present; measured drops as (drop / e(bits)) / its mean over the measured
	 * layers present (e = {@link ExcessFeatures#excess}; rows measured at 8 bit or above carry no relative weight).
	 */
	static double[] relative(List<QLayer> layers, LayerSensitivities sens) {
		if (sens == null) {
			return null;
		}
		double[] u = new double[layers.size()];
		Arrays.fill(u, 1);
		double trSum = 0, mSum = 0;
		int tr = 0, ms = 0;
		for (QLayer l : layers) {
			LayerSensitivities.Entry e = sens.get(l.name());
			if (e == null) {
				continue;
			}
			if (!e.measured()) {
				trSum += e.hessianTrace();
				tr++;
			} else if (e.bits() < 8) {
				mSum += Math.max(0, e.top1Drop()) / ExcessFeatures.excess(e.bits());
				ms++;
			}
		}
		for (int i = 0; i < u.length; i++) {
			LayerSensitivities.Entry e = sens.get(layers.get(i).name());
			if (e == null) {
				continue;
			}
			if (!e.measured() && trSum > 0) {
				u[i] = e.hessianTrace() / (trSum / tr);
			} else if (e.measured() && e.bits() < 8 && mSum > 0) {
				u[i] = Math.max(0, e.top1Drop()) / ExcessFeatures.excess(e.bits()) / (mSum / ms);
			}
		}
		return u;
	}

	/**
	 * Per-layer drops (points), the last entry the network-level terms: layer i's first-stage weight and activation
	 * terms plus its share of the second stage ({@link ExcessFeatures#shares}). With user sensitivities: Hessian traces
	 * and measured drops set the layers' relative sensitivities (first stage: the weight term times it; second stage:
	 * the weights of the per-layer sum); a layer with a measured drop then has exactly that drop, scaled from the
	 * measured bit-width to its own by the quantization step's ratio 2^(b_measured - b), in place of its modelled
	 * share (its activation terms stay).
	 */
	public double[] layerDrops(List<QLayer> layers, Quantization q, LayerSensitivities sens) {
		int n = layers.size();
		double[] u = relative(layers, sens);
		double[][] c = contributions(layers, q);
		double[] z = z(layers, q, u, delta);
		double r = Math.min(1, ExcessFeatures.depthBelow8(z));
		double excess = 0;
		if (r > 0) {
			double v = thetaB[0] + methodOffset(layers, q, theta);
			for (int j = 0; j < z.length; j++) {
				v += thetaB[j + 1] * z[j];
			}
			excess = Math.max(0, Math.exp(Math.min(v, MAX_LOG)) - OFFSET) * r;
		}
		double[] share = ExcessFeatures.shares(layers, q, u, delta);
		double[] out = new double[n + 1];
		for (int i = 0; i < n; i++) {
			QLayer l = layers.get(i);
			double w = dot(c[i], theta) * (u == null ? 1 : u[i]);
			double act = dot(c[n + i], theta);
			LayerSensitivities.Entry e = sens == null ? null : sens.get(l.name());
			if (e != null && e.measured()) {
				double wb = effectiveWeightBits(l, q);
				double ew = ExcessFeatures.excess(wb), ea = ExcessFeatures.excess(l.actBits());
				double actShare = ew + ea > 0 ? share[i] * ea / (ew + ea) : 0;
				out[i] = (wb >= 32 ? 0 : e.top1Drop() * Math.pow(2, e.bits() - wb)) + act + excess * actShare;
			} else {
				out[i] = w + act + excess * share[i];
			}
		}
		out[n] = dot(c[2 * n], theta);
		return out;
	}

	/** Half-width of the {@link #INTERVAL_LEVEL} interval of a predicted drop {@code drop} for these layers (0 in float). */
	public double halfWidth(List<QLayer> layers, double drop) {
		boolean quantized = false;
		for (QLayer l : layers) {
			quantized |= l.weightBits() < 32 || l.actBits() < 32;
		}
		return !quantized ? 0 : subByte(layers) ? relHalfWidthSubByte * (1 + Math.abs(drop)) : halfWidthByte;
	}

	/** Null inside the table's domain, else words saying which bound and by how much. */
	public String extrapolation(List<QLayer> layers, Quantization q) {
		List<String> out = new ArrayList<>();
		double mw = 32, ma = 32;
		boolean body = layers.stream().anyMatch(l -> l.role() == Role.DENSE || l.role() == Role.DEPTHWISE);
		for (QLayer l : layers) {
			mw = Math.min(mw, effectiveWeightBits(l, q));
			if (!body || (l.role() != Role.FIRST && l.role() != Role.LAST)) {
				ma = Math.min(ma, l.actBits());
			}
		}
		if (mw < minWeightBits) {
			out.add(String.format(Locale.ROOT, "%s-bit weights below the drop table's smallest %s bits (by %s)",
					fmt(mw), fmt(minWeightBits), fmt(minWeightBits - mw)));
		}
		if (ma < minActBits) {
			out.add(String.format(Locale.ROOT, "%s-bit activations below the drop table's smallest %s bits (by %s)",
					fmt(ma), fmt(minActBits), fmt(minActBits - ma)));
		}
		if (subByte(layers) && !subByteAlgorithms.contains(q.algorithm())) {
			out.add(q.algorithm() == Quantization.Algorithm.MINMAX
					? "round-to-nearest (algorithm minmax) below 8 bit: no fitted row (published W4A8 min-max rows lose 6-45"
							+ " points, MQBench); the prediction assumes calibrated rounding and is too optimistic"
					: "no published row below 8 bit with algorithm " + q.algorithm().word()
							+ ": its effect is not fitted (the average algorithm is assumed)");
		}
		if (subByte(layers) && !subByteMethods.contains(methodKey(q))) {
			out.add("no published row below 8 bit with "
					+ q.granularity().name().toLowerCase(Locale.ROOT).replace('_', '-') + " weights and "
					+ (q.scales() == Quantization.Scales.FLOAT ? "float" : "power-of-two")
					+ " scales: the method terms are combined from other rows");
		}
		return out.isEmpty() ? null : String.join("; ", out);
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
	}

	// ------------------------------------------------------------------ figures

	/** Predicted drop of a table row (with this model, fitted on all rows). */
	public double predict(Row r) {
		return drop(r.layers(), r.method());
	}

	/**
	 * Leave-one-out residuals of the fitted rows, each row's coefficients refitted without it at the hyper-parameters
	 * chosen on all rows (the intervals come from these); {@link #nestedLeaveOneOut()} chooses them without it too.
	 */
	public List<Residual> looResiduals() {
		return loo;
	}

	/**
	 * Leave-one-family-out: for each family, the mean absolute drop error of its rows predicted by both stages fitted
	 * on the other families' rows (same hyper-parameters). Map family -> {rows, MAE}.
	 */
	public Map<String, double[]> leaveOneFamilyOut() {
		Map<String, double[]> out = new LinkedHashMap<>();
		Set<String> fams = new LinkedHashSet<>();
		fitted.forEach(r -> fams.add(r.family()));
		for (String f : fams) {
			List<Row> train8 = fitted.stream().filter(r -> !r.family().equals(f) && !r.subByte()).toList();
			List<Row> trainSub = fitted.stream().filter(r -> !r.family().equals(f) && r.subByte()).toList();
			List<Row> test = fitted.stream().filter(r -> r.family().equals(f)).toList();
			double[][] x = train8.stream().map(r -> features(r.layers(), r.method())).toArray(double[][]::new);
			double[] th = nonNegativeRidge(x, train8.stream().mapToDouble(Row::drop).toArray(), lambdaA);
			StageA a = new StageA(lambdaA, th);
			double[] thB = trainSub.size() < 3 ? thetaB : fitB(trainSub, a, lambdaB, delta, huber).theta();
			double s = 0;
			for (Row r : test) {
				s += Math.abs(r.drop() - predict(r.layers(), r.method(), null, th, thB, delta));
			}
			out.put(f, new double[]{test.size(), s / test.size()});
		}
		return out;
	}

	/** First-stage coefficients by feature name (drop points per unit of the feature, 8-bit level). */
	public Map<String, Double> coefficients() {
		Map<String, Double> m = new LinkedHashMap<>();
		for (int j = 0; j < P; j++) {
			m.put(NAMES.get(j), theta[j]);
		}
		return m;
	}

	/** Second-stage coefficients by feature name ("intercept" first; ln points per unit of the feature). */
	public Map<String, Double> excessCoefficients() {
		Map<String, Double> m = new LinkedHashMap<>();
		m.put("intercept", thetaB[0]);
		for (int j = 0; j < ExcessFeatures.P; j++) {
			m.put(ExcessFeatures.NAMES.get(j), thetaB[j + 1]);
		}
		return m;
	}

	/** Number of fitted coefficients (both stages, zeros included) and of chosen hyper-parameters. */
	public int[] parameterCount() {
		return new int[]{P + ExcessFeatures.P + 1, 4};
	}

	public List<Row> rows() {
		return rows;
	}

	public List<Row> fittedRows() {
		return fitted;
	}

	/** Ridge strength of the first stage. */
	public double lambda() {
		return lambdaA;
	}

	/** Ridge strength of the second stage. */
	public double lambdaExcess() {
		return lambdaB;
	}

	/** Huber threshold of the second stage's loss (top-1 points; infinity = least squares). */
	public double huber() {
		return huber;
	}

	/** Fitted depth slope of the per-layer sensitivities: s = exp(delta (2 t - 1)), t = depth 0..1 in the body. */
	public double depthSlope() {
		return delta;
	}

	public double halfWidthByte() {
		return halfWidthByte;
	}

	/** Relative half-width below 8 bit: the interval is +- this x (1 + |drop|). */
	public double relHalfWidthSubByte() {
		return relHalfWidthSubByte;
	}

	public String source() {
		return source;
	}

	@Override
	public String toString() {
		double mae = loo.stream().mapToDouble(r -> Math.abs(r.residual())).average().orElse(0);
		return String.format(Locale.ROOT,
				"drop model on %s: %d rows fitted (%d in the table), lambda %.3g (8-bit level)"
						+ " %.3g (below 8 bit), depth slope %.2f, LOO MAE %.3f",
				source, fitted.size(), rows.size(), lambdaA, lambdaB, delta, mae);
	}
}
