package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Prediction;
import org.junit.jupiter.api.Test;

/**
 * 1- and 2-bit bodies get a prediction with an extrapolation warning (the drop table's fitted rows go down to 2-bit
 * weights and 3-bit activations); the published binary rows at the end of quant-drops.csv are read (builtIn() would
 * throw on a malformed row) but not fitted (use 0).
 */
class BinaryAccuracyTest {
	private static ExpandedNetwork mobileNetV2(BitWidths body) {
		NetworkSpec n = Examples.mobileNetV2(null);
		Map<String, SubgraphChoice> c = new LinkedHashMap<>();
		List<SubgraphSpec> sgs = n.subgraphs();
		for (int i = 0; i < sgs.size(); i++) {
			SubgraphChoice base = SubgraphChoice.base(sgs.get(i));
			boolean firstOrLast = i == 0 || i == sgs.size() - 1;
			c.put(sgs.get(i).name(), firstOrLast ? base : base.withBits(body));
		}
		return NetworkExpander.expand(n, c);
	}

	@Test
	void binaryAndTernaryBodiesArePredictedWithAWarningAndALargeLoss() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		Prediction int8 = p.prediction(mobileNetV2(BitWidths.INT8));
		Prediction w1a1 = p.prediction(mobileNetV2(new BitWidths(1, 1)));
		Prediction w2a2 = p.prediction(mobileNetV2(new BitWidths(2, 2)));
		assertNull(int8.extrapolation(), int8.extrapolation());
		assertNotNull(w1a1.extrapolation());
		assertTrue(w1a1.extrapolation().contains("1-bit weights") && w1a1.extrapolation().contains("1-bit activations"),
				w1a1.extrapolation());
		assertNotNull(w2a2.extrapolation());
		assertTrue(w2a2.extrapolation().contains("2-bit activations"), w2a2.extrapolation());
		// large predicted losses, binary worse than ternary (published: binary ResNet-18 loses 13-18 points)
		assertTrue(w1a1.top1() < int8.top1() - 10, w1a1.top1() + " vs " + int8.top1());
		assertTrue(w1a1.top1() < w2a2.top1(), w1a1.top1() + " vs " + w2a2.top1());
	}
}
