package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Conv;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.Pointwise;
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
 * Regression for a crash the DSL fuzzing found: a layer with 2^31-1 output channels made the cost model's LUT count
 * overflow (ArithmeticException out of Estimator.estimate, shown as "integer overflow" in the editor). Candidates
 * beyond the device's DSPs are no longer costed, so the layer is costed at its cheapest lanes and reported as not
 * fitting (its weights alone need 2^25 BRAM18K).
 */
class HugeSizesTest {

	private static NetworkSpec huge() {
		return new NetworkSpec("huge", new Shape(3, 16, 16), List.of(new SubgraphSpec("s", ExecutionMode.SEQUENTIAL,
				List.of(new Conv("c", 8, 3, 1), new Pointwise("p", Integer.MAX_VALUE)), SubgraphSpace.NONE)));
	}

	/** Regression: ceil(h / stride) was computed as (h + stride - 1) / stride, which overflows near 2^31. */
	@Test
	void strideOnAHugeFeatureMapDoesNotOverflow() {
		NetworkSpec net = new NetworkSpec("tall", new Shape(3, Integer.MAX_VALUE, 8), List.of(
				new SubgraphSpec("s", ExecutionMode.SEQUENTIAL, List.of(new Conv("c", 8, 3, 2)), SubgraphSpace.NONE)));
		assertEquals(Integer.MAX_VALUE / 2 + 1, NetworkExpander.expand(net).output().height());
	}

	/**
	 * On an overlay a huge layer is only slow: the engines are fixed, so its cycles and DDR bytes are exact longs and
	 * the estimate is finite (17 G weights through DDR take seconds).
	 */
	@Test
	void aHugeLayerOnAnOverlayIsCostedExactly() {
		NetworkEstimate e = Estimator.estimate(huge(), Devices.ZU3EG_HLS);
		assertTrue(e.feasible(), e.findings().toString());
		assertTrue(Double.isFinite(e.latencyMs()) && e.latencyMs() > 1000, "latency " + e.latencyMs());
	}

	/** A kernel of 2^31 makes the overlay's cycle count overflow a long: reported, not thrown. */
	@Test
	void anOverflowingOverlayCostIsAFinding() {
		NetworkSpec net = new NetworkSpec("k", new Shape(3, 16, 16),
				List.of(new SubgraphSpec("s", ExecutionMode.SEQUENTIAL,
						List.of(new Conv("c", Integer.MAX_VALUE, Integer.MAX_VALUE, 1)), SubgraphSpace.NONE)));
		NetworkEstimate e = Estimator.estimate(net, Devices.ZU3EG_HLS);
		assertFalse(e.feasible());
		assertTrue(e.findings().stream().anyMatch(f -> f.contains("too large to cost")), e.findings().toString());
	}

	@Test
	void estimateOfAHugeLayerIsAFindingNotAnException() {
		NetworkEstimate e = Estimator.estimate(huge(), Devices.ZU3EG_PER_SUBGRAPH);
		assertFalse(e.feasible());
		assertTrue(e.findings().stream().anyMatch(f -> f.contains("minimum BRAM18K") && f.contains("layer p")),
				e.findings().toString());
	}

	/** Regression (fuzzing, "kernel 2147483647" on an mbconv): an overflowed negative cost reached the ILP and threw. */
	@Test
	void hugeKernelIsReportedNotThrown() {
		NetworkSpec net = new NetworkSpec("k", new Shape(16, 16, 16),
				List.of(new SubgraphSpec("blocks", ExecutionMode.PIPELINED,
						List.of(new MBConv("m1", 4, Integer.MAX_VALUE, 2, 24, true, 2)), SubgraphSpace.NONE)));
		NetworkEstimate e = Estimator.estimate(net, Devices.ZU3EG_HLS); // threw IllegalArgumentException before the fix
		assertTrue(e.feasible() || !e.findings().isEmpty(), e.toString());
	}

	@Test
	void searchOfAHugeLayerReportsTheSubgraph() {
		SearchResult r = HaoSearch.run(new SearchSpec("h", huge(), Devices.ZU3EG_PER_SUBGRAPH, Objective.MAX_ACCURACY,
				Constraints.NONE, null, 1, 30), new SearchOptions(1, null), null, new CancelToken());
		assertTrue(r.points().isEmpty());
		assertTrue(r.failures().toString().contains("does not fit"), r.failures().toString());
	}
}
