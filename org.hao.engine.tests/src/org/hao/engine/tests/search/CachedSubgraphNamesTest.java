package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.model.Constraints;
import org.hao.engine.model.Conv;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 11): MnasNet-A1 split into s6a / s6b / s6c had equal s6b and s6c, which share one cached ILP;
 * the messages for s6c named s6b (and s6b's layers). Each subgraph's message names that subgraph and its layers.
 */
class CachedSubgraphNamesTest {

	@Test
	void equalSubgraphsAreNamedInTheirOwnMessages() {
		// a 7x7 conv on 2048 x 64 x 64 keeps 7 rows of 2048 channels in its line buffer: more than the ZU3EG has
		Shape in = new Shape(2048, 64, 64);
		List<SubgraphSpec> subgraphs = List.of(
				new SubgraphSpec("s6b", ExecutionMode.SEQUENTIAL, List.of(new Conv("b", 2048, 7, 1)),
						SubgraphSpace.NONE),
				new SubgraphSpec("s6c", ExecutionMode.SEQUENTIAL, List.of(new Conv("c", 2048, 7, 1)),
						SubgraphSpace.NONE));
		// per-subgraph accelerators: one layer-parallel ILP per subgraph (the overlay solves one for the network)
		SearchResult r = HaoSearch.run(
				new SearchSpec("names", new NetworkSpec("n", in, subgraphs), Devices.ZU3EG_PER_SUBGRAPH,
						Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 30),
				new SearchOptions(1, null), null, new CancelToken());
		String failures = r.failures().toString();
		assertTrue(failures.contains("subgraph s6b does not fit"), failures);
		for (String f : r.failures().stream().map(org.hao.engine.results.Failure::message).toList()) {
			if (f.startsWith("subgraph s6c ")) {
				assertFalse(f.contains("s6b") || f.contains("layer b "), f); // its layer is c
				assertTrue(f.contains("layer c "), f);
				assertTrue(f.contains("subgraph s6c does not fit"), f);
			}
		}
		assertTrue(r.failures().stream().anyMatch(f -> f.message().startsWith("subgraph s6c ")), failures);
	}
}
