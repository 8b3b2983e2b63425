package org.hao.engine.predict;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.Activation;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Quantization;
import org.hao.engine.model.SubgraphSpec;

/**
 * ImageNet top-1 predictor: ridge regression on standardised features (see {@link Features#vector()}), kept monotone
 * in MACs and params per block type ({@link MonotoneRidge}, {@link MonotoneConstraints}), the ridge strength chosen by
 * exact leave-one-out error computed in closed form from the hat matrix ({@code e_loo,i = e_i / (1 - h_ii)}, with the
 * intercept's 1/n added to h_ii). A configuration is never predicted above the same configuration with its
 * capacity-removing choices undone ({@link CapacityCap}). See docs/predictor.md.
 *
 * <p>Immutable and thread-safe once fitted.
 */
public final class AccuracyPredictor {
	/** Where the built-in table lives on the class path (the bundle root holds data/). */
	public static final String BUILT_IN_RESOURCE = "/data/imagenet-top1.csv";
	static final double[] LAMBDAS = {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};
	/**
	 * Share of the MACs a block type must carry for a network to count as built from it (inverted residuals): a
	 * MobileNetV2 / V3 / MnasNet / EfficientNet has 0.80..0.91 of its MACs in blocks recognised as inverted residuals
	 * (the stem, the first block without expansion, the last 1x1 conv and the classifier are not), a MobileNetV1 or a
	 * ShuffleNetV2 0 (torchvision's networks, measured on org.hao.dsl.tests/fixtures/onnx).
	 */
	public static final double BLOCK_SHARE = 0.5;
	/**
	 * Share of the MACs in dense k x k convolutions (k > 1, ungrouped) above which a network counts as a dense
	 * convolutional one: ResNet-18/34 0.99, ResNet-50/101/152 0.48..0.51 (their bottleneck 3x3), against 0.01..0.10
	 * for MobileNets, MnasNet, EfficientNet-B0 and 0.01..0.20 for ShuffleNetV2 x2.0..x0.5 (torchvision's networks at
	 * 224 px, PyTorch forward hooks); 0.4 lies between.
	 */
	public static final double DENSE_CONV_SHARE = 0.4;

	private static volatile AccuracyPredictor builtIn;

	private final String source;
	private final int rows;
	private final boolean[] used;
	private final double[] mean;
	private final double[] scale;
	private final double[] beta;
	private final double intercept;
	private final double lambda;
	private final double looMae;
	private final double looRmse;
	private final double[] min;
	private final double[] max;
	private final double[] rawMin;
	private final double[] rawMax;
	/** Per family ({@link Features#family()}) of at least two rows: MACs, params, resolution min and max. */
	private final Map<String, double[][]> familyBox;
	private final double[] looAbs;
	private final double halfWidthFloat;
	private final DropModel drops;
	private final Quantization quantization;
	private final LayerSensitivities sensitivities;

	private AccuracyPredictor(String source, int rows, boolean[] used, double[] mean, double[] scale, double[] beta,
			double intercept, double lambda, double looMae, double looRmse, double[] min, double[] max, double[] rawMin,
			double[] rawMax, Map<String, double[][]> familyBox, double[] looAbs, DropModel drops,
			Quantization quantization, LayerSensitivities sensitivities) {
		this.source = source;
		this.rows = rows;
		this.used = used;
		this.mean = mean;
		this.scale = scale;
		this.beta = beta;
		this.intercept = intercept;
		this.lambda = lambda;
		this.looMae = looMae;
		this.looRmse = looRmse;
		this.min = min;
		this.max = max;
		this.rawMin = rawMin;
		this.rawMax = rawMax;
		this.familyBox = familyBox;
		this.looAbs = looAbs;
		this.halfWidthFloat = new org.apache.commons.math3.stat.descriptive.rank.Percentile().evaluate(looAbs,
				DropModel.INTERVAL_LEVEL * 100);
		this.drops = drops;
		this.quantization = quantization;
		this.sensitivities = sensitivities;
	}

	/**
	 * This predictor (same fits) with the user's quantization method and measured sensitivities (null = the
	 * defaults); every prediction of the returned instance uses them.
	 */
	public AccuracyPredictor withQuantization(Quantization q, LayerSensitivities sens) {
		return new AccuracyPredictor(source, rows, used, mean, scale, beta, intercept, lambda, looMae, looRmse, min,
				max, rawMin, rawMax, familyBox, looAbs, drops, q == null ? Quantization.DEFAULT : q, sens);
	}

	private static volatile DropModel builtInDrops;

	/** The drop model on the shipped table (cached; fitting it takes a few hundred refits). */
	public static DropModel builtInDrops() {
		DropModel d = builtInDrops;
		if (d == null) {
			synchronized (AccuracyPredictor.class) {
				d = builtInDrops;
				if (d == null) {
					d = DropModel.builtIn();
					builtInDrops = d;
				}
			}
		}
		return d;
	}

	private static volatile PruneDropModel builtInPrune;

	/** The pruning drop model on the shipped table (cached). */
	public static PruneDropModel builtInPrune() {
		PruneDropModel d = builtInPrune;
		if (d == null) {
			synchronized (AccuracyPredictor.class) {
				d = builtInPrune;
				if (d == null) {
					d = PruneDropModel.builtIn();
					builtInPrune = d;
				}
			}
		}
		return d;
	}

	/** The predictor fitted on the table shipped with the engine (cached). */
	public static AccuracyPredictor builtIn() {
		AccuracyPredictor p = builtIn;
		if (p == null) {
			synchronized (AccuracyPredictor.class) {
				p = builtIn;
				if (p == null) {
					String override = System.getProperty("hao.predictor.csv");
					if (override != null) {
						p = fit(Path.of(override));
					} else {
						p = PredictorTables.readBuiltIn(BUILT_IN_RESOURCE, "predictor table",
								r -> fit(r, "imagenet-top1.csv"));
					}
					builtIn = p;
				}
			}
		}
		return p;
	}

	/** Fits on a user table with the columns of the built-in one; errors name file:line. */
	public static AccuracyPredictor fit(Path csv) {
		try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			return fit(r, csv.toString());
		} catch (IOException e) {
			throw new PredictorDataException(csv.toString(), 0, "cannot read the file: " + e.getMessage());
		}
	}

	/** One row of a predictor table. */
	public record Row(String model, long line, Features features, double top1, String source) {
	}

	/** Reads a table (header row required). */
	public static List<Row> read(Reader reader, String name) {
		List<Row> rows = new ArrayList<>();
		PredictorTables.parse(reader, name, parser -> {
			Map<String, Integer> header = parser.getHeaderMap();
			for (String req : List.of("macs_m", "params_m", "resolution", "top1")) {
				if (header == null || !header.containsKey(req)) {
					throw new PredictorDataException(name, 1, "missing required column '" + req + "' (columns: "
							+ (header == null ? "none" : String.join(",", header.keySet())) + ")");
				}
			}
			for (CSVRecord rec : parser) {
				long line = parser.getCurrentLineNumber(); // the line the record ends on (= its line unless it spans lines)
				if (!rec.isConsistent()) {
					throw new PredictorDataException(name, line,
							"expected " + header.size() + " fields, found " + rec.size());
				}
				double macs = num(rec, "macs_m", null, name, line, 1e-6, 1e7);
				double params = num(rec, "params_m", null, name, line, 1e-6, 1e5);
				double res = num(rec, "resolution", null, name, line, 8, 4096);
				double ir = num(rec, "inverted_residual", 0.0, name, line, 0, 1);
				double se = num(rec, "squeeze_excite", 0.0, name, line, 0, 1);
				double wb = num(rec, "weight_bits", 32.0, name, line, 1, 32);
				double ab = num(rec, "act_bits", 32.0, name, line, 1, 32);
				double pr = num(rec, "prune_ratio", 0.0, name, line, 0, 0.999);
				double dc = num(rec, "dense_conv", 0.0, name, line, 0, 1);
				double cs = num(rec, "channel_shuffle", 0.0, name, line, 0, 1);
				double sw = num(rec, "swish", 0.0, name, line, 0, 1);
				double top1 = num(rec, "top1", null, name, line, 0.1, 100);
				String model = rec.isMapped("model") ? rec.get("model") : "row" + line;
				String src = rec.isMapped("source") ? rec.get("source") : "";
				rows.add(new Row(model, line, Features.uniform(macs, params, res, ir, se, dc, cs, sw, wb, ab, pr), top1,
						src));
			}
		});
		return rows;
	}

	static double num(CSVRecord rec, String col, Double dflt, String file, long line, double lo, double hi) {
		String s = rec.isMapped(col) ? rec.get(col) : null;
		if (s == null || s.isEmpty()) {
			if (dflt == null) {
				throw new PredictorDataException(file, line, "column " + col + " is empty");
			}
			return dflt;
		}
		double v;
		try {
			v = Double.parseDouble(s);
		} catch (NumberFormatException e) {
			throw new PredictorDataException(file, line, "column " + col + ": '" + s + "' is not a number");
		}
		if (!(v >= lo && v <= hi)) {
			throw new PredictorDataException(file, line, "column " + col + ": " + s + " is outside [" + lo + ", "
					+ (hi == Double.MAX_VALUE ? "inf" : hi) + "]");
		}
		return v;
	}

	/** Fits on a table read from {@code reader}; {@code name} is used in messages. */
	public static AccuracyPredictor fit(Reader reader, String name) {
		return fit(read(reader, name), name);
	}

	/** Fits on rows. */
	public static AccuracyPredictor fit(List<Row> data, String name) {
		int n = data.size();
		int pAll = Features.NAMES.length;
		double[][] raw = new double[n][];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			raw[i] = data.get(i).features().vector();
			y[i] = data.get(i).top1();
		}
		double[] mean = new double[pAll], scale = new double[pAll], min = new double[pAll], max = new double[pAll];
		boolean[] used = new boolean[pAll];
		int p = 0;
		for (int j = 0; j < pAll; j++) {
			double s = 0, mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
			for (double[] r : raw) {
				s += r[j];
				mn = Math.min(mn, r[j]);
				mx = Math.max(mx, r[j]);
			}
			mean[j] = n == 0 ? 0 : s / n;
			double v = 0;
			for (double[] r : raw) {
				v += (r[j] - mean[j]) * (r[j] - mean[j]);
			}
			scale[j] = n == 0 ? 1 : Math.sqrt(v / n);
			used[j] = scale[j] > 1e-12; // a constant column (e.g. no pruned rows) carries no information
			min[j] = mn;
			max[j] = mx;
			if (used[j]) {
				p++;
			}
		}
		if (n < p + 3) {
			throw new PredictorDataException(name, 0,
					"needs at least " + (p + 3) + " rows to fit " + p + " varying features, has " + n);
		}
		double[][] x = new double[n][p];
		for (int i = 0; i < n; i++) {
			int k = 0;
			for (int j = 0; j < pAll; j++) {
				if (used[j]) {
					x[i][k++] = (raw[i][j] - mean[j]) / scale[j];
				}
			}
		}
		double ym = 0;
		for (double v : y) {
			ym += v;
		}
		ym /= n;
		double[] rawMin = new double[5], rawMax = new double[5];
		java.util.Arrays.fill(rawMin, Double.POSITIVE_INFINITY);
		java.util.Arrays.fill(rawMax, Double.NEGATIVE_INFINITY);
		for (Row r : data) {
			double[] v = {r.features().macsM(), r.features().paramsM(),
					Math.min(r.features().weightBits(), r.features().actBits()), r.features().pruneRatio(),
					r.features().resolution()};
			for (int j = 0; j < 5; j++) {
				rawMin[j] = Math.min(rawMin[j], v[j]);
				rawMax[j] = Math.max(rawMax[j], v[j]);
			}
		}
		Map<String, List<Row>> families = new java.util.TreeMap<>();
		for (Row r : data) {
			families.computeIfAbsent(r.features().family(), key -> new ArrayList<>()).add(r);
		}
		Map<String, double[][]> familyBox = new java.util.TreeMap<>();
		families.forEach((fam, rs) -> {
			if (rs.size() >= 2) {
				// MACs and params per block type; the resolution's range (one coefficient for all types) of all rows
				double[][] box = {{Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, rawMin[4]},
						{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, rawMax[4]}};
				for (Row r : rs) {
					double[] v = {r.features().macsM(), r.features().paramsM()};
					for (int j = 0; j < 2; j++) {
						box[0][j] = Math.min(box[0][j], v[j]);
						box[1][j] = Math.max(box[1][j], v[j]);
					}
				}
				familyBox.put(fam, box);
			}
		});
		double[][] g = MonotoneConstraints.rows(families, familyBox, used, scale);
		RealMatrix xm = new Array2DRowRealMatrix(x, false);
		RealVector yc = new ArrayRealVector(y).mapSubtract(ym);
		double bestLambda = Double.NaN, bestMse = Double.POSITIVE_INFINITY, bestMae = Double.NaN;
		double[] bestBeta = null;
		double[] bestLoo = null;
		for (double lam : LAMBDAS) {
			MonotoneRidge fit = MonotoneRidge.fit(xm, yc, lam, g);
			double sse = 0, sae = 0;
			double[] loo = new double[n];
			for (int i = 0; i < n; i++) {
				double eloo = fit.looResiduals()[i];
				loo[i] = Math.abs(eloo);
				sse += eloo * eloo;
				sae += Math.abs(eloo);
			}
			if (sse / n < bestMse) {
				bestMse = sse / n;
				bestMae = sae / n;
				bestLambda = lam;
				bestBeta = fit.beta();
				bestLoo = loo;
			}
		}
		double[] beta = new double[pAll];
		int k = 0;
		for (int j = 0; j < pAll; j++) {
			if (used[j]) {
				beta[j] = bestBeta[k++];
			}
		}
		return new AccuracyPredictor(name, n, used, mean, scale, beta, ym, bestLambda, bestMae, Math.sqrt(bestMse), min,
				max, rawMin, rawMax, familyBox, bestLoo, builtInDrops(), Quantization.DEFAULT, null);
	}

	/** Value of the ridge at a feature vector (no clamping). */
	private double linear(double[] v) {
		double s = intercept;
		for (int j = 0; j < v.length; j++) {
			if (used[j]) {
				s += beta[j] * (v[j] - mean[j]) / scale[j];
			}
		}
		return s;
	}

	/** Chance level of ImageNet's 1000 classes (percent): the floor every prediction stays above. */
	public static final double IMAGENET_CHANCE = 0.1;
	/** Width (points) of the soft floor at chance and the soft ceiling at 100 %. */
	static final double SOFT = 2.0;

	/** Smooth, strictly increasing map of R onto (floor, 100) that is the identity (to 1e-3) on [floor + 16, 84]. */
	static double squash(double v, double floor) {
		double z = (v - floor) / SOFT;
		double v1 = z > 30 ? v : floor + SOFT * Math.log1p(Math.exp(z));
		double z2 = (100 - v1) / SOFT;
		return z2 > 30 ? v1 : 100 - SOFT * Math.log1p(Math.exp(z2));
	}

	private static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	/**
	 * Float top-1 of f's architecture before the soft floor (bit-widths ignored: the drop model handles them):
	 * inside the table's box of MACs, params and resolution the ridge; outside, the ridge at the box's edge plus the
	 * edge's slope (in ln MACs, ln params, ln resolution; negative slopes taken as 0, so the value never rises as a
	 * network shrinks) times the distance. Element 0 the value, element 1 the value at the box's edge.
	 */
	private double[] floatRaw(Features f) {
		double[][] box = box(f);
		Features c = new Features(clamp(f.macsM(), box[0][0], box[1][0]), clamp(f.paramsM(), box[0][1], box[1][1]),
				clamp(f.resolution(), box[0][2], box[1][2]), f.invertedResidual(), f.squeezeExcite(), 32, 32,
				Features.quantNoise(32, 32), f.pruneRatio(), f.denseConv(), f.channelShuffle(), f.swish());
		double edge = linear(c.vector());
		double lm = Math.log(c.macsM()), lp = Math.log(c.paramsM());
		double sm = slope(Features.dLnMacs(lm, f.denseConv(), f.channelShuffle()));
		double sp = slope(Features.dLnParams(lp, f.denseConv()));
		double sr = used[4] ? beta[4] / scale[4] : 0;
		double v = edge + Math.max(0, sm) * (Math.log(f.macsM()) - lm) + Math.max(0, sp) * (Math.log(f.paramsM()) - lp)
				+ Math.max(0, sr) * (Math.log(f.resolution()) - Math.log(c.resolution()));
		return new double[]{v, edge};
	}

	/** The ridge's derivative along a direction of the raw feature vector (e.g. {@link Features#dLnMacs}). */
	private double slope(double[] d) {
		double s = 0;
		for (int j = 0; j < d.length; j++) {
			if (used[j]) {
				s += beta[j] / scale[j] * d[j];
			}
		}
		return s;
	}

	/** Predicted float ImageNet top-1 of f's architecture (percent, above chance; see {@link #floatRaw}). */
	public double floatTop1(Features f) {
		return squash(floatRaw(f)[0], IMAGENET_CHANCE);
	}

	/**
	 * Predicted ImageNet top-1 (percent) of a network given by global features: float top-1 minus the drop of its
	 * bit-widths under this predictor's quantization method, the layers taken as a MobileNetV2 (53 weight layers, 17
	 * depthwise) when f has inverted residuals, else as a MobileNetV1 (28, 13). Networks with layers predict better
	 * through {@link #prediction(ExpandedNetwork)}.
	 */
	public double predict(Features f) {
		double drop = drops.drop(genericLayers(f), quantization, null);
		return squash(floatRaw(f)[0] - drop, IMAGENET_CHANCE);
	}

	private static List<DropModel.QLayer> genericLayers(Features f) {
		boolean ir = f.invertedResidual() >= 0.5;
		return DropModel.tableLayers(ir ? 53 : 28, ir ? 17 : 13, f.weightBits(), f.actBits(), f.weightBits(),
				f.weightBits());
	}

	/** Predicted top-1 of an expanded network (percent). */
	public double predict(ExpandedNetwork net) {
		return prediction(net).top1();
	}

	/**
	 * Prediction of an expanded network with its interval: float top-1 of its DENSE architecture (MACs and weights
	 * before pruning; the classifier counted with 1000 outputs, the table's) minus the drop of its per-layer
	 * bit-widths under this predictor's quantization method and sensitivities ({@link DropModel}) minus the drop of
	 * its per-layer pruning ratios and block shapes ({@link PruneDropModel}); with K != 1000 classes, mapped linearly
	 * from ImageNet's chance level onto K's (100/K) so that it stays monotone and above chance. Interval: +-
	 * sqrt(hf^2 + hd^2 + hp^2 + (e/2)^2) with hf, hd, hp the {@link DropModel#INTERVAL_LEVEL} half-widths of the
	 * float, quantization-drop and pruning-drop models and e the part of the value extrapolated beyond the table's box.
	 * Capacity cap ({@link CapacityCap}): the value is at most that of the same configuration with every choice that
	 * only removes capacity restored to the written value (the float part takes the difference; the interval moves
	 * with the value).
	 */
	public Prediction prediction(ExpandedNetwork net) {
		Raw r = raw(net);
		Map<String, SubgraphChoice> restored = CapacityCap.restored(net);
		if (restored != null) {
			ExpandedNetwork written;
			try {
				written = NetworkExpander.expand(net.spec(), restored);
			} catch (ShapeException e) {
				written = null; // the configuration expands; a restored one that does not has no prediction to cap by
			}
			if (written != null) {
				r = r.cappedAt(raw(written).value());
			}
		}
		return r.prediction(quantization);
	}

	/**
	 * A prediction before the soft floor and the class mapping: {@code value = floatRaw - drop - pruningDrop} (ImageNet
	 * top-1 points), its half-width, and the parts.
	 */
	private record Raw(double floatRaw, double drop, double pruningDrop, double halfWidth, int classes,
			String extrapolation) {
		double value() {
			return floatRaw - drop - pruningDrop;
		}

		/**
		 * This prediction with its value at most {@code max} (the capacity cap): the float part takes the difference,
		 * so that the parts still add up; the half-width is this configuration's own.
		 */
		Raw cappedAt(double max) {
			double over = value() - max;
			return over > 0 ? new Raw(floatRaw - over, drop, pruningDrop, halfWidth, classes, extrapolation) : this;
		}

		Prediction prediction(Quantization q) {
			double v = value();
			return new Prediction(toClasses(squash(v, IMAGENET_CHANCE), classes),
					toClasses(squash(v - halfWidth, IMAGENET_CHANCE), classes),
					toClasses(squash(v + halfWidth, IMAGENET_CHANCE), classes), squash(floatRaw, IMAGENET_CHANCE), drop,
					q, extrapolation, pruningDrop);
		}
	}

	/** The prediction of the network as it is (no capacity cap). */
	private Raw raw(ExpandedNetwork net) {
		Features f = WrittenBlockTypes.of(net, denseFeaturesOf(net));
		List<DropModel.QLayer> layers = quantLayers(net);
		List<PruneDropModel.PLayer> pl = PruneDropModel.layers(net);
		PruneDropModel prune = builtInPrune();
		double[] raw = floatRaw(f);
		double drop = drops.drop(layers, quantization, sensitivities);
		double pdrop = prune.drop(pl);
		double hw = Math.sqrt(halfWidthFloat * halfWidthFloat + Math.pow(drops.halfWidth(layers, drop), 2)
				+ Math.pow(prune.halfWidth(pl), 2) + Math.pow(0.5 * (raw[0] - raw[1]), 2));
		int k = classes(net);
		List<String> why = new ArrayList<>();
		String a = extrapolationFloat(f);
		if (a != null) {
			why.add(a);
		}
		String b = drops.extrapolation(layers, quantization);
		if (b != null) {
			why.add(b);
		}
		String c = prune.extrapolation(pl);
		if (c != null) {
			why.add(c);
		}
		if (k > 0 && k != 1000) {
			why.add(String.format(Locale.ROOT, "%d classes where the table has ImageNet's 1000: the backbone's ImageNet"
					+ " top-1 mapped from chance 0.1 %% onto chance %.3g %%", k, 100.0 / k));
		}
		return new Raw(raw[0], drop, pdrop, hw, k, why.isEmpty() ? null : String.join("; ", why));
	}

	/**
	 * The value a prediction's bound takes when it lies exactly at chance before the soft floor (the floor keeps every
	 * printed value above chance, so "at or below chance" reads as "at or below this"): the soft floor at ImageNet's
	 * chance, 0.1 + 2 ln 2 = 1.49 %, mapped onto K classes like every prediction (K <= 0 or 1000: ImageNet's).
	 */
	public static double atChance(int classes) {
		return toClasses(squash(IMAGENET_CHANCE, IMAGENET_CHANCE), classes);
	}

	/** Maps an ImageNet top-1 onto a K-class problem's chance level (identity for K <= 0 or 1000). */
	static double toClasses(double top1, int k) {
		if (k <= 0 || k == 1000) {
			return top1;
		}
		double c = 100.0 / k;
		return c + (100 - c) * (top1 - IMAGENET_CHANCE) / (100 - IMAGENET_CHANCE);
	}

	/** Outputs of the network's last layer with MACs when it is fully connected (the classes), else -1. */
	public static int classes(ExpandedNetwork net) {
		Layer last = null;
		for (Layer l : net.layers()) {
			if (l.denseMacs() > 0 && l.kind() != LayerKind.SQUEEZE_EXCITE) {
				last = l;
			}
		}
		return last != null && last.kind() == LayerKind.FULLY_CONNECTED ? last.outChannels() : -1;
	}

	/** The network's weight layers (conv, depthwise, pointwise, FC) in order, with their roles, for the drop model. */
	public static List<DropModel.QLayer> quantLayers(ExpandedNetwork net) {
		List<Layer> w = net.layers().stream().filter(l -> switch (l.kind()) {
			case CONV, DEPTHWISE, POINTWISE, FULLY_CONNECTED -> true;
			default -> false;
		}).toList();
		List<DropModel.QLayer> out = new ArrayList<>(w.size());
		for (int i = 0; i < w.size(); i++) {
			Layer l = w.get(i);
			DropModel.Role role = i == 0 ? DropModel.Role.FIRST : i == w.size() - 1 ? DropModel.Role.LAST
					: l.kind() == LayerKind.DEPTHWISE ? DropModel.Role.DEPTHWISE : DropModel.Role.DENSE;
			out.add(new DropModel.QLayer(l.name(), role, l.bits().weightBits(), l.bits().activationBits()));
		}
		return out;
	}

	/**
	 * Null when {@code f} lies inside the tables' domain, otherwise words saying which bound is crossed and by how
	 * much (MACs, params, resolution, pruning of the float table; bit-widths and method of the drop table).
	 */
	public String extrapolation(Features f) {
		List<String> out = new ArrayList<>();
		String a = extrapolationFloat(f);
		if (a != null) {
			out.add(a);
		}
		String b = drops.extrapolation(genericLayers(f), quantization);
		if (b != null) {
			out.add(b);
		}
		return out.isEmpty() ? null : String.join("; ", out);
	}

	/**
	 * The box of the table's rows of f's family (same block-type indicators) when it has at least two rows, else of
	 * all rows: {min, max} of {MACs (M), params (M), resolution (px)}; the resolution's range is always all rows'. Per family, because the families cover
	 * different sizes (MobileNets 11..592 M MACs, ResNets 1.8..11.5 G): a half-width ResNet is extrapolated from the
	 * smallest ResNet, not read off the MobileNets' range.
	 */
	private double[][] box(Features f) {
		double[][] b = familyBox.get(f.family());
		return b != null ? b : new double[][]{{rawMin[0], rawMin[1], rawMin[4]}, {rawMax[0], rawMax[1], rawMax[4]}};
	}

	private String extrapolationFloat(Features f) {
		List<String> out = new ArrayList<>();
		double[][] box = box(f);
		bound(out, "M MACs", f.macsM(), box[0][0], box[1][0], "ln MACs");
		bound(out, "M params", f.paramsM(), box[0][1], box[1][1], "ln params");
		bound(out, "px input resolution", f.resolution(), box[0][2], box[1][2], "ln resolution");
		if (!out.isEmpty() && familyBox.containsKey(f.family())
				&& (f.macsM() < box[0][0] * 0.999 || f.macsM() > box[1][0] * 1.001 || f.paramsM() < box[0][1] * 0.999
						|| f.paramsM() > box[1][1] * 1.001)) {
			out.set(out.size() - 1, out.get(out.size() - 1) + " (the table's rows of the network's block type: "
					+ describeFamily(f) + ")");
		}
		if (f.pruneRatio() > rawMax[3] + 1e-9) {
			out.add(String.format(Locale.ROOT, "pruning ratio %.2f beyond the table's largest %.2f (by %.2f)"
					+ (rawMax[3] == 0 ? " (the pruning effect is not fitted: pruned MACs/params only act through the"
							+ " size features)" : ""),
					f.pruneRatio(), rawMax[3], f.pruneRatio() - rawMax[3]));
		}
		return out.isEmpty() ? null : String.join("; ", out);
	}

	private static String describeFamily(Features f) {
		List<String> w = new ArrayList<>();
		if (f.invertedResidual() >= 0.5) {
			w.add("inverted residuals");
		}
		if (f.denseConv() >= 0.5) {
			w.add("dense convolutions");
		}
		if (f.channelShuffle() >= 0.5) {
			w.add("channel shuffle");
		}
		return w.isEmpty() ? "depthwise-separable, no inverted residuals" : String.join(", ", w);
	}

	private static void bound(List<String> out, String unit, double v, double lo, double hi, String axis) {
		if (v < lo * 0.999) {
			out.add(String.format(Locale.ROOT, "%s %s below the table's smallest %s (%.3gx smaller): extrapolated"
					+ " linearly in %s from the table's edge", num3(v), unit, num3(lo), lo / v, axis));
		} else if (v > hi * 1.001) {
			out.add(String.format(Locale.ROOT, "%s %s above the table's largest %s (%.3gx larger): extrapolated"
					+ " linearly in %s from the table's edge", num3(v), unit, num3(hi), v / hi, axis));
		}
	}

	private static String num3(double v) {
		return String.format(Locale.ROOT, "%.3g", v);
	}

	/**
	 * Layers of inverted-residual blocks written as a graph (e.g. imported from ONNX, no MBConv op): a depthwise layer
	 * that reads a channel-expanding pointwise layer, that pointwise layer, a squeeze-excite reading the depthwise,
	 * and the pointwise projection reading either.
	 */
	static Set<String> invertedResidualLayers(List<Layer> layers) {
		java.util.Map<String, Layer> byName = new java.util.HashMap<>();
		layers.forEach(l -> byName.put(l.name(), l));
		// consumers by input name (a layer reads inputs().get(0))
		java.util.Map<String, List<Layer>> readers = new java.util.HashMap<>();
		for (Layer l : layers) {
			if (!l.inputs().isEmpty()) {
				readers.computeIfAbsent(l.inputs().get(0), k -> new ArrayList<>()).add(l);
			}
		}
		Set<String> ir = new HashSet<>();
		for (Layer l : layers) {
			if (l.kind() != LayerKind.DEPTHWISE || l.inputs().isEmpty()) {
				continue;
			}
			Layer expand = byName.get(l.inputs().get(0));
			if (expand == null || expand.kind() != LayerKind.POINTWISE || expand.outChannels() <= expand.inChannels()) {
				continue;
			}
			// the block must narrow again: a pointwise projection reading the depthwise (or its squeeze-excite) with
			// fewer channels (MobileNetV1's widening pointwise before a depthwise is not an inverted residual)
			List<Layer> block = new ArrayList<>();
			Layer projection = null;
			for (Layer r : readers.getOrDefault(l.name(), List.of())) {
				if (r.kind() == LayerKind.POINTWISE && r.outChannels() < l.outChannels()) {
					projection = r;
				} else if (r.kind() == LayerKind.SQUEEZE_EXCITE) {
					for (Layer r2 : readers.getOrDefault(r.name(), List.of())) {
						if (r2.kind() == LayerKind.POINTWISE && r2.outChannels() < l.outChannels()) {
							projection = r2;
							block.add(r);
						}
					}
				}
			}
			if (projection != null) {
				ir.add(expand.name());
				ir.add(l.name());
				ir.add(projection.name());
				block.forEach(x -> ir.add(x.name()));
			}
		}
		return ir;
	}

	/**
	 * Features of an expanded network: MACs and weights after pruning; block-type indicators of what the network is,
	 * the same whether it is written with MBConv ops or as plain ops (imported from ONNX): inverted_residual = 1 when
	 * layers of MBConv ops or of inverted-residual blocks recognised in the graph ({@link #invertedResidualLayers})
	 * carry at least {@link #BLOCK_SHARE} of the dense MACs, dense_conv = 1 when ungrouped k x k convolutions (k > 1)
	 * carry at least {@link #DENSE_CONV_SHARE}, channel_shuffle = 1 if any SHUFFLE layer, swish = 1 if any layer's activation is SiLU or hard-swish, squeeze-excite = 1 if any SE
	 * layer; bit-widths and pruning weighted by each layer's dense-MAC share (weights) (POOL/ADD layers have no MACs
	 * and do not count). A K-class fully connected classifier is counted with 1000 outputs (the table's ImageNet
	 * head).
	 */
	public static Features featuresOf(ExpandedNetwork net) {
		return featuresOf(net, false);
	}

	/**
	 * {@link #featuresOf} of the network before pruning: dense MACs, weights and inverted-residual share, pruning
	 * ratio 0 (what the float model is evaluated at; the pruning drop model takes the pruning).
	 */
	public static Features denseFeaturesOf(ExpandedNetwork net) {
		return featuresOf(net, true);
	}

	private static Features featuresOf(ExpandedNetwork net, boolean beforePruning) {
		Set<String> mb = new HashSet<>();
		for (SubgraphSpec s : net.spec().subgraphs()) {
			for (OpSpec op : s.ops()) {
				if (op instanceof MBConv m) {
					mb.add(m.name());
				}
			}
		}
		Set<String> irLayers = invertedResidualLayers(net.layers());
		double total = 0, ir = 0, q = 0, wb = 0, ab = 0, pr = 0, dense = 0, denseConv = 0;
		boolean se = false, shuffle = false, swish = false;
		for (Layer l : net.layers()) {
			if (l.kind() == LayerKind.SQUEEZE_EXCITE) {
				se = true;
			}
			if (l.kind() == LayerKind.SHUFFLE) {
				shuffle = true;
			}
			if (l.activation() == Activation.SILU || l.activation() == Activation.HSWISH) {
				swish = true;
			}
			double dm = l.denseMacs();
			double m = beforePruning ? dm : l.macs();
			if (dm <= 0) {
				continue;
			}
			total += m;
			dense += dm;
			if (mb.contains(l.sourceOp()) || irLayers.contains(l.name())) {
				ir += dm;
			}
			if (l.kind() == LayerKind.CONV && l.groups() == 1 && l.kernel() > 1) {
				denseConv += dm;
			}
			q += dm * Features.quantNoise(l.bits().weightBits(), l.bits().activationBits());
			wb += dm * l.bits().weightBits();
			ab += dm * l.bits().activationBits();
			pr += dm * l.pruning().ratio();
		}
		if (dense == 0) {
			throw new IllegalArgumentException("network " + net.spec().name() + " has no layer with MACs");
		}
		// the table's networks have ImageNet's 1000-class classifier: count a K-class head as a 1000-class one, so
		// that the head's size does not pass for a different backbone (the class count acts in prediction())
		double head = 0;
		int k = classes(net);
		if (k > 0 && k != 1000) {
			Layer fc = net.layers().stream().filter(l -> l.kind() == LayerKind.FULLY_CONNECTED).reduce((x, y) -> y)
					.orElseThrow();
			head = (double) fc.inChannels() * (1000 - k);
		}
		double weights = beforePruning ? net.layers().stream().mapToDouble(Layer::denseWeights).sum() : net.weights();
		return new Features(Math.max(total + head, 1) / 1e6, Math.max(weights + head, 1) / 1e6,
				net.spec().input().height(), ir / dense >= BLOCK_SHARE ? 1 : 0, se ? 1 : 0, wb / dense, ab / dense,
				q / dense, beforePruning ? 0 : pr / dense, denseConv / dense >= DENSE_CONV_SHARE ? 1 : 0,
				shuffle ? 1 : 0, swish ? 1 : 0);
	}

	/** Absolute leave-one-out residuals of the float model, one per table row in table order (points). */
	public double[] looAbsResiduals() {
		return looAbs.clone();
	}

	/** The drop model this predictor subtracts. */
	public DropModel drops() {
		return drops;
	}

	/** The quantization method predictions assume. */
	public Quantization quantization() {
		return quantization;
	}

	/** Half-width of the float model's interval: the 90 % quantile of its absolute leave-one-out residuals. */
	public double halfWidthFloat() {
		return halfWidthFloat;
	}

	/** Leave-one-out mean absolute error (top-1 points) at the chosen ridge strength. */
	public double looMae() {
		return looMae;
	}

	public double looRmse() {
		return looRmse;
	}

	public double lambda() {
		return lambda;
	}

	public int rows() {
		return rows;
	}

	public String source() {
		return source;
	}

	/** Fitted coefficients per (standardised) feature name; dropped constant features are absent. */
	public Map<String, Double> coefficients() {
		Map<String, Double> m = new java.util.LinkedHashMap<>();
		for (int j = 0; j < beta.length; j++) {
			if (used[j]) {
				m.put(Features.NAMES[j], beta[j]);
			}
		}
		return m;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"ridge predictor on %s: %d rows, lambda %.4g, LOO MAE %.3f, LOO RMSE %.3f; %s;" + " quantization %s",
				source, rows, lambda, looMae, looRmse, drops, quantization.describe());
	}
}
