package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Prediction;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.junit.jupiter.api.Test;

/**
 * Frontier points whose predicted top-1 cannot be told from chance (the interval's lower end reaches 100/K % before
 * the soft floor) are dropped and counted in a warning (docs/search.md, "Points at chance"): a binary network that is
 * the fastest on a device whose 1-bit throughput is 4x its 8-bit one is not a design at 0.1 % top-1.
 */
class ChanceFrontierTest {
	/** A mobile GPU whose 1-bit peak is 4x its 8-bit peak (so binary networks are the fastest). */
	private static final Device GPU = new Device("GPU", DeviceKind.MOBILE_GPU, null,
			new GpuSpec(Map.of(1, 8000.0, 8, 2000.0), 30.0, Map.of(LayerKind.CONV, 0.5, LayerKind.POINTWISE, 0.6), 0.0),
			new PowerModel(1, 1, 1));

	/** The engine's reduced MobileNet-like network; every searchable block offers W8A8 and W1A1. */
	private static NetworkSpec network() {
		NetworkSpec reduced = Examples.reduced();
		SubgraphSpace bits = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(),
				List.of(BitWidths.INT8, new BitWidths(1, 1)), List.of());
		List<SubgraphSpec> sgs = new ArrayList<>();
		for (SubgraphSpec sg : reduced.subgraphs()) {
			sgs.add(sg.space().size() > 1 ? new SubgraphSpec(sg.name(), sg.mode(), sg.ops(), bits) : sg);
		}
		return new NetworkSpec(reduced.name(), reduced.input(), sgs);
	}

	@Test
	void pointsAtChanceLeaveTheFrontierAndAreCounted() {
		NetworkSpec net = network();
		// what makes this case: the all-binary network's interval reaches chance
		Map<String, SubgraphChoice> binary = new LinkedHashMap<>();
		for (SubgraphSpec sg : net.subgraphs()) {
			binary.put(sg.name(),
					SubgraphChoice.base(sg).withBits(sg.space().size() > 1 ? new BitWidths(1, 1) : BitWidths.INT8));
		}
		Prediction atChance = AccuracyPredictor.builtIn().prediction(NetworkExpander.expand(net, binary));
		double bound = AccuracyPredictor.atChance(1000);
		assertEquals(0.1 + 2 * Math.log(2), bound, 1e-9, "the soft floor at ImageNet's chance");
		assertTrue(atChance.low() <= bound, atChance.toString());

		SearchResult r = HaoSearch.run(
				new SearchSpec("t", net, GPU, Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 300),
				new SearchOptions(2, null), null, new CancelToken());
		assertFalse(r.points().isEmpty(), r.failures().toString());
		for (ParetoPoint p : r.points()) {
			assertTrue(p.accuracyLow() > bound, "a point at chance on the frontier: " + p);
		}
		String warning = r.warnings().stream().filter(w -> w.contains("indistinguishable from chance")).findFirst()
				.orElse(null);
		assertNotNull(warning, r.warnings().toString());
		assertTrue(warning.matches("\\d+ frontier points? dropped: .*\\(0\\.1 % for 1000 classes\\).*"), warning);
		assertNotNull(r.chosen());
		assertEquals(r.points().get(r.points().size() - 1), r.chosen());
	}

	/**
	 * A toy network the predictor cannot tell from chance even as written (one pointwise layer on a 144-channel input):
	 * the accuracy axis carries no evidence, so its points stay and no warning is given.
	 */
	@Test
	void aNetworkAtChanceAsWrittenKeepsItsPoints() {
		SubgraphSpace bits = new SubgraphSpace(List.of(), List.of(), List.of(), List.of(),
				List.of(BitWidths.INT8, new BitWidths(1, 1)), List.of());
		NetworkSpec net = new NetworkSpec("pw", new org.hao.engine.model.Shape(144, 56, 56),
				List.of(new SubgraphSpec("g", org.hao.engine.model.ExecutionMode.SEQUENTIAL,
						List.of(new org.hao.engine.model.Pointwise("pw", 24)), bits)));
		double low = AccuracyPredictor.builtIn().prediction(NetworkExpander.expand(net)).low();
		assertTrue(low <= AccuracyPredictor.atChance(1000), "what makes this case: " + low);
		SearchResult r = HaoSearch.run(
				new SearchSpec("t", net, GPU, Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 300),
				new SearchOptions(1, null), null, new CancelToken());
		assertFalse(r.points().isEmpty(), r.failures().toString());
		assertTrue(r.warnings().stream().noneMatch(w -> w.contains("chance")), r.warnings().toString());
	}
}
