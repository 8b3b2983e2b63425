package org.hao.engine.predict;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.hao.engine.model.Quantization;

/**
 * The top-1 drop of a quantization scheme against the same network in float, modelled HAWQ-style as a sum over the
 * network's weight layers of (sensitivity of the layer's role) x (quantization perturbation of the layer at its
 * bit-width), with the method (PTQ vs QAT, per-tensor scales, power-of-two scales) scaling the sensitivities.
 *
 * <p>Perturbation of a layer at b bits: {@code 2^(kappa (8 - b))} (1 at 8 bit, 0 in float); kappa is fitted (the
 * quantization step scales as 2^-b; accuracy follows it with an exponent the table decides). A body layer (every
 * weight layer but the first and the last) enters with weight 1/N (N = weight layers of the network), so the terms are
 * "mean perturbation of the body"; the first and the last layer enter with weight 1/2 each, whatever N is (they are
 * single layers that the published rows single out). Features ({@link #NAMES}): body weights of dense (conv,
 * pointwise, FC) and of depthwise layers, body activations, first/last weights; the same four times [PTQ]; depthwise
 * weights times [per-tensor]; [power-of-two scales] times (1 + depthwise share). Coefficients are non-negative (more
 * bits never lose accuracy), fitted by ridge on columns scaled to unit RMS, no intercept (float = no drop), with
 * negative coefficients removed one at a time (the most negative first) and the rest refitted. kappa and the ridge
 * strength are chosen by leave-one-out MAE (refit per left-out row) over {@link #KAPPAS} x {@link #LAMBDAS}.
 *
 * <p>Intervals: the {@link #INTERVAL_LEVEL} quantile of the absolute leave-one-out residuals, separately for rows at
 * 8 bit and above and for rows with a layer below 8 bit (the spread differs by a factor of about three).
 *
 * <p>Data: data/quant-drops.csv (see docs/predictor.md). Immutable and thread-safe.
 */
public final class DropModel {
    /** Where the built-in table lives on the class path. */
    public static final String BUILT_IN_RESOURCE = "/data/quant-drops.csv";
    static final double[] KAPPAS = {0.75, 1.0, 1.25, 1.5};
    static final double[] LAMBDAS = {0.3, 1, 3, 10, 30, 100};
    /** Coverage aimed at by the intervals (empirical quantile of leave-one-out residuals). */
    public static final double INTERVAL_LEVEL = 0.9;
    /** Feature names, in the order of the coefficients. */
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
    private final double kappa;
    private final double kappaAct;
    private final double lambda;
    private final double[] theta;
    private final List<Residual> loo;
    private final double halfWidthByte;
    private final double halfWidthSubByte;
    private final double minWeightBits;
    private final double minActBits;
    private final Set<String> subByteMethods;

    private DropModel(String source, List<Row> rows, List<Row> fitted, double kappa, double kappaAct, double lambda,
            double[] theta, List<Residual> loo) {
        this.source = source;
        this.rows = List.copyOf(rows);
        this.fitted = List.copyOf(fitted);
        this.kappa = kappa;
        this.kappaAct = kappaAct;
        this.lambda = lambda;
        this.theta = theta;
        this.loo = List.copyOf(loo);
        this.halfWidthByte = quantile(loo.stream().filter(r -> !r.row().subByte()).mapToDouble(r -> Math.abs(r.residual()))
                .toArray());
        this.halfWidthSubByte = quantile(loo.stream().filter(r -> r.row().subByte())
                .mapToDouble(r -> Math.abs(r.residual())).toArray());
        double mw = 32, ma = 32;
        Set<String> methods = new LinkedHashSet<>();
        for (Row r : fitted) {
            for (QLayer l : r.layers()) {
                mw = Math.min(mw, l.weightBits());
                if (l.role() != Role.FIRST && l.role() != Role.LAST) {
                    ma = Math.min(ma, l.actBits());
                }
            }
            if (r.subByte()) {
                methods.add(methodKey(r.method()));
            }
        }
        this.minWeightBits = mw;
        this.minActBits = ma;
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
        return q.training() + "/" + q.granularity() + "/" + q.scales();
    }

    // ------------------------------------------------------------------ table

    /** The model fitted on the table shipped with the engine. */
    public static DropModel builtIn() {
        try (InputStream in = DropModel.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in drop table " + BUILT_IN_RESOURCE
                        + " is not on the class path (bundle root of org.hao.engine)");
            }
            return fit(read(new InputStreamReader(in, StandardCharsets.UTF_8), "quant-drops.csv"), "quant-drops.csv");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN_RESOURCE + ": " + e, e);
        }
    }

    /**
     * Reads a drop table. Columns: id, family, n_layers (weight layers), n_depthwise, w_bits, a_bits (body; decimals
     * allowed for mixed precision: the b with 2^(8-b) = the body's mean of 2^(8-b_l)), first_bits, last_bits, method
     * (qat | ptq; other words only on rows with use 0), granularity (per-channel | per-tensor), scales (float | pow2),
     * top1, float_top1, use (1 | 0), note, source. Errors name file:line.
     */
    public static List<Row> read(Reader reader, String name) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, fmt)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String req : List.of("id", "family", "n_layers", "n_depthwise", "w_bits", "a_bits", "first_bits",
                    "last_bits", "method", "granularity", "scales", "top1", "float_top1", "use", "source")) {
                if (header == null || !header.containsKey(req)) {
                    throw new PredictorDataException(name, 1, "missing required column '" + req + "'");
                }
            }
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new PredictorDataException(name, line, "expected " + header.size() + " fields, found " + rec.size());
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
                    tr = Quantization.Training.PTQ;
                } else {
                    throw new PredictorDataException(name, line, "column method: '" + m + "' is not qat or ptq");
                }
                Quantization.Granularity g = switch (rec.get("granularity")) {
                    case "per-channel" -> Quantization.Granularity.PER_CHANNEL;
                    case "per-tensor" -> Quantization.Granularity.PER_TENSOR;
                    default -> throw new PredictorDataException(name, line, "column granularity: '" + rec.get("granularity")
                            + "' is not per-channel or per-tensor");
                };
                Quantization.Scales s = switch (rec.get("scales")) {
                    case "float" -> Quantization.Scales.FLOAT;
                    case "pow2" -> Quantization.Scales.POWER_OF_TWO;
                    default -> throw new PredictorDataException(name, line, "column scales: '" + rec.get("scales")
                            + "' is not float or pow2");
                };
                Quantization q = new Quantization(tr, fb >= 8 && lb >= 8, g, s, null);
                out.add(new Row(rec.get("id"), rec.get("family"), line, tableLayers(n, dw, wb, ab, fb, lb), q, top1, ft, use,
                        rec.isMapped("note") ? rec.get("note") : "", rec.get("source")));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PredictorDataException(name, 0, "cannot parse: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof PredictorDataException pe) {
                throw pe;
            }
            throw new PredictorDataException(name, 0, "malformed CSV: " + e.getMessage());
        }
        return out;
    }

    /** The weight layers a table row stands for: first, depthwise and dense body layers, last. */
    static List<QLayer> tableLayers(int n, int dw, double wb, double ab, double fb, double lb) {
        List<QLayer> l = new ArrayList<>(n);
        l.add(new QLayer("first", Role.FIRST, fb, 8));
        for (int i = 0; i < dw; i++) {
            l.add(new QLayer("dw" + i, Role.DEPTHWISE, wb, ab));
        }
        for (int i = 0; i < n - 2 - dw; i++) {
            l.add(new QLayer("dense" + i, Role.DENSE, wb, ab));
        }
        l.add(new QLayer("last", Role.LAST, lb, 8));
        return l;
    }

    // ------------------------------------------------------------------ features

    static double perturbation(double bits, double kappa) {
        return bits >= 32 ? 0 : Math.pow(2, kappa * (8 - bits));
    }

    /** Bits a layer is quantized to under {@code q}: the first and last layer at least 8 when q keeps them at 8 bit. */
    static double effectiveWeightBits(QLayer l, Quantization q) {
        if (q.firstLast8Bit() && (l.role() == Role.FIRST || l.role() == Role.LAST) && l.weightBits() < 8) {
            return 8;
        }
        return l.weightBits();
    }

    /**
     * Feature contributions: row i = layer i's weight part, row n + i = its activation part, row 2n = network-level
     * terms. The network's feature vector is the column sum.
     */
    static double[][] contributions(List<QLayer> layers, Quantization q, double kappa, double kappaAct) {
        int n = layers.size();
        double[][] c = new double[2 * n + 1][P];
        double ptq = q.training() == Quantization.Training.PTQ ? 1 : 0;
        double pt = q.granularity() == Quantization.Granularity.PER_TENSOR ? 1 : 0;
        int dw = 0;
        boolean quantized = false;
        for (int i = 0; i < n; i++) {
            QLayer l = layers.get(i);
            double wb = effectiveWeightBits(l, q);
            double pw = perturbation(wb, kappa), pa = perturbation(l.actBits(), kappaAct);
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

    static double[] features(List<QLayer> layers, Quantization q, double kappa, double kappaAct) {
        double[] x = new double[P];
        for (double[] row : contributions(layers, q, kappa, kappaAct)) {
            for (int j = 0; j < P; j++) {
                x[j] += row[j];
            }
        }
        return x;
    }

    // ------------------------------------------------------------------ fit

    /** Fits on the rows with use = 1; kappa and lambda by leave-one-out MAE. */
    public static DropModel fit(List<Row> all, String name) {
        List<Row> use = all.stream().filter(Row::use).toList();
        if (use.size() < P + 3) {
            throw new PredictorDataException(name, 0, "needs at least " + (P + 3) + " rows with use 1, has " + use.size());
        }
        double[] y = use.stream().mapToDouble(Row::drop).toArray();
        // stage 1: the two exponents at a middle ridge strength; stage 2: the ridge strength at those exponents
        double bestMae = Double.POSITIVE_INFINITY, bestK = KAPPAS[0], bestKa = KAPPAS[0], bestL = LAMBDAS[LAMBDAS.length / 2];
        double[] bestE = null;
        for (double k : KAPPAS) {
            for (double ka : KAPPAS) {
                double[][] x = use.stream().map(r -> features(r.layers(), r.method(), k, ka)).toArray(double[][]::new);
                double[] e = looResiduals(x, y, bestL);
                double mae = Arrays.stream(e).map(Math::abs).average().orElse(0);
                if (mae < bestMae - 1e-12) {
                    bestMae = mae;
                    bestK = k;
                    bestKa = ka;
                    bestE = e;
                }
            }
        }
        final double kk = bestK, kka = bestKa;
        double[][] x = use.stream().map(r -> features(r.layers(), r.method(), kk, kka)).toArray(double[][]::new);
        for (double lam : LAMBDAS) {
            double[] e = looResiduals(x, y, lam);
            double mae = Arrays.stream(e).map(Math::abs).average().orElse(0);
            if (mae < bestMae - 1e-12) {
                bestMae = mae;
                bestL = lam;
                bestE = e;
            }
        }
        double[] th = nonNegativeRidge(x, y, bestL);
        List<Residual> loo = new ArrayList<>();
        for (int i = 0; i < use.size(); i++) {
            loo.add(new Residual(use.get(i), y[i] - bestE[i], bestE[i]));
        }
        return new DropModel(name, all, use, bestK, bestKa, bestL, th, loo);
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

    /**
     * Predicted drop with per-layer overrides: a measured row replaces the layer's weight part by top1_drop scaled
     * from its measured bit-width to the layer's bit-width with the fitted perturbation law; Hessian rows scale the
     * default weight part of the listed layers by trace / (mean trace of the listed layers present).
     */
    public double drop(List<QLayer> layers, Quantization q, LayerSensitivities sens) {
        double[] d = layerDrops(layers, q, sens);
        double total = 0;
        for (double v : d) {
            total += v;
        }
        return total;
    }

    /** Per-layer drops (weight and activation parts of layer i summed), the last entry the network-level term. */
    public double[] layerDrops(List<QLayer> layers, Quantization q, LayerSensitivities sens) {
        int n = layers.size();
        double[][] c = contributions(layers, q, kappa, kappaAct);
        double[] out = new double[n + 1];
        double traceSum = 0;
        int traces = 0;
        if (sens != null) {
            for (QLayer l : layers) {
                LayerSensitivities.Entry e = sens.get(l.name());
                if (e != null && !e.measured()) {
                    traceSum += e.hessianTrace();
                    traces++;
                }
            }
        }
        double meanTrace = traces == 0 ? 0 : traceSum / traces;
        for (int i = 0; i < n; i++) {
            QLayer l = layers.get(i);
            double w = dot(c[i], theta);
            LayerSensitivities.Entry e = sens == null ? null : sens.get(l.name());
            if (e != null && e.measured()) {
                double wb = effectiveWeightBits(l, q);
                w = e.top1Drop() * perturbation(wb, kappa) / perturbation(e.bits(), kappa);
            } else if (e != null && meanTrace > 0) {
                w *= e.hessianTrace() / meanTrace;
            }
            out[i] = w + dot(c[n + i], theta);
        }
        out[n] = dot(c[2 * n], theta);
        return out;
    }

    /** Half-width of the {@link #INTERVAL_LEVEL} interval of a drop prediction for these layers (0 in float). */
    public double halfWidth(List<QLayer> layers) {
        boolean quantized = false;
        for (QLayer l : layers) {
            quantized |= l.weightBits() < 32 || l.actBits() < 32;
        }
        return !quantized ? 0 : subByte(layers) ? halfWidthSubByte : halfWidthByte;
    }

    /** Null inside the table's domain, else words saying which bound and by how much. */
    public String extrapolation(List<QLayer> layers, Quantization q) {
        List<String> out = new ArrayList<>();
        double mw = 32, ma = 32;
        for (QLayer l : layers) {
            mw = Math.min(mw, effectiveWeightBits(l, q));
            if (l.role() != Role.FIRST && l.role() != Role.LAST) {
                ma = Math.min(ma, l.actBits());
            }
        }
        if (mw < minWeightBits) {
            out.add(String.format(Locale.ROOT, "%s-bit weights below the drop table's smallest %s bits (by %s)", fmt(mw),
                    fmt(minWeightBits), fmt(minWeightBits - mw)));
        }
        if (ma < minActBits) {
            out.add(String.format(Locale.ROOT, "%s-bit activations below the drop table's smallest %s bits (by %s)", fmt(ma),
                    fmt(minActBits), fmt(minActBits - ma)));
        }
        if (subByte(layers) && !subByteMethods.contains(methodKey(q))) {
            out.add("no published row below 8 bit with " + q.training() + ", "
                    + q.granularity().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", "
                    + q.scales().name().toLowerCase(Locale.ROOT).replace('_', '-') + " scales: the method terms are"
                    + " combined from other rows");
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

    /** Leave-one-out residuals of the fitted rows at the chosen kappa and lambda. */
    public List<Residual> looResiduals() {
        return loo;
    }

    /**
     * Leave-one-family-out: for each family, the mean absolute drop error of its rows predicted by a model fitted on
     * the other families' rows (same kappa and lambda). Map family -> {rows, MAE}.
     */
    public Map<String, double[]> leaveOneFamilyOut() {
        Map<String, double[]> out = new LinkedHashMap<>();
        Set<String> fams = new LinkedHashSet<>();
        fitted.forEach(r -> fams.add(r.family()));
        for (String f : fams) {
            List<Row> train = fitted.stream().filter(r -> !r.family().equals(f)).toList();
            List<Row> test = fitted.stream().filter(r -> r.family().equals(f)).toList();
            double[][] x = train.stream().map(r -> features(r.layers(), r.method(), kappa, kappaAct)).toArray(double[][]::new);
            double[] th = nonNegativeRidge(x, train.stream().mapToDouble(Row::drop).toArray(), lambda);
            double s = 0;
            for (Row r : test) {
                s += Math.abs(r.drop() - dot(features(r.layers(), r.method(), kappa, kappaAct), th));
            }
            out.put(f, new double[] {test.size(), s / test.size()});
        }
        return out;
    }

    /** Fitted coefficients by feature name (drop points per unit of the feature). */
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

    /** Exponent of the weights' perturbation law 2^(kappa (8 - b)). */
    public double kappa() {
        return kappa;
    }

    /** Exponent of the activations' perturbation law. */
    public double kappaAct() {
        return kappaAct;
    }

    public double lambda() {
        return lambda;
    }

    public double halfWidthByte() {
        return halfWidthByte;
    }

    public double halfWidthSubByte() {
        return halfWidthSubByte;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        double mae = loo.stream().mapToDouble(r -> Math.abs(r.residual())).average().orElse(0);
        return String.format(Locale.ROOT, "drop model on %s: %d rows fitted (%d in the table), kappa %.2f (weights) %.2f"
                + " (activations), lambda %.3g, LOO MAE %.3f", source, fitted.size(), rows.size(), kappa, kappaAct, lambda, mae);
    }
}
