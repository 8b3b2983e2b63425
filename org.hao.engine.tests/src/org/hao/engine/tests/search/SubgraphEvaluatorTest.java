package org.hao.engine.tests.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hao.engine.bench.Examples;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.search.SubgraphEvaluator;
import org.junit.jupiter.api.Test;

/** The ILP optimises what the cost model reports: for pipelined subgraphs fill and shared DDR time included. */
class SubgraphEvaluatorTest {

	@Test
	void pipelinedIlpObjectiveIsTheReportedSubgraphLatency() {
		SubgraphEvaluator evaluator = new SubgraphEvaluator(Devices.ZU3EG_HLS, null, new IlpCache());
		int pipelined = 0;
		for (ExpandedSubgraph sg : NetworkExpander.expand(Examples.mobileNetV2Stages()).subgraphs()) {
			SubgraphEvaluator.Evaluation e = evaluator.evaluate(sg, () -> false);
			assertTrue(e.ok(), sg.name() + ": " + e.failure());
			assertEquals(IlpResult.Status.OPTIMAL, e.ilp().status(), e.ilp().message());
			assertEquals(e.cost().latencyMs(), e.ilp().latencyMs(), 1e-9 * e.cost().latencyMs(), sg.name());
			pipelined += sg.spec().mode() == ExecutionMode.PIPELINED ? 1 : 0;
		}
		assertTrue(pipelined >= 5, "MobileNetV2's pipelined subgraphs: " + pipelined);
	}
}
