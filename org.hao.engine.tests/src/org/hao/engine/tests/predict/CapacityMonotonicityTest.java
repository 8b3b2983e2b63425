package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.hao.engine.predict.Prediction;
import org.junit.jupiter.api.Test;

/**
 * A choice that only removes capacity (narrower, fewer MACs or parameters) is never predicted more accurate
 * (docs/predictor.md, "Capacity"): the float model is fitted monotone in MACs and params per block type, a
 * configuration keeps its written network's block types, and the capacity cap bounds what the fit cannot promise.
 */
class CapacityMonotonicityTest {

	/**
	 * Each block type of the table (the family's indicators, with and without squeeze-excite and swish): the float
	 * model never falls when MACs or params grow, inside the table's box and outside it (5 M .. 30 G MACs, 0.2 .. 150
	 * M params). The model before this fix fell with params across all ResNets (-1.9 to -4.8 points per unit of ln
	 * params at ResNet-18 .. -101).
	 */
	@Test
	void theFloatModelRisesWithMacsAndParamsForEveryBlockTypeOfTheTable() {
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		// {inverted_residual, dense_conv, channel_shuffle, squeeze_excite, swish}
		double[][] types = {{0, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {1, 0, 0, 1, 0}, {1, 0, 0, 1, 1}, {0, 1, 0, 0, 0},
				{0, 0, 1, 0, 0}};
		double step = 0.1;
		for (double[] t : types) {
			for (double lm = Math.log(5); lm < Math.log(30_000); lm += step) {
				for (double lp = Math.log(0.2); lp < Math.log(150); lp += step) {
					double v = p.floatTop1(features(t, lm, lp));
					double moreMacs = p.floatTop1(features(t, lm + step, lp));
					double moreParams = p.floatTop1(features(t, lm, lp + step));
					String at = String.format(Locale.ROOT, "block type %s at %.3g M MACs, %.3g M params: %.4f",
							java.util.Arrays.toString(t), Math.exp(lm), Math.exp(lp), v);
					assertTrue(moreMacs >= v - 1e-9, at + ", more MACs " + moreMacs);
					assertTrue(moreParams >= v - 1e-9, at + ", more params " + moreParams);
				}
			}
		}
	}

	private static Features features(double[] t, double lm, double lp) {
		return new Features(Math.exp(lm), Math.exp(lp), 224, t[0], t[3], 32, 32, Features.quantNoise(32, 32), 0, t[1],
				t[2], t[4]);
	}

	/**
	 * 3x3 convolutions then wide pointwise layers: the dense convolutions carry just above
	 * {@link AccuracyPredictor#DENSE_CONV_SHARE} of the MACs as written, so narrowing them moves the share below it. The
	 * configuration is still this dense network (its block types are the written network's): each narrower width is
	 * predicted lower. With block types computed from the narrowed layers, width 0.75 left the dense convolutions'
	 * model for the depthwise-separable one and was predicted above width 0.875.
	 */
	@Test
	void aNarrowerStageKeepsItsNetworksBlockTypeAndLosesAccuracy() {
		NetworkSpec net = new NetworkSpec("dense_then_pointwise", new Shape(3, 224, 224), List.of(
				new SubgraphSpec("dense", ExecutionMode.SEQUENTIAL,
						List.of(new Conv("c1", 32, 3, 2), new Conv("c2", 64, 3, 2), new Conv("c3", 128, 3, 1),
								new Conv("c4", 128, 3, 2)),
						SubgraphSpace.NONE),
				new SubgraphSpec("pointwise", ExecutionMode.SEQUENTIAL,
						List.of(new Pointwise("p1", 512), new Pointwise("p2", 512), new Pointwise("p3", 512),
								new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)),
						SubgraphSpace.NONE)));
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		ExpandedNetwork written = NetworkExpander.expand(net);
		assertEquals(1.0, AccuracyPredictor.denseFeaturesOf(written).denseConv(), "written: a dense network");
		ExpandedNetwork narrow = widths(net, "dense", 0.75);
		assertEquals(0.0, AccuracyPredictor.denseFeaturesOf(narrow).denseConv(),
				"the narrowed layers alone fall below the dense share (what makes this case)");
		double prev = p.predict(written);
		for (double w : new double[]{0.875, 0.75, 0.625, 0.5}) {
			double v = p.predict(widths(net, "dense", w));
			assertTrue(v < prev, "width " + w + ": " + v + " not below the next wider " + prev);
			prev = v;
		}
	}

	private static ExpandedNetwork widths(NetworkSpec net, String subgraph, double width) {
		return NetworkExpander.expand(net, Map.of(subgraph, new SubgraphChoice(SubgraphChoice.KEEP, SubgraphChoice.KEEP,
				width, SubgraphChoice.KEEP, BitWidths.INT8, Pruning.NONE)));
	}

	/**
	 * The cap where the fit cannot promise monotonicity: a user table with one dense-convolution row (ResNet-18) has
	 * no constraint for that block type, and its model rises as this plain dense network narrows from 10 M to 6 M
	 * params. The prediction stays at or below the written network's, and its interval moves with it.
	 */
	@Test
	void theCapacityCapHoldsWhereTheFitIsNotConstrained() throws Exception {
		List<AccuracyPredictor.Row> rows;
		try (Reader r = new InputStreamReader(
				AccuracyPredictor.class.getResourceAsStream(AccuracyPredictor.BUILT_IN_RESOURCE),
				StandardCharsets.UTF_8)) {
			rows = AccuracyPredictor.read(r, "imagenet-top1.csv");
		}
		AccuracyPredictor p = AccuracyPredictor.fit(
				rows.stream().filter(r -> r.features().denseConv() < 0.5 || r.model().equals("ResNet-18")).toList(),
				"one dense row");
		NetworkSpec net = new NetworkSpec("plain", new Shape(3, 224, 224),
				List.of(new SubgraphSpec("stem", ExecutionMode.SEQUENTIAL,
						List.of(new Conv("c1", 64, 7, 2), new Conv("c2", 64, 3, 2)), SubgraphSpace.NONE),
						new SubgraphSpec("body", ExecutionMode.SEQUENTIAL,
								List.of(new Conv("c3", 256, 3, 1), new Conv("c4", 256, 3, 2), new Conv("c5", 512, 3, 1),
										new Conv("c6", 512, 3, 2), new Conv("c7", 1024, 3, 1),
										new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)),
								SubgraphSpace.NONE)));
		ExpandedNetwork written = NetworkExpander.expand(net);
		Prediction w = p.prediction(written);
		for (double width : new double[]{0.875, 0.75}) {
			ExpandedNetwork narrow = widths(net, "body", width);
			assertTrue(
					p.floatTop1(AccuracyPredictor.denseFeaturesOf(narrow)) > p
							.floatTop1(AccuracyPredictor.denseFeaturesOf(written)),
					"this user table's float model rises as the network narrows (what makes this case)");
			Prediction n = p.prediction(narrow);
			assertTrue(n.top1() <= w.top1() + 1e-9, "width " + width + ": " + n + " above the written " + w);
			assertTrue(n.low() < n.top1() && n.top1() < n.high(), n.toString());
			assertEquals(n.top1(), n.floatTop1() - n.drop() - n.pruningDrop(), 0.01, "the parts still add up: " + n);
		}
	}

	/** The cap never lowers a configuration that adds capacity (width 1.25) below its own uncapped prediction. */
	@Test
	void aChoiceThatAddsCapacityIsNotCapped() {
		NetworkSpec net = new NetworkSpec("plain", new Shape(3, 224, 224),
				List.of(new SubgraphSpec("body", ExecutionMode.SEQUENTIAL,
						List.of(new Conv("c1", 64, 3, 2), new Conv("c2", 128, 3, 2), new Conv("c3", 256, 3, 2),
								new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)),
						SubgraphSpace.NONE)));
		AccuracyPredictor p = AccuracyPredictor.builtIn();
		ExpandedNetwork wide = widths(net, "body", 1.25);
		assertEquals(p.floatTop1(AccuracyPredictor.denseFeaturesOf(wide)), p.prediction(wide).floatTop1(), 1e-9);
		assertTrue(p.predict(wide) > p.predict(NetworkExpander.expand(net)));
	}
}
