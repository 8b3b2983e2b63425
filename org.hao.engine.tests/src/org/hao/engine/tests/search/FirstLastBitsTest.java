package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.bench.Devices;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Quantization;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.results.LayerConfig;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code first-last 8bit} (the default) holds for what is costed and exported, not only for the accuracy the predictor
 * gives: a space that puts every subgraph at W4A8 still runs the stem conv and the classifier at 8 bit.
 */
class FirstLastBitsTest {
	private static final BitWidths W4A8 = new BitWidths(4, 8);

	private static NetworkSpec network() {
		SubgraphSpace four = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(), List.of(W4A8), List.of());
		SubgraphSpace both = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(),
				List.of(BitWidths.INT8, W4A8), List.of());
		return new NetworkSpec("fl", new Shape(3, 32, 32), List.of(
				new SubgraphSpec("stem", ExecutionMode.SEQUENTIAL, List.of(new Conv("conv_stem", 16, 3, 2)), four),
				new SubgraphSpec("body", ExecutionMode.SEQUENTIAL,
						List.<OpSpec>of(new MBConv("m1", 4, 3, 2, 24, false, 1)), both),
				new SubgraphSpec("head", ExecutionMode.SEQUENTIAL,
						List.of(new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 10)), four)));
	}

	private static SearchResult search(boolean firstLast8Bit) {
		Quantization d = Quantization.DEFAULT;
		Quantization q = new Quantization(d.training(), firstLast8Bit, d.granularity(), d.scales(), null,
				d.algorithm());
		SearchSpec spec = new SearchSpec("fl", network(), Devices.ZU3EG_HLS, Objective.MAX_ACCURACY, Constraints.NONE,
				null, 1, 60, q);
		return HaoSearch.run(spec, new SearchOptions(1, 60.0), null, null);
	}

	private static int weightBits(ParetoPoint p, String layer) {
		return p.config().layers().stream().filter(l -> l.name().equals(layer)).mapToInt(LayerConfig::weightBits)
				.findFirst().orElseThrow(() -> new AssertionError("no layer " + layer));
	}

	@Test
	void theFirstAndLastLayersAreCostedAndExportedAt8Bit() {
		SearchResult kept = search(true);
		SearchResult same = search(false);
		assertFalse(kept.points().isEmpty(), String.valueOf(kept.failures()));
		for (ParetoPoint p : kept.points()) {
			assertEquals(8, weightBits(p, "conv_stem"), "stem at 8 bit under first-last 8bit");
			assertEquals(8, weightBits(p, "fc"), "classifier at 8 bit under first-last 8bit");
			assertEquals(8, p.config().subgraphs().get("stem").opBits().get("conv_stem").weightBits(),
					"the point's configuration (and so its export) says so");
		}
		for (ParetoPoint p : same.points()) {
			assertEquals(4, weightBits(p, "conv_stem"), "first-last same: the space's 4 bit");
			assertEquals(4, weightBits(p, "fc"));
		}
		// the 4-bit stem and classifier are cheaper: the same network is never slower with them
		double keptFastest = kept.points().stream().mapToDouble(ParetoPoint::latencyMs).min().orElseThrow();
		double sameFastest = same.points().stream().mapToDouble(ParetoPoint::latencyMs).min().orElseThrow();
		assertTrue(sameFastest <= keptFastest, sameFastest + " vs " + keptFastest);
	}
}
