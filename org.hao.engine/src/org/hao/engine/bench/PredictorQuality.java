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
import org.hao.engine.predict.PruneDropModel;

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
	/**
	 * The float model's leave-one-out errors by model family (the row name up to its first '-'; torchvision's rows
	 * separately) and of the rows measured on torchvision's networks, the ones an imported ONNX network resembles.
	 */
	private static void floatFamilies(List<AccuracyPredictor.Row> rows, List<Double> loo) {
		java.util.Map<String, List<Double>> fam = new java.util.TreeMap<>();
		StringBuilder tv = new StringBuilder();
		for (int i = 0; i < rows.size(); i++) {
			String m = rows.get(i).model();
			String key = (m.contains("-") ? m.substring(0, m.indexOf('-')) : m)
					+ (m.endsWith("-torchvision") ? " (torchvision)" : "");
			fam.computeIfAbsent(key, k -> new ArrayList<>()).add(loo.get(i));
			if (m.endsWith("-torchvision") || m.startsWith("ResNet-18") || m.startsWith("ShuffleNetV2-1.0x")) {
				tv.append(String.format(Locale.ROOT, " %s %.2f;", m, loo.get(i)));
			}
		}
		StringBuilder sb = new StringBuilder("    float LOO MAE by family:");
		fam.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.2f (%d);", k,
				v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), v.size())));
		System.out.println(sb);
		System.out.println("    float LOO error of the rows an imported torchvision network matches:" + tv);
	}

	public static void print(AccuracyPredictor p) {
		List<AccuracyPredictor.Row> rows;
		try (Reader r = new InputStreamReader(
				AccuracyPredictor.class.getResourceAsStream(AccuracyPredictor.BUILT_IN_RESOURCE),
				StandardCharsets.UTF_8)) {
			rows = AccuracyPredictor.read(r, "imagenet-top1.csv");
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		double[] floatLoo = p.looAbsResiduals();
		// true leave-one-out of the float model: refit without the row (standardisation and ridge strength included)
		List<Double> dense = new ArrayList<>(), all = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			List<AccuracyPredictor.Row> rest = new ArrayList<>(rows);
			AccuracyPredictor.Row held = rest.remove(i);
			double e = Math.abs(held.top1() - AccuracyPredictor.fit(rest, "loo").floatTop1(held.features()));
			dense.add(e);
			all.add(e);
		}

		DropModel d = p.drops();
		// true leave-one-out: both stages and their hyper-parameters refitted without the held-out row
		List<DropModel.Residual> nested = d.nestedLeaveOneOut();
		List<Double> byte8 = new ArrayList<>(), sub = new ArrayList<>();
		for (DropModel.Residual r : nested) {
			double e = Math.abs(r.residual());
			(r.row().subByte() ? sub : byte8).add(e);
			all.add(e);
		}
		double cover = 0, coverF = 0;
		for (DropModel.Residual r : d.looResiduals()) {
			cover += Math.abs(r.residual()) <= d.halfWidth(r.row().layers(), r.predicted()) ? 1 : 0;
		}
		for (double e : floatLoo) {
			coverF += e <= p.halfWidthFloat() ? 1 : 0;
		}
		System.out.printf(Locale.ROOT,
				"%nPredictor quality (true leave-one-out: every fit and hyper-parameter choice redone"
						+ " without the row; top-1 points):%n");
		System.out.printf(Locale.ROOT, "  %-46s %4s %7s%n", "rows", "n", "LOO MAE");
		line("float, dense (float model, absolute top-1)", dense);
		floatFamilies(rows, dense);
		PruneDropModel pm = AccuracyPredictor.builtInPrune();
		List<PruneDropModel.Residual> prunedNested = pm.nestedLeaveOneOut();
		List<Double> prunedDrop = prunedNested.stream().map(r -> Math.abs(r.residual())).toList();
		all.addAll(prunedDrop);
		line("pruned (pruning drop model, on the drop)", prunedDrop);
		line("8-bit (drop model, on the drop)", byte8);
		line("sub-8-bit and mixed (drop model, on the drop)", sub);
		line("all rows (target <= 0.8)", all);
		System.out.printf(Locale.ROOT, "  targets: sub-8-bit <= 1.0 on the drop: %s; all rows <= 0.8: %s%n",
				mean(sub) <= 1.0 ? "met" : "NOT met", mean(all) <= 0.8 ? "met" : "NOT met");
		double plainSub = d.looResiduals().stream().filter(r -> r.row().subByte())
				.mapToDouble(r -> Math.abs(r.residual())).average().orElse(Double.NaN);
		System.out.printf(Locale.ROOT, "  (drop LOO with the hyper-parameters chosen on all rows, as the intervals use:"
				+ " sub-8-bit %.3f)%n", plainSub);
		int[] pc = d.parameterCount();
		System.out.printf(Locale.ROOT,
				"  drop model: %d coefficients + %d hyper-parameters fitted on %d rows (%d at 8 bit,"
						+ " %d below); float model: %d coefficients + lambda on %d rows%n",
				pc[0], pc[1], d.fittedRows().size(), byte8.size(), sub.size(), p.coefficients().size() + 1,
				rows.size());
		System.out.printf(Locale.ROOT,
				"  pruning drop model: %d coefficients + lambda %.3g on %d rows, coefficients %s,"
						+ " %.0f %% interval +- %.2f%n",
				pm.coefficients().size(), pm.lambda(), pm.fittedRows().size(), round(pm.coefficients()),
				DropModel.INTERVAL_LEVEL * 100, pm.halfWidth());
		System.out.printf(Locale.ROOT, "  8-bit level: lambda %.3g, coefficients %s%n", d.lambda(),
				round(d.coefficients()));
		System.out.printf(Locale.ROOT,
				"  below 8 bit: lambda %.3g, Huber threshold %.3g, depth slope %.2f, coefficients %s%n",
				d.lambdaExcess(), d.huber(), d.depthSlope(), round(d.excessCoefficients()));
		System.out.printf(Locale.ROOT,
				"  %.0f %% intervals (half-widths: float %.2f, 8-bit drop %.2f, sub-8-bit drop %.2f x"
						+ " (1 + drop)): coverage of the LOO residuals %.1f %% (float), %.1f %% (drop)%n",
				DropModel.INTERVAL_LEVEL * 100, p.halfWidthFloat(), d.halfWidthByte(), d.relHalfWidthSubByte(),
				100 * coverF / floatLoo.length, 100 * cover / d.looResiduals().size());
		// the same intervals against the true leave-one-out residuals (out of sample, hyper-parameters refitted too)
		double coverNested = 0;
		for (DropModel.Residual r : nested) {
			coverNested += Math.abs(r.residual()) <= d.halfWidth(r.row().layers(), r.predicted()) ? 1 : 0;
		}
		System.out.printf(Locale.ROOT, "  coverage of the true leave-one-out drop residuals: %.1f %%%n",
				100 * coverNested / nested.size());
		Map<String, List<Double>> byAlg = new LinkedHashMap<>();
		for (DropModel.Residual r : nested) {
			if (r.row().subByte()) {
				byAlg.computeIfAbsent(r.row().method().algorithm().word(), k -> new ArrayList<>())
						.add(Math.abs(r.residual()));
			}
		}
		System.out.printf(Locale.ROOT, "  sub-8-bit LOO MAE by algorithm:");
		byAlg.forEach((k, v) -> System.out.printf(Locale.ROOT, " %s %.2f (%d)", k, mean(v), v.size()));
		// the sub-8-bit rows the previous model was measured on (before the MQBench, Sparsebit and HAWQ mixed rows)
		List<Double> old = nested.stream()
				.filter(r -> r.row().subByte() && !r.row().id().startsWith("mqb-")
						&& !(r.row().id().startsWith("sb-") && !r.row().id().endsWith("-lsq"))
						&& !(r.row().id().startsWith("hawq-rn18-mixed-") && !r.row().id().endsWith("bops05")))
				.map(r -> Math.abs(r.residual())).toList();
		System.out.printf(Locale.ROOT, "%n  sub-8-bit rows of the previous table only: %d rows, LOO MAE %.3f",
				old.size(), mean(old));
		// every published sub-8-bit row with a baseline: the fitted ones (their LOO error) and the ones kept out of the
		// fit (naive min-max, 2-bit activations, power-of-two scales with 4-bit first/last layers: out-of-sample error)
		List<Double> everySub = new ArrayList<>(sub);
		int keptOut = 0;
		for (DropModel.Row r : d.rows()) {
			if (!r.use() && r.subByte() && !Double.isNaN(r.floatTop1())
					&& r.layers().stream().noneMatch(l -> l.actBits() >= 32 && l.weightBits() < 8)) {
				everySub.add(Math.abs(r.drop() - d.predict(r)));
				keptOut++;
			}
		}
		System.out
				.printf(Locale.ROOT,
						"%n  every published sub-8-bit row, the %d kept out of the fit included (outside the"
								+ " domain, out of sample): %d rows, MAE %.3f",
						keptOut, everySub.size(), mean(everySub));
		System.out.printf(Locale.ROOT, "%n  largest sub-8-bit LOO errors:");
		nested.stream().filter(r -> r.row().subByte())
				.sorted((x, y) -> Double.compare(Math.abs(y.residual()), Math.abs(x.residual()))).limit(6)
				.forEach(r -> System.out.printf(Locale.ROOT, " %s %.2f (published %.2f);", r.row().id(), r.predicted(),
						r.row().drop()));
		System.out.println();
		System.out.printf(Locale.ROOT, "  leave-one-family-out on the drop (family held out entirely):%n");
		for (Map.Entry<String, double[]> e : d.leaveOneFamilyOut().entrySet()) {
			System.out.printf(Locale.ROOT, "    %-20s %3d rows  MAE %.3f%n", e.getKey(), (int) e.getValue()[0],
					e.getValue()[1]);
		}
		// rows with identical inputs but different published drops bound what any model of these inputs can reach
		Map<String, List<Double>> same = new LinkedHashMap<>();
		for (DropModel.Row r : d.fittedRows()) {
			if (r.subByte()) {
				String key = r.family() + r.layers().stream().map(l -> l.weightBits() + "/" + l.actBits()).toList()
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
						Double.isNaN(r.floatTop1()) ? "n/a (no float baseline)"
								: String.format(Locale.ROOT, "%.2f", r.drop()));
			}
		}
		// pruned and quantized (kept out of the quantization fit): the pruning drop of the same source's pruned-float row
		// (its leave-one-out prediction) plus the quantization drop, against the dense float top-1: the two models
		// composed, out of sample
		Map<String, String> pairs = new LinkedHashMap<>();
		pairs.put("vai-rn50-p30-int8", "vai-rn50-p30");
		pairs.put("vai-rn50-p50-int8", "vai-rn50-p50");
		pairs.put("vai-rn50-p70-int8", "vai-rn50-p70");
		pairs.put("vai-tf-mbv1-p11-int8", "vai-tf-mbv1-p11");
		pairs.put("tfmot-mbv1-pqat", "tfmot-mbv1-sp50");
		List<Double> composed = new ArrayList<>();
		Map<String, Double> prunedLoo = new LinkedHashMap<>();
		prunedNested.forEach(r -> prunedLoo.put(r.row().id(), r.predicted()));
		System.out.printf(Locale.ROOT,
				"  pruned and quantized rows (pruning drop + quantization drop, both out of sample):%n");
		for (Map.Entry<String, String> e : pairs.entrySet()) {
			DropModel.Row q = d.rows().stream().filter(r -> r.id().equals(e.getKey())).findFirst().orElse(null);
			PruneDropModel.Row pr = pm.rows().stream().filter(r -> r.id().equals(e.getValue())).findFirst()
					.orElse(null);
			if (q == null || pr == null) {
				continue;
			}
			double pd = prunedLoo.getOrDefault(pr.id(), pm.drop(pr.layers()));
			double pred = d.predict(q) + pd;
			composed.add(Math.abs(q.drop() - pred));
			System.out.printf(Locale.ROOT, "    %-26s predicted %6.2f (pruning %.2f), published %.2f%n", q.id(), pred,
					pd, q.drop());
		}
		System.out.printf(Locale.ROOT, "    MAE %.3f (%d rows)%n", mean(composed), composed.size());
	}

	private static Map<String, String> round(Map<String, Double> m) {
		Map<String, String> out = new LinkedHashMap<>();
		m.forEach((k, v) -> out.put(k, String.format(Locale.ROOT, "%.3g", v)));
		return out;
	}

	private static double mean(List<Double> v) {
		return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private static void line(String label, List<Double> v) {
		System.out.printf(Locale.ROOT, "  %-46s %4d %7.3f%n", label, v.size(), mean(v));
	}
}
