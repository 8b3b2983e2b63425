package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hao.engine.model.NetworkSpec;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * jqwik properties over random valid networks (real cost model, real SCIP): the frontier is non-dominated and within
 * the resource budget, latency is monotone in parallelism. jqwik draws the generator's seed (and a DSP cap), so a
 * failure shrinks to a small seed and is reproducible from the report.
 */
class EnginePropertiesTest {

	@Property(tries = 30, seed = "20260611")
	void frontierIsNonDominatedAndWithinBudget(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
			@ForAll @IntRange(min = 0, max = 400) int dspCap) {
		NetworkSpec net = RandomNetworks.network(seed);
		EngineInvariants.frontierIsNonDominatedAndWithinBudget(net, dspCap < 20 ? null : dspCap);
	}

	@Property(tries = 40, seed = "20260611")
	void latencyIsMonotoneInParallelism(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
		assertTrue(EngineInvariants.latencyIsMonotoneInParallelism(RandomNetworks.network(seed)) > 0);
	}
}
