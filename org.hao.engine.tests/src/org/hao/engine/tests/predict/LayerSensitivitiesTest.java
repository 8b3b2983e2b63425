package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Quantization;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.DropModel;
import org.hao.engine.predict.DropModel.QLayer;
import org.hao.engine.predict.LayerSensitivities;
import org.hao.engine.predict.PredictorDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's measured per-layer sensitivities: CSV round trip, file:line errors, effect on the drop. */
class LayerSensitivitiesTest {

	private static final String GOOD = """
			layer,bits,top1_drop,hessian_trace
			# measured on my model
			mb2_1.expand,4,0.8,
			mb2_1.dw,4,2.5,
			mb3_1.project,,,0.75
			mb3_1.expand,,,0.25
			""";

	@Test
	void roundTripKeepsEveryRow(@TempDir Path dir) throws IOException {
		Path csv = dir.resolve("sens.csv");
		Files.writeString(csv, GOOD);
		LayerSensitivities a = LayerSensitivities.read(csv);
		assertEquals(4, a.entries().size());
		assertEquals(4, a.get("mb2_1.dw").line()); // header, comment, mb2_1.expand, mb2_1.dw
		StringWriter w = new StringWriter();
		a.write(w);
		LayerSensitivities b = LayerSensitivities.read(new StringReader(w.toString()), "again.csv");
		assertEquals(
				a.entries().stream().map(e -> List.of(e.layer(), e.bits(), e.top1Drop(), e.hessianTrace())).toList(),
				b.entries().stream().map(e -> List.of(e.layer(), e.bits(), e.top1Drop(), e.hessianTrace())).toList());
		StringWriter w2 = new StringWriter();
		b.write(w2);
		assertEquals(w.toString(), w2.toString(), "writing what was read gives the same text");
	}

	private static String error(Path dir, String text) throws IOException {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, text);
		return assertThrows(PredictorDataException.class, () -> LayerSensitivities.read(csv)).getMessage()
				.replace(csv.toString(), "bad.csv");
	}

	@Test
	void badRowsNameFileAndLine(@TempDir Path dir) throws IOException {
		assertEquals("bad.csv:3: column top1_drop: 'lots' is not a number",
				error(dir, "layer,bits,top1_drop\nfc,4,0.5\nconv1,4,lots\n"));
		assertEquals("bad.csv:4: layer fc is listed twice (first on line 2)",
				error(dir, "layer,bits,top1_drop\nfc,4,0.5\nconv1,4,1\nfc,3,2\n"));
		assertEquals("bad.csv:2: column bits: 40 is outside [1.0, 16.0]",
				error(dir, "layer,bits,top1_drop\nfc,40,0.5\n"));
		assertEquals("bad.csv:2: give either top1_drop (with bits) or hessian_trace for layer fc, not both",
				error(dir, "layer,bits,top1_drop,hessian_trace\nfc,4,0.5,3\n"));
		assertEquals("bad.csv:2: give either top1_drop (with bits) or hessian_trace for layer fc, not neither",
				error(dir, "layer,bits,top1_drop,hessian_trace\nfc,4,,\n"));
		assertEquals("bad.csv:2: column bits is empty: say at which bit-width top1_drop was measured",
				error(dir, "layer,bits,top1_drop\nfc,,0.5\n"));
		assertEquals("bad.csv:1: unknown column 'drop' (known: layer, bits, top1_drop, hessian_trace)",
				error(dir, "layer,bits,top1_drop,drop\nfc,4,0.5,1\n"));
		assertEquals("bad.csv:1: needs column 'top1_drop' (with 'bits') or 'hessian_trace'",
				error(dir, "layer,bits\nfc,4\n"));
		assertEquals("bad.csv:2: column hessian_trace: -1 is outside [0.0, inf]",
				error(dir, "layer,hessian_trace\nfc,-1\n"));
		assertEquals("bad.csv:3: expected 3 fields, found 2", error(dir, "layer,bits,top1_drop\nfc,4,0.5\nconv1,4\n"));
	}

	@Test
	void unknownLayerIsReportedWithItsLine(@TempDir Path dir) throws IOException {
		Path csv = dir.resolve("sens.csv");
		Files.writeString(csv, "layer,bits,top1_drop\nmb2_1.dw,4,1\nmb9_9.dw,4,1\n");
		ExpandedNetwork net = NetworkExpander.expand(Examples.mobileNetV2(null));
		Set<String> names = net.layers().stream().map(Layer::name).collect(Collectors.toSet());
		PredictorDataException e = assertThrows(PredictorDataException.class,
				() -> LayerSensitivities.read(csv).checkLayers(names));
		assertEquals(3, e.line());
		assertTrue(e.getMessage().startsWith(csv + ":3: no layer mb9_9.dw in the network"), e.getMessage());
	}

	@Test
	void measuredSensitivitiesMoveTheDrop() {
		ExpandedNetwork net = NetworkExpander.expand(Examples.mobileNetV2(null));
		List<QLayer> w4 = AccuracyPredictor.quantLayers(net).stream().map(l -> new QLayer(l.name(), l.role(), 4, 8))
				.toList();
		DropModel d = AccuracyPredictor.builtInDrops();
		double base = d.drop(w4, Quantization.DEFAULT);
		// one layer measured very sensitive: +2.5 points at 4 bit replaces its small default share
		LayerSensitivities one = LayerSensitivities.read(new StringReader("layer,bits,top1_drop\nmb2_1.dw,4,2.5\n"),
				"m.csv");
		double withOne = d.drop(w4, Quantization.DEFAULT, one);
		double[] per = d.layerDrops(w4, Quantization.DEFAULT, null);
		int i = indexOf(w4, "mb2_1.dw");
		assertEquals(base - per[i] + 2.5 + d.layerDrops(w4, Quantization.DEFAULT, one)[i] - 2.5, withOne, 1e-9);
		assertTrue(withOne > base + 2, withOne + " vs " + base);
		// the same measurement at 8 bit scales down to 4 bit by the fitted perturbation law 2^(kappa (8 - b))
		LayerSensitivities at8 = LayerSensitivities.read(new StringReader("layer,bits,top1_drop\nmb2_1.dw,8,0.1\n"),
				"m.csv");
		double scaled = d.layerDrops(w4, Quantization.DEFAULT, at8)[i] - d.layerDrops(w4, Quantization.DEFAULT, null)[i]
				+ per[i];
		assertTrue(scaled > 0.1, "a 4-bit layer loses more than its 8-bit measurement: " + scaled);
		// Hessian traces redistribute: equal traces change nothing, unequal ones move drop towards the larger trace
		LayerSensitivities equal = LayerSensitivities
				.read(new StringReader("layer,hessian_trace\nmb3_1.expand,2\nmb3_1.project,2\n"), "h.csv");
		assertEquals(base, d.drop(w4, Quantization.DEFAULT, equal), 1e-9);
		LayerSensitivities skew = LayerSensitivities
				.read(new StringReader("layer,hessian_trace\nmb3_1.expand,3\nmb3_1.project,1\n"), "h.csv");
		double[] s = d.layerDrops(w4, Quantization.DEFAULT, skew);
		assertTrue(s[indexOf(w4, "mb3_1.expand")] > s[indexOf(w4, "mb3_1.project")]);
	}

	private static int indexOf(List<QLayer> l, String name) {
		for (int i = 0; i < l.size(); i++) {
			if (l.get(i).name().equals(name)) {
				return i;
			}
		}
		throw new AssertionError("no layer " + name + " in " + l.stream().map(QLayer::name).toList());
	}
}
