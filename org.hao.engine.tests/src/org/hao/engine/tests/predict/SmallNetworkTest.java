package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Prediction;
import org.junit.jupiter.api.Test;

/** Issue 12 item 5: networks outside the table (tiny, few classes) get a monotone value and a warning, never 0 %. */
class SmallNetworkTest {

	/** input 20 x 56 x 56, one conv of {@code channels}, global pool, FC to {@code classes}: a few M MACs at most. */
	private static NetworkSpec tiny(int channels, int classes) {
		List<OpSpec> ops = List.of(new Conv("c1", channels, 3, 1), new Pool("gap", PoolKind.AVG, 0, 0, true),
				new FullyConnected("fc", classes));
		return new NetworkSpec("tiny", new Shape(20, 56, 56),
				List.of(new SubgraphSpec("s", ExecutionMode.SEQUENTIAL, ops, SubgraphSpace.NONE)));
	}

	@Test
	void tinyNetworksAreAboveChanceMonotoneAndWarned() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		double prev = 0;
		for (int c : new int[]{4, 8, 16, 20, 24, 32, 64}) {
			Prediction pr = p.prediction(NetworkExpander.expand(tiny(c, 1000)));
			assertTrue(pr.top1() > 0.1, c + " channels: " + pr.top1());
			assertTrue(pr.top1() > prev,
					"more channels never predict lower: " + c + " -> " + pr.top1() + " after " + prev);
			prev = pr.top1();
			assertNotNull(pr.extrapolation());
			assertTrue(c > 16 || pr.extrapolation().contains("M MACs below the table's smallest"), pr.extrapolation());
			assertTrue(pr.extrapolation().contains("px input resolution below the table's smallest 96"),
					pr.extrapolation());
			assertTrue(pr.low() < pr.top1() && pr.top1() < pr.high(), pr.toString());
		}
		// the case: 20 vs 24 channels must not collapse to one value
		double a = p.predict(NetworkExpander.expand(tiny(20, 1000))),
				b = p.predict(NetworkExpander.expand(tiny(24, 1000)));
		assertTrue(b - a > 0.05, a + " vs " + b);
	}

	@Test
	void theClassCountMovesThePredictionAndIsWarned() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		Prediction k1000 = p.prediction(NetworkExpander.expand(tiny(32, 1000)));
		Prediction k2 = p.prediction(NetworkExpander.expand(tiny(32, 2)));
		assertTrue(k2.top1() > 50 && k2.top1() > k1000.top1() + 10, k2 + " vs " + k1000);
		assertTrue(k2.extrapolation().contains("2 classes where the table has ImageNet's 1000"), k2.extrapolation());
		assertTrue(!k1000.extrapolation().contains("classes"), k1000.extrapolation());
	}

	@Test
	void aTinyNetworkAt2BitsRoundedToNearestAndPrunedStaysAboveChance() {
		// everything outside the tables at once: tiny, 2-bit weights and activations, naive rounding, 90 % pruned in
		// 8x8 blocks; the value stays above chance (never 0.00 %), inside its interval, and the crossed bounds are named
		NetworkSpec spec = tiny(32, 1000);
		java.util.Map<String, org.hao.engine.expand.SubgraphChoice> choices = java.util.Map.of("s",
				org.hao.engine.expand.SubgraphChoice.KEEP_ALL.withBits(new org.hao.engine.model.BitWidths(2, 2))
						.withPruning(new org.hao.engine.model.Pruning(8, 8, 0.9)));
		org.hao.engine.model.Quantization minmax = new org.hao.engine.model.Quantization(
				org.hao.engine.model.Quantization.Training.PTQ, false,
				org.hao.engine.model.Quantization.Granularity.PER_TENSOR,
				org.hao.engine.model.Quantization.Scales.POWER_OF_TWO, null,
				org.hao.engine.model.Quantization.Algorithm.MINMAX);
		Prediction pr = AccuracyPredictor.builtIn().withQuantization(minmax, null)
				.prediction(NetworkExpander.expand(spec, choices));
		assertTrue(pr.low() >= 0.1 && pr.low() <= pr.top1() && pr.top1() < pr.high(), pr.toString());
		assertTrue(!String.format(java.util.Locale.ROOT, "%.2f", pr.top1()).equals("0.00"), pr.toString());
		assertTrue(pr.pruningDrop() > 0 && pr.drop() > 10, "two 2-bit layers lose much: " + pr);
		for (String bound : new String[]{"M params below the table's smallest", "2-bit activations below",
				"round-to-nearest (algorithm minmax) below 8 bit"}) {
			assertTrue(pr.extrapolation().contains(bound), bound + " in " + pr.extrapolation());
		}
	}

	@Test
	void mobileNetV2IsInsideTheDomainWithAnInterval() {
		Prediction pr = AccuracyPredictor.builtIn().prediction(NetworkExpander.expand(Examples.mobileNetV2(null)));
		assertNull(pr.extrapolation());
		assertTrue(pr.top1() > 69 && pr.top1() < 74, pr.toString());
		assertTrue(pr.high() - pr.low() > 1 && pr.high() - pr.low() < 8, pr.toString());
	}
}
