package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.hao.engine.predict.PredictorDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyPredictorTest {

	@Test
	void builtInLeaveOneOutErrorIsSmall() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		assertTrue(p.rows() >= 65, "rows " + p.rows());
		// measured 0.62 points (69 dense float rows); the bound leaves room for table edits but fails a broken fit
		assertTrue(p.looMae() < 1.0, "LOO MAE " + p.looMae());
	}

	@Test
	void fitIsReproducibleAndTrainingErrorBelowLoo() throws IOException {
		// refitting the same rows gives the same model; in-sample error stays below the leave-one-out error
		Path csv = Path.of(System.getProperty("hao.data", "data/imagenet-top1.csv"));
		List<AccuracyPredictor.Row> rows;
		try (var r = Files.exists(csv) ? Files.newBufferedReader(csv)
				: new java.io.InputStreamReader(
						AccuracyPredictor.class.getResourceAsStream(AccuracyPredictor.BUILT_IN_RESOURCE),
						java.nio.charset.StandardCharsets.UTF_8)) {
			rows = AccuracyPredictor.read(r, "imagenet-top1.csv");
		}
		AccuracyPredictor full = AccuracyPredictor.fit(rows, "all");
		assertEquals(AccuracyPredictor.builtIn().looMae(), full.looMae(), 1e-12);
		// the fit reproduces the training data well
		double mae = rows.stream().mapToDouble(r -> Math.abs(full.predict(r.features()) - r.top1())).average()
				.orElseThrow();
		assertTrue(mae <= full.looMae() + 1e-9,
				"training error " + mae + " must not exceed LOO error " + full.looMae());
	}

	@Test
	void predictionsMoveTheRightWay() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		double f32 = p.predict(Features.uniform(300, 3.47, 224, 1, 0, 32, 32, 0));
		double i8 = p.predict(Features.uniform(300, 3.47, 224, 1, 0, 8, 8, 0));
		double i4 = p.predict(Features.uniform(300, 3.47, 224, 1, 0, 4, 4, 0));
		double small = p.predict(Features.uniform(100, 2.0, 160, 1, 0, 8, 8, 0));
		assertTrue(f32 > i8 && i8 > i4, f32 + " " + i8 + " " + i4);
		assertTrue(i8 > small);
		assertEquals(71.8, f32, 1.5); // MobileNetV2-1.0 as published
		assertNull(p.extrapolation(Features.uniform(300, 3.47, 224, 1, 0, 4, 4, 0)), "4 bit is in the drop table");
		assertNotNull(p.extrapolation(Features.uniform(300, 3.47, 224, 1, 0, 1, 4, 0)));
	}

	@Test
	void predictsAnExpandedNetwork() {
		double acc = AccuracyPredictor.builtIn().predict(NetworkExpander.expand(Examples.mobileNetV2(null)));
		assertTrue(acc > 65 && acc < 75, "MobileNetV2 INT8 predicted " + acc);
	}

	@Test
	void badRowNamesFileAndLine(@TempDir Path dir) throws IOException {
		Path csv = dir.resolve("mine.csv");
		StringBuilder sb = new StringBuilder("model,macs_m,params_m,resolution,top1,source\n");
		for (int i = 0; i < 12; i++) {
			sb.append("n").append(i).append(',').append(100 + 20 * i).append(",3.0,224,").append(60 + i)
					.append(",me\n");
		}
		sb.append("bad,abc,3.0,224,70,me\n");
		Files.writeString(csv, sb.toString());
		PredictorDataException e = assertThrows(PredictorDataException.class, () -> AccuracyPredictor.fit(csv));
		assertEquals(14, e.line());
		assertTrue(e.getMessage().startsWith(csv + ":14: column macs_m: 'abc' is not a number"), e.getMessage());
	}

	@Test
	void missingColumnAndOutOfRangeAreReported(@TempDir Path dir) throws IOException {
		Path a = dir.resolve("a.csv");
		Files.writeString(a, "macs_m,params_m,top1\n1,1,50\n");
		PredictorDataException e = assertThrows(PredictorDataException.class, () -> AccuracyPredictor.fit(a));
		assertTrue(e.getMessage().startsWith(a + ":1: missing required column 'resolution'"), e.getMessage());
		Path b = dir.resolve("b.csv");
		Files.writeString(b, "macs_m,params_m,resolution,top1\n# comment\n100,3,224,150\n");
		e = assertThrows(PredictorDataException.class, () -> AccuracyPredictor.fit(b));
		assertTrue(e.getMessage().startsWith(b + ":3: column top1"), e.getMessage());
	}

	@Test
	void userTableRefits(@TempDir Path dir) throws IOException {
		Path csv = dir.resolve("mine.csv");
		StringBuilder sb = new StringBuilder("macs_m,params_m,resolution,top1\n");
		for (int i = 0; i < 15; i++) {
			double macs = 50 + 40 * i;
			sb.append(macs).append(",").append(1 + 0.3 * i).append(",224,").append(50 + 5 * Math.log(macs))
					.append('\n');
		}
		Files.writeString(csv, sb.toString());
		AccuracyPredictor p = AccuracyPredictor.fit(csv);
		assertEquals(15, p.rows());
		assertTrue(p.looMae() < 0.5, "a smooth table is easy: " + p.looMae());
	}
}
