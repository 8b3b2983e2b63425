package org.hao.engine.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.DropModel;

/**
 * The predictor's quality, printed by {@code releng/bench-engine}: leave-one-out MAE on float, pruned, 8-bit and
 * sub-8-bit rows separately, all rows together, leave-one-family-out on the drop table, and the empirical coverage
 * of the intervals. All figures are measured in this run.
 */
public final class PredictorQuality {
    private PredictorQuality() {
    }

    public static void main(String[] args) {
        print(AccuracyPredictor.builtIn());
    }

    /** Prints the figures of {@code p} (fitted on the built-in tables). */
    public static void print(AccuracyPredictor p) {
        List<AccuracyPredictor.Row> rows;
        try (Reader r = new InputStreamReader(AccuracyPredictor.class.getResourceAsStream(AccuracyPredictor.BUILT_IN_RESOURCE),
                StandardCharsets.UTF_8)) {
            rows = AccuracyPredictor.read(r, "imagenet-top1.csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        double[] floatLoo = p.looAbsResiduals();
        List<Double> dense = new ArrayList<>(), pruned = new ArrayList<>(), all = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (rows.get(i).features().pruneRatio() > 0 ? pruned : dense).add(floatLoo[i]);
            all.add(floatLoo[i]);
        }
        DropModel d = p.drops();
        List<Double> byte8 = new ArrayList<>(), sub = new ArrayList<>();
        double cover = 0, coverF = 0;
        for (DropModel.Residual r : d.looResiduals()) {
            double e = Math.abs(r.residual());
            (r.row().subByte() ? sub : byte8).add(e);
            all.add(e);
            cover += e <= (r.row().subByte() ? d.halfWidthSubByte() : d.halfWidthByte()) ? 1 : 0;
        }
        for (double e : floatLoo) {
            coverF += e <= p.halfWidthFloat() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%nPredictor quality (leave-one-out, refit without the row; top-1 points):%n");
        System.out.printf(Locale.ROOT, "  %-46s %4s %7s%n", "rows", "n", "LOO MAE");
        line("float, dense (float model, absolute top-1)", dense);
        line("float, pruned (float model, absolute top-1)", pruned);
        line("8-bit (drop model, on the drop)", byte8);
        line("sub-8-bit and mixed (drop model, on the drop)", sub);
        line("all rows (target <= 0.8)", all);
        System.out.printf(Locale.ROOT, "  targets: sub-8-bit <= 1.0 on the drop: %s; all rows <= 0.8: %s%n",
                mean(sub) <= 1.0 ? "met" : "NOT met", mean(all) <= 0.8 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "  drop model: kappa %.2f (weights), %.2f (activations), lambda %.3g, coefficients %s%n",
                d.kappa(), d.kappaAct(), d.lambda(),
                d.coefficients());
        System.out.printf(Locale.ROOT, "  %.0f %% intervals (half-widths: float %.2f, 8-bit drop %.2f, sub-8-bit drop %.2f):"
                + " coverage of the LOO residuals %.1f %% (float), %.1f %% (drop)%n", DropModel.INTERVAL_LEVEL * 100,
                p.halfWidthFloat(), d.halfWidthByte(), d.halfWidthSubByte(), 100 * coverF / floatLoo.length,
                100 * cover / d.looResiduals().size());
        System.out.printf(Locale.ROOT, "  leave-one-family-out on the drop (family held out entirely):%n");
        for (Map.Entry<String, double[]> e : d.leaveOneFamilyOut().entrySet()) {
            System.out.printf(Locale.ROOT, "    %-20s %3d rows  MAE %.3f%n", e.getKey(), (int) e.getValue()[0], e.getValue()[1]);
        }
        // rows with identical inputs but different published drops bound what any model of these inputs can reach
        Map<String, List<Double>> same = new LinkedHashMap<>();
        for (DropModel.Row r : d.fittedRows()) {
            if (r.subByte()) {
                String key = r.family() + r.layers().stream().map(l -> l.weightBits() + "/" + l.actBits()).distinct().toList()
                        + r.method();
                same.computeIfAbsent(key, k -> new ArrayList<>()).add(r.drop());
            }
        }
        for (List<Double> g : same.values()) {
            if (g.size() > 1) {
                System.out.printf(Locale.ROOT, "    same inputs, different published drops: %s%n",
                        g.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
            }
        }
        System.out.printf(Locale.ROOT, "  rows kept out of the fit (predicted vs published drop):%n");
        for (DropModel.Row r : d.rows()) {
            if (!r.use()) {
                System.out.printf(Locale.ROOT, "    %-26s predicted %6.2f, published %s%n", r.id(), d.predict(r),
                        Double.isNaN(r.floatTop1()) ? "n/a (no float baseline)" : String.format(Locale.ROOT, "%.2f", r.drop()));
            }
        }
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static void line(String label, List<Double> v) {
        System.out.printf(Locale.ROOT, "  %-46s %4d %7.3f%n", label, v.size(), mean(v));
    }
}
