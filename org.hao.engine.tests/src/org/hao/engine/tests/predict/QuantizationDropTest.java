package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Quantization;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.DropModel;
import org.hao.engine.predict.DropModel.QLayer;
import org.junit.jupiter.api.Test;

/** The drop model: the published orderings, the method as an input, figures of the fit. */
class QuantizationDropTest {
	private static final Quantization PTQ = new Quantization(Quantization.Training.PTQ, true,
			Quantization.Granularity.PER_CHANNEL, Quantization.Scales.FLOAT, null);

	/** MobileNetV2's weight layers as the expander builds them (Examples.mobileNetV2), all at wb/ab. */
	private static List<QLayer> mobileNetV2(double wb, double ab) {
		return AccuracyPredictor.quantLayers(NetworkExpander.expand(Examples.mobileNetV2(null))).stream()
				.map(l -> new QLayer(l.name(), l.role(), wb, ab)).toList();
	}

	/** ResNet-18's 21 weight layers (conv1, 16 3x3 convs, 3 projection shortcuts, fc); no depthwise. */
	private static List<QLayer> resNet18(double wb, double ab) {
		return List.copyOf(org.hao.engine.tests.predict.QuantizationDropTest.table(21, 0, wb, ab));
	}

	static List<QLayer> table(int n, int dw, double wb, double ab) {
		List<QLayer> l = new java.util.ArrayList<>();
		l.add(new QLayer("first", DropModel.Role.FIRST, wb, 8));
		for (int i = 0; i < n - 2; i++) {
			l.add(new QLayer("b" + i, i < dw ? DropModel.Role.DEPTHWISE : DropModel.Role.DENSE, wb, ab));
		}
		l.add(new QLayer("last", DropModel.Role.LAST, wb, 8));
		return l;
	}

	@Test
	void ranksW8A8AboveW4A8AboveW4A4LikeThePublishedRows() {
		// published: MobileNetV2 W8A8 drop 0.2-1.0 (QAT), W4A8 0.86 (AdaRound PTQ), W4A4 4.5-6.9 (QDrop, BRECQ,
		// AdaRound); ResNet-18 W8A8 ~0.2, W4A8 0.65-0.82 (AIMET, Brevitas, MQBench PTQ), W4A4 1.9-3.0 (QDrop PTQ,
		// HAWQ-V3 QAT): the order holds for every algorithm, the defaults included
		DropModel d = AccuracyPredictor.builtInDrops();
		for (Quantization q : List.of(Quantization.DEFAULT, PTQ, with(Quantization.Algorithm.LSQ),
				with(Quantization.Algorithm.HAWQ), with(Quantization.Algorithm.QDROP),
				with(Quantization.Algorithm.BRECQ))) {
			double m8 = d.drop(mobileNetV2(8, 8), q), m48 = d.drop(mobileNetV2(4, 8), q),
					m44 = d.drop(mobileNetV2(4, 4), q);
			assertTrue(m8 < m48 && m48 < m44, "MobileNetV2 " + q.describe() + ": " + m8 + " " + m48 + " " + m44);
			double r8 = d.drop(resNet18(8, 8), q), r48 = d.drop(resNet18(4, 8), q), r44 = d.drop(resNet18(4, 4), q);
			assertTrue(r8 < r48 && r48 < r44, "ResNet-18 " + q.describe() + ": " + r8 + " " + r48 + " " + r44);
		}
		// and on the whole prediction of the expanded MobileNetV2 (float top-1 minus drop)
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		double f = p.prediction(NetworkExpander.expand(Examples.mobileNetV2(null))).floatTop1();
		assertTrue(f - d.drop(mobileNetV2(8, 8), Quantization.DEFAULT) > f
				- d.drop(mobileNetV2(4, 4), Quantization.DEFAULT));
	}

	private static Quantization with(Quantization.Algorithm a) {
		return new Quantization(a.training(), true, Quantization.Granularity.PER_CHANNEL, Quantization.Scales.FLOAT,
				null, a);
	}

	@Test
	void theAlgorithmMovesTheDropAsPublished() {
		DropModel d = AccuracyPredictor.builtInDrops();
		// ResNet-18 W4A4 QAT, first/last at 8 bit: HAWQ-V3 loses 3.02, LSQ gains 0.56 (same inputs otherwise)
		double hawq = d.drop(resNet18(4, 4), with(Quantization.Algorithm.HAWQ));
		double lsq = d.drop(resNet18(4, 4), with(Quantization.Algorithm.LSQ));
		assertTrue(hawq - lsq > 1.5, "HAWQ-V3 " + hawq + " vs LSQ " + lsq);
		assertEquals(3.02, hawq, 1.5, "HAWQ-V3 ResNet-18 W4A4");
		// LSQ's published gain is not predicted: every bit removed below 8 costs at least a little (DropModel.FLOOR)
		assertEquals(-0.56, lsq, 1.5, "LSQ ResNet-18 W4A4");
		// MobileNetV2 W3A3 PTQ (MQBench, one source): AdaRound 39.1 > BRECQ 20.8 > QDrop 16.6
		double ada = d.drop(mobileNetV2(3, 3), with(Quantization.Algorithm.ADAROUND));
		double brecq = d.drop(mobileNetV2(3, 3), with(Quantization.Algorithm.BRECQ));
		double qdrop = d.drop(mobileNetV2(3, 3), with(Quantization.Algorithm.QDROP));
		assertTrue(ada > brecq && brecq > qdrop, ada + " " + brecq + " " + qdrop);
		// at 8 bit the algorithm does not matter (the second stage is 0 there)
		assertEquals(d.drop(resNet18(8, 8), with(Quantization.Algorithm.HAWQ)),
				d.drop(resNet18(8, 8), with(Quantization.Algorithm.LSQ)), 1e-12);
		// round-to-nearest below 8 bit has no fitted row: flagged
		Quantization minmax = with(Quantization.Algorithm.MINMAX);
		String w = d.extrapolation(resNet18(4, 8), minmax);
		assertNotNull(w);
		assertTrue(w.contains("round-to-nearest (algorithm minmax) below 8 bit"), w);
		assertNull(d.extrapolation(resNet18(8, 8), minmax));
	}

	@Test
	void theMethodMovesTheDrop() {
		DropModel d = AccuracyPredictor.builtInDrops();
		double qat = d.drop(mobileNetV2(4, 4), Quantization.DEFAULT);
		double ptq = d.drop(mobileNetV2(4, 4), PTQ);
		assertTrue(ptq > qat, "PTQ loses more than QAT below 8 bit: " + ptq + " vs " + qat);
		Quantization allLayers = new Quantization(Quantization.Training.PTQ, false,
				Quantization.Granularity.PER_CHANNEL, Quantization.Scales.FLOAT, null);
		assertTrue(d.drop(mobileNetV2(4, 8), allLayers) > d.drop(mobileNetV2(4, 8), PTQ),
				"first/last layer at 4 bit loses more than at 8 bit");
		Quantization perTensorPow2 = new Quantization(Quantization.Training.PTQ, true,
				Quantization.Granularity.PER_TENSOR, Quantization.Scales.POWER_OF_TWO, null);
		double dpu = d.drop(mobileNetV2(8, 8), perTensorPow2);
		// Vitis AI's DPU (per-tensor power-of-two scales) costs MobileNetV2 2.46 points at 8 bit in the table
		assertEquals(2.46, dpu, 1.2, "MobileNetV2 on the DPU's INT8 scheme");
		// (published: 2.46 on the DPU against 0.36 with per-channel float scales, Brevitas; the fit gives about 1 of
		// the 2.1 points' difference to the scale format)
		assertTrue(dpu > d.drop(mobileNetV2(8, 8), PTQ) + 0.7, dpu + " vs " + d.drop(mobileNetV2(8, 8), PTQ));
		assertEquals(0, d.drop(mobileNetV2(32, 32), PTQ), 1e-12, "float has no drop");
	}

	@Test
	void leaveOneOutFiguresStayNearTheMeasuredOnes() {
		DropModel d = AccuracyPredictor.builtInDrops();
		double byte8 = d.looResiduals().stream().filter(r -> !r.row().subByte())
				.mapToDouble(r -> Math.abs(r.residual())).average().orElseThrow();
		double sub = d.looResiduals().stream().filter(r -> r.row().subByte()).mapToDouble(r -> Math.abs(r.residual()))
				.average().orElseThrow();
		// measured (benchmark, hyper-parameters on all rows) 0.43 and 0.68; the bounds leave room for table edits but
		// fail a broken fit
		assertTrue(byte8 < 0.6, "8-bit drop LOO MAE " + byte8);
		assertTrue(sub < 1.0, "sub-8-bit drop LOO MAE " + sub);
		assertTrue(d.fittedRows().size() >= 120, "fitted rows " + d.fittedRows().size());
		for (double c : d.coefficients().values()) {
			assertTrue(c >= 0, "8-bit sensitivities are non-negative: " + d.coefficients());
		}
		// the second stage's bits-below-8 terms make the drop grow with every bit removed (w, a >= 1 bit below 8)
		Map<String, Double> b = d.excessCoefficients();
		for (double x = 1; x <= 6; x += 0.5) {
			assertTrue(b.get("w_excess") + b.get("w_excess^2/4") * x / 2 > 0, "d/dw at " + x + ": " + b);
			assertTrue(b.get("a_excess") + b.get("a_excess^2/4") * x / 2 > 0, "d/da at " + x + ": " + b);
		}
	}

	@Test
	void layerWiseRoundingLosesMoreOnDeeperNetworks() {
		// MQBench W3A3, one source: AdaRound / BRECQ = 6.88 / 6.82 on ResNet-18 (19 body layers), 11.87 / 6.46 on
		// ResNet-50 (52); layer-wise rounding corrects no error of the layers before it, block reconstruction does
		DropModel d = AccuracyPredictor.builtInDrops();
		double rn18 = d.drop(resNet18(3, 3), with(Quantization.Algorithm.ADAROUND))
				/ d.drop(resNet18(3, 3), with(Quantization.Algorithm.BRECQ));
		double rn50 = d.drop(table(54, 0, 3, 3), with(Quantization.Algorithm.ADAROUND))
				/ d.drop(table(54, 0, 3, 3), with(Quantization.Algorithm.BRECQ));
		assertTrue(rn50 > 1.3 * rn18, "AdaRound / BRECQ at W3A3: ResNet-50 " + rn50 + ", ResNet-18 " + rn18);
		assertTrue(d.excessCoefficients().get("layerwise*a_excess*ln_layers") > 0, d.excessCoefficients().toString());
		// and not at W4A8 (8-bit activations: nothing accumulates; AIMET / MQBench lose 0.5-0.7 on both)
		assertEquals(d.drop(resNet18(4, 8), with(Quantization.Algorithm.ADAROUND)),
				d.drop(table(54, 0, 4, 8), with(Quantization.Algorithm.ADAROUND)), 0.6);
	}

	@Test
	void anAlgorithmHasItsOwnDepthwiseSensitivity() {
		// Sparsebit W4A4 QAT, one source: PACT loses 0.16 / 0.11 on ResNet-18 / -50 and 9.34 on EfficientNet-Lite0 (50
		// weight layers, 16 depthwise); LSQ gains 0.56 / 0.53 and loses 2.21
		DropModel d = AccuracyPredictor.builtInDrops();
		Quantization pact = with(Quantization.Algorithm.PACT), lsq = with(Quantization.Algorithm.LSQ);
		double rn18 = d.drop(resNet18(4, 4), pact), effl0 = d.drop(table(50, 16, 4, 4), pact);
		assertTrue(rn18 < 1.0, "PACT ResNet-18 W4A4 " + rn18);
		// (the loss in absolute points gives the single depthwise PACT row no more pull than any other row: it is
		// predicted well below its 9.3 points, but far above PACT on the ResNets)
		assertTrue(effl0 > 3, "PACT EfficientNet-Lite0 W4A4 " + effl0);
		assertTrue(effl0 > d.drop(table(50, 16, 4, 4), lsq) + 1, "PACT vs LSQ on EfficientNet-Lite0");
	}

	@Test
	void oneAbsurdRowDoesNotMoveTheOthers() {
		// the second stage's Huber loss in points: a row 30 points off (a transcription error, say) counts with weight
		// c / 30 (c the fitted threshold), so the predictions of the other networks and algorithms stay where they were
		DropModel d = AccuracyPredictor.builtInDrops();
		assertTrue(Double.isFinite(d.huber()), "Huber threshold " + d.huber());
		List<DropModel.Row> rows = new java.util.ArrayList<>(d.rows());
		DropModel.Row r = rows.stream().filter(x -> x.id().equals("qdrop-mbv2-w4a4")).findFirst().orElseThrow();
		rows.set(rows.indexOf(r), new DropModel.Row(r.id(), r.family(), r.line(), r.layers(), r.method(), r.top1() - 30,
				r.floatTop1(), true, r.note(), r.source()));
		DropModel changed = DropModel.fit(rows, "changed");
		for (Quantization.Algorithm a : List.of(Quantization.Algorithm.HAWQ, Quantization.Algorithm.LSQ,
				Quantization.Algorithm.BRECQ)) {
			double before = d.drop(resNet18(4, 4), with(a)), after = changed.drop(resNet18(4, 4), with(a));
			assertEquals(before, after, 0.3 + 0.1 * before, a + " ResNet-18 W4A4");
		}
	}

	@Test
	void trueLeaveOneOutRefitsWithoutTheRow() {
		// the nested leave-one-out never sees the held-out row: a row whose published drop is changed to something
		// absurd keeps its own prediction (only the other rows' fits could move)
		DropModel d = AccuracyPredictor.builtInDrops();
		List<DropModel.Residual> nested = d.nestedLeaveOneOut();
		assertEquals(d.fittedRows().size(), nested.size());
		DropModel.Row r = nested.stream().filter(x -> x.row().id().equals("qdrop-rn18-w4a4")).findFirst().orElseThrow()
				.row();
		List<DropModel.Row> rows = new java.util.ArrayList<>(d.rows());
		int i = rows.indexOf(r);
		rows.set(i, new DropModel.Row(r.id(), r.family(), r.line(), r.layers(), r.method(), r.top1() - 40,
				r.floatTop1(), true, r.note(), r.source()));
		DropModel changed = DropModel.fit(rows, "changed");
		double before = nested.stream().filter(x -> x.row() == r).findFirst().orElseThrow().predicted();
		double after = changed.nestedLeaveOneOut().stream().filter(x -> x.row().id().equals(r.id())).findFirst()
				.orElseThrow().predicted();
		assertEquals(before, after, 1e-9, "the held-out row's own drop does not enter its prediction");
	}

	@Test
	void badDropTableRowsNameFileAndLine() {
		String head = "id,family,n_layers,n_depthwise,w_bits,a_bits,first_bits,last_bits,method,granularity,scales,top1,"
				+ "float_top1,use,note,source,algorithm,layer_bits\n";
		String ok = "a,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,lsq,\n";
		java.util.function.Function<String, String> error = text -> org.junit.jupiter.api.Assertions
				.assertThrows(org.hao.engine.predict.PredictorDataException.class,
						() -> DropModel.read(new java.io.StringReader(head + ok + text), "d.csv"))
				.getMessage();
		assertEquals(
				"d.csv:3: column algorithm: 'foo' is not one of minmax, adaround, gptq, brecq, qdrop, ste, lsq, pact,"
						+ " dorefa, hawq",
				error.apply("b,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,foo,\n"));
		assertEquals("d.csv:3: column algorithm: adaround is PTQ, the row's method is qat",
				error.apply("b,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,adaround,\n"));
		assertEquals("d.csv:3: column layer_bits: 3 body layers listed, the row has 2 (n_layers - 2)",
				error.apply("b,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,lsq,4/4 4/4 8/8\n"));
		assertEquals("d.csv:3: column layer_bits: token 2 '4-4' is not [d]w/a (e.g. 4/8 or d8/8)",
				error.apply("b,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,lsq,4/4 4-4\n"));
		assertEquals("d.csv:3: column layer_bits: 1 depthwise layers listed, the row has 0 (n_depthwise)",
				error.apply("b,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s,lsq,d4/4 4/4\n"));
		// the optional columns may be missing at the end of a row (tables written before them); rows kept out may
		// name methods and algorithms HAO does not model
		List<DropModel.Row> rows = DropModel
				.read(new java.io.StringReader(head + ok + "c,R,4,0,4,4,8,8,qat,per-channel,float,70,71,1,,s\n"
						+ "d,R,4,0,1,1,8,8,xnor,per-channel,float,50,71,0,binary,s,xnor-net,\n"), "d.csv");
		assertEquals(Quantization.Algorithm.STE, rows.get(1).method().algorithm());
		assertEquals(Quantization.Algorithm.LSQ, rows.get(0).method().algorithm());
		assertEquals(Quantization.Algorithm.ADAROUND, rows.get(2).method().algorithm());
	}

	@Test
	void bitsBelowTheTableAreFlagged() {
		DropModel d = AccuracyPredictor.builtInDrops();
		assertNull(d.extrapolation(resNet18(4, 4), Quantization.DEFAULT));
		String w = d.extrapolation(resNet18(1, 4), Quantization.DEFAULT);
		assertNotNull(w);
		assertTrue(w.contains("1-bit weights below the drop table's smallest 2 bits (by 1)"), w);
	}
}
