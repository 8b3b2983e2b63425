package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.hao.engine.predict.Prediction;
import org.hao.engine.predict.PruneDropModel;
import org.junit.jupiter.api.Test;

/**
 * The sparse MobileNets of "Fast Sparse ConvNets" (published top-1 and sparsity) in the pruning table: the engine
 * builds each one (SparseMobileNets: 1x1 convolutions pruned, first conv, depthwise and classifier dense) and predicts
 * it as the float model at the dense architecture minus the pruning drop of its per-layer ratios and blocks. Five of
 * the eight have no dense baseline anywhere and are not fitted: they check the whole prediction out of sample.
 */
class SparseMobileNetRowsTest {
	private static final Pattern ID = Pattern.compile("fsc-mbv([12])-(\\d)(\\d\\d)-s(\\d+)");

	private static List<PruneDropModel.Row> rows() throws IOException {
		try (Reader r = new InputStreamReader(
				PruneDropModel.class.getResourceAsStream(PruneDropModel.BUILT_IN_RESOURCE), StandardCharsets.UTF_8)) {
			return PruneDropModel.read(r, "prune-drops.csv");
		}
	}

	@Test
	void everySparseRowIsPredictedWithinItsInterval() throws IOException {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		int checked = 0, outOfSample = 0;
		for (PruneDropModel.Row row : rows()) {
			Matcher m = ID.matcher(row.id());
			if (!m.matches()) {
				continue;
			}
			double width = Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) / 100.0;
			double sparsity = Integer.parseInt(m.group(4)) / 100.0;
			ExpandedNetwork net = m.group(1).equals("2") ? SparseMobileNets.mobileNetV2(width, sparsity)
					: SparseMobileNets.mobileNetV1(width, sparsity);
			Prediction pr = p.prediction(net);
			String what = row.id() + " (line " + row.line() + "): " + pr;
			assertTrue(row.source().contains("fastconvnets/README.md"), what + " names its source");
			assertTrue(pr.pruningDrop() > 1, what);
			assertTrue(pr.low() <= row.top1() && row.top1() <= pr.high(),
					"published " + row.top1() + " outside " + what);
			assertEquals(row.top1(), pr.top1(), 3.0, what);
			checked++;
			outOfSample += row.use() ? 0 : 1;
		}
		assertEquals(8, checked, "sparse MobileNet rows in the pruning table");
		assertEquals(5, outOfSample, "rows without a dense baseline (not fitted)");
	}

	@Test
	void denseReferencesMatchThePublishedCounts() {
		// the same builder reproduces TF-slim's dense MobileNetV2-1.4 (582 M MACs, 6.06 M params) and
		// MobileNetV1-1.0 (569 M, 4.24 M incl. the classifier bias, which the engine does not count)
		ExpandedNetwork v2 = SparseMobileNets.mobileNetV2(1.4, 0);
		assertEquals(582.0, v2.macs() / 1e6, 0.5);
		assertEquals(6.06, v2.weights() / 1e6, 0.01);
		ExpandedNetwork v1 = SparseMobileNets.mobileNetV1(1.0, 0);
		assertEquals(569.0, v1.macs() / 1e6, 0.5);
		assertEquals(4.24, v1.weights() / 1e6, 0.04);
		// MobileNetV1's widening pointwise before a depthwise is not an inverted residual (no narrowing projection)
		assertEquals(0, AccuracyPredictor.featuresOf(v1).invertedResidual(), 1e-12);
		assertTrue(AccuracyPredictor.featuresOf(v2).invertedResidual() > 0.9);
	}

	@Test
	void largeSparseBeatsSmallDenseOfTheSameSize() {
		// Zhu & Gupta's finding, and what the Fast Sparse ConvNets rows say: at equal non-zero MACs and params, the
		// pruned network is predicted more accurate than a dense one
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		ExpandedNetwork sparse = SparseMobileNets.mobileNetV2(1.4, 0.85);
		Features f = AccuracyPredictor.featuresOf(sparse);
		Features dense = new Features(f.macsM(), f.paramsM(), 224, 1, 0, 32, 32, f.quantNoise(), 0);
		assertTrue(p.prediction(sparse).top1() > p.floatTop1(dense),
				p.prediction(sparse) + " vs " + p.floatTop1(dense));
		assertEquals(72.0, p.prediction(sparse).top1(), 1.5, "published 72.0 %");
	}
}
