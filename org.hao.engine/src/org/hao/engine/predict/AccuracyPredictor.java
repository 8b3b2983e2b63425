package org.hao.engine.predict;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.SubgraphSpec;

/**
 * ImageNet top-1 predictor: ridge regression on standardised features (see {@link Features#vector()}), the ridge
 * strength chosen by exact leave-one-out error computed in closed form from the hat matrix
 * ({@code e_loo,i = e_i / (1 - h_ii)}, with the intercept's 1/n added to h_ii). See docs/predictor.md.
 *
 * <p>Immutable and thread-safe once fitted.
 */
public final class AccuracyPredictor {
    /** Where the built-in table lives on the class path (the bundle root holds data/). */
    public static final String BUILT_IN_RESOURCE = "/data/imagenet-top1.csv";
    static final double[] LAMBDAS = {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};

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

    private AccuracyPredictor(String source, int rows, boolean[] used, double[] mean, double[] scale, double[] beta,
            double intercept, double lambda, double looMae, double looRmse, double[] min, double[] max, double[] rawMin,
            double[] rawMax) {
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
                        try (InputStream in = AccuracyPredictor.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                            if (in == null) {
                                throw new IllegalStateException("the built-in predictor table " + BUILT_IN_RESOURCE
                                        + " is not on the class path (bundle root of org.hao.engine)");
                            }
                            p = fit(new InputStreamReader(in, StandardCharsets.UTF_8), "imagenet-top1.csv");
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read " + BUILT_IN_RESOURCE + ": " + e, e);
                        }
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
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, fmt)) {
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
                    throw new PredictorDataException(name, line, "expected " + header.size() + " fields, found " + rec.size());
                }
                double macs = num(rec, "macs_m", null, name, line, 1e-6, 1e7);
                double params = num(rec, "params_m", null, name, line, 1e-6, 1e5);
                double res = num(rec, "resolution", null, name, line, 8, 4096);
                double ir = num(rec, "inverted_residual", 0.0, name, line, 0, 1);
                double se = num(rec, "squeeze_excite", 0.0, name, line, 0, 1);
                double wb = num(rec, "weight_bits", 32.0, name, line, 1, 32);
                double ab = num(rec, "act_bits", 32.0, name, line, 1, 32);
                double pr = num(rec, "prune_ratio", 0.0, name, line, 0, 0.999);
                double top1 = num(rec, "top1", null, name, line, 0.1, 100);
                String model = rec.isMapped("model") ? rec.get("model") : "row" + line;
                String src = rec.isMapped("source") ? rec.get("source") : "";
                rows.add(new Row(model, line, Features.uniform(macs, params, res, ir, se, wb, ab, pr), top1, src));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PredictorDataException(name, 0, "cannot parse: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof PredictorDataException pe) {
                throw pe;
            }
            throw new PredictorDataException(name, 0, "malformed CSV: " + e.getMessage());
        }
        return rows;
    }

    private static double num(CSVRecord rec, String col, Double dflt, String file, long line, double lo, double hi) {
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
            throw new PredictorDataException(file, line, "column " + col + ": " + s + " is outside [" + lo + ", " + hi + "]");
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
            throw new PredictorDataException(name, 0, "needs at least " + (p + 3) + " rows to fit " + p
                    + " varying features, has " + n);
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
        RealMatrix xm = new Array2DRowRealMatrix(x, false);
        RealVector yc = new ArrayRealVector(y).mapSubtract(ym);
        RealMatrix xtx = xm.transpose().multiply(xm);
        RealVector xty = xm.transpose().operate(yc);
        double bestLambda = Double.NaN, bestMse = Double.POSITIVE_INFINITY, bestMae = Double.NaN;
        RealVector bestBeta = null;
        for (double lam : LAMBDAS) {
            RealMatrix a = xtx.add(MatrixUtils.createRealIdentityMatrix(p).scalarMultiply(lam));
            RealMatrix inv = new CholeskyDecomposition(a, 1e-12, 1e-14).getSolver().getInverse();
            RealVector b = inv.operate(xty);
            double sse = 0, sae = 0;
            for (int i = 0; i < n; i++) {
                RealVector xi = xm.getRowVector(i);
                double h = xi.dotProduct(inv.operate(xi)) + 1.0 / n;
                double e = yc.getEntry(i) - xi.dotProduct(b);
                double eloo = e / (1 - h);
                sse += eloo * eloo;
                sae += Math.abs(eloo);
            }
            if (sse / n < bestMse) {
                bestMse = sse / n;
                bestMae = sae / n;
                bestLambda = lam;
                bestBeta = b;
            }
        }
        double[] beta = new double[pAll];
        int k = 0;
        for (int j = 0; j < pAll; j++) {
            if (used[j]) {
                beta[j] = bestBeta.getEntry(k++);
            }
        }
        double[] rawMin = new double[4], rawMax = new double[4];
        java.util.Arrays.fill(rawMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(rawMax, Double.NEGATIVE_INFINITY);
        for (Row r : data) {
            double[] v = {r.features().macsM(), r.features().paramsM(), Math.min(r.features().weightBits(), r.features().actBits()),
                r.features().pruneRatio()};
            for (int j = 0; j < 4; j++) {
                rawMin[j] = Math.min(rawMin[j], v[j]);
                rawMax[j] = Math.max(rawMax[j], v[j]);
            }
        }
        return new AccuracyPredictor(name, n, used, mean, scale, beta, ym, bestLambda, bestMae, Math.sqrt(bestMse), min, max,
                rawMin, rawMax);
    }

    /** Predicted ImageNet top-1 (percent, clamped to [0, 100]). */
    public double predict(Features f) {
        double[] v = f.vector();
        double s = intercept;
        for (int j = 0; j < v.length; j++) {
            if (used[j]) {
                s += beta[j] * (v[j] - mean[j]) / scale[j];
            }
        }
        return Math.max(0, Math.min(100, s));
    }

    /** Predicted top-1 of an expanded network. */
    public double predict(ExpandedNetwork net) {
        return predict(featuresOf(net));
    }

    /**
     * Null when {@code f} lies inside the table's range, otherwise words saying where the prediction extrapolates
     * (bits below the smallest in the table, pruning beyond it, MACs or params outside).
     */
    public String extrapolation(Features f) {
        List<String> out = new ArrayList<>();
        // each test compares the figures as printed: a difference the message cannot show ("5.4-bit operands below
        // the table's smallest 5.4 bits") is no extrapolation worth a warning
        if (below(f.macsM(), rawMin[0] * 0.999, "%.1f") || above(f.macsM(), rawMax[0] * 1.001, "%.1f")) {
            out.add(String.format(Locale.ROOT, "%.1f M MACs outside the table's %.1f..%.1f", f.macsM(), rawMin[0], rawMax[0]));
        }
        if (below(f.paramsM(), rawMin[1] * 0.999, "%.2f") || above(f.paramsM(), rawMax[1] * 1.001, "%.2f")) {
            out.add(String.format(Locale.ROOT, "%.2f M params outside the table's %.2f..%.2f", f.paramsM(), rawMin[1], rawMax[1]));
        }
        double bits = Math.min(f.weightBits(), f.actBits());
        if (below(bits, rawMin[2] - 1e-9, "%.1f")) {
            out.add(String.format(Locale.ROOT, "%.1f-bit operands below the table's smallest %.1f bits", bits, rawMin[2]));
        }
        if (above(f.pruneRatio(), rawMax[3] + 1e-9, "%.2f")) {
            out.add(String.format(Locale.ROOT, "pruning ratio %.2f beyond the table's largest %.2f"
                    + (rawMax[3] == 0 ? " (the pruning effect is not fitted: pruned MACs/params only act through the"
                            + " size features)" : ""), f.pruneRatio(), rawMax[3]));
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /**
     * Layers of inverted-residual blocks written as a graph (e.g. imported from ONNX, no MBConv op): a depthwise layer
     * that reads a channel-expanding pointwise layer, that pointwise layer, a squeeze-excite reading the depthwise,
     * and the pointwise projection reading either.
     */
    static Set<String> invertedResidualLayers(List<Layer> layers) {
        java.util.Map<String, Layer> byName = new java.util.HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        Set<String> ir = new HashSet<>();
        for (Layer l : layers) {
            if (l.kind() != LayerKind.DEPTHWISE || l.inputs().isEmpty()) {
                continue;
            }
            Layer expand = byName.get(l.inputs().get(0));
            if (expand != null && expand.kind() == LayerKind.POINTWISE && expand.outChannels() > expand.inChannels()) {
                ir.add(expand.name());
                ir.add(l.name());
            }
        }
        for (Layer l : layers) {
            boolean readsBlock = !l.inputs().isEmpty() && ir.contains(l.inputs().get(0));
            if (readsBlock && byName.get(l.inputs().get(0)).kind() != LayerKind.POINTWISE
                    && (l.kind() == LayerKind.SQUEEZE_EXCITE || l.kind() == LayerKind.POINTWISE)) {
                ir.add(l.name());
            }
        }
        for (Layer l : layers) { // the projection after a squeeze-excite
            if (l.kind() == LayerKind.POINTWISE && !l.inputs().isEmpty() && ir.contains(l.inputs().get(0))
                    && byName.get(l.inputs().get(0)).kind() == LayerKind.SQUEEZE_EXCITE) {
                ir.add(l.name());
            }
        }
        return ir;
    }

    /** {@code value < bound} and the two differ when printed with {@code format}. */
    private static boolean below(double value, double bound, String format) {
        return value < bound && !String.format(Locale.ROOT, format, value).equals(String.format(Locale.ROOT, format,
                bound));
    }

    /** {@code value > bound} and the two differ when printed with {@code format}. */
    private static boolean above(double value, double bound, String format) {
        return value > bound && !String.format(Locale.ROOT, format, value).equals(String.format(Locale.ROOT, format,
                bound));
    }

    /**
     * Features of an expanded network: MACs and weights after pruning; inverted-residual share = MAC share of layers
     * from MBConv ops; squeeze-excite = 1 if any SE layer; bit-widths and pruning weighted by each layer's dense-MAC
     * share (weights) (POOL/ADD layers have no MACs and do not count).
     */
    public static Features featuresOf(ExpandedNetwork net) {
        Set<String> mb = new HashSet<>();
        for (SubgraphSpec s : net.spec().subgraphs()) {
            for (OpSpec op : s.ops()) {
                if (op instanceof MBConv m) {
                    mb.add(m.name());
                }
            }
        }
        Set<String> irLayers = invertedResidualLayers(net.layers());
        double total = 0, ir = 0, q = 0, wb = 0, ab = 0, pr = 0, dense = 0;
        boolean se = false;
        for (Layer l : net.layers()) {
            if (l.kind() == LayerKind.SQUEEZE_EXCITE) {
                se = true;
            }
            double m = l.macs();
            double dm = l.denseMacs();
            if (dm <= 0) {
                continue;
            }
            total += m;
            dense += dm;
            if (mb.contains(l.sourceOp()) || irLayers.contains(l.name())) {
                ir += m;
            }
            q += dm * Features.quantNoise(l.bits().weightBits(), l.bits().activationBits());
            wb += dm * l.bits().weightBits();
            ab += dm * l.bits().activationBits();
            pr += dm * l.pruning().ratio();
        }
        if (dense == 0) {
            throw new IllegalArgumentException("network " + net.spec().name() + " has no layer with MACs");
        }
        return new Features(Math.max(total, 1) / 1e6, Math.max(net.weights(), 1) / 1e6, net.spec().input().height(),
                total == 0 ? 0 : ir / total, se ? 1 : 0, wb / dense, ab / dense, q / dense, pr / dense);
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
        return String.format(Locale.ROOT, "ridge predictor on %s: %d rows, lambda %.4g, LOO MAE %.3f, LOO RMSE %.3f",
                source, rows, lambda, looMae, looRmse);
    }
}
