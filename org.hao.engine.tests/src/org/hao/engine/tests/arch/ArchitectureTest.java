package org.hao.engine.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.Architecture;
import org.hao.engine.arch.ConvEngine;
import org.hao.engine.arch.DepthwiseEngine;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.bench.Examples;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.OverlayIlp;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

/** Architectures: what one bitstream needs, the co-design ILP against enumeration, and subgraph cuts. */
class ArchitectureTest {
	private static final Device DATAFLOW = Devices.ZU3EG_HLS.withArchitecture(Architecture.DATAFLOW);

	/** SCIP's overlay equals the best of every (conv engine, depthwise engine, buffer) combination that fits. */
	@Test
	void overlayIlpIsOptimalAgainstEnumeration() {
		List<Layer> layers = NetworkExpander.expand(Examples.reduced()).layers();
		OverlayCostModel model = new OverlayCostModel(Devices.ZU3EG_HLS, OverlaySpec.FREE);
		ResourceBudget budget = ResourceBudget.of(360, 432, 70_560, 0.85);
		OverlayIlp.Result r = OverlayIlp.solve(layers, model, budget, 30_000, () -> false);
		assertEquals(IlpResult.Status.OPTIMAL, r.status(), r.message());
		double best = Double.POSITIVE_INFINITY;
		int combos = 0;
		for (ConvEngine c : OverlayIlp.convCandidates(OverlaySpec.FREE)) {
			for (DepthwiseEngine d : OverlayIlp.depthwiseCandidates(OverlaySpec.FREE)) {
				for (int f : OverlayIlp.bufferCandidates(OverlaySpec.FREE)) {
					Accelerator a = model.accelerator("overlay", c, d, f, 8);
					if (a.dsp() <= budget.dspLimit() && a.bram18k() <= budget.bram18kLimit()
							&& a.lut() <= budget.lutLimit()) {
						combos++;
						best = Math.min(best, model.networkCost(layers, a).latencyMs());
					}
				}
			}
		}
		System.out.println("ARCH overlay ILP " + r.latencyMs() + " ms vs enumeration of " + combos + " accelerators "
				+ best + " ms");
		assertTrue(combos > 100);
		assertEquals(best, r.latencyMs(), 1e-9 * best);
		Accelerator a = r.accelerator();
		assertTrue(a.dsp() <= 306 && a.bram18k() <= 367 && a.lut() <= 59_976, a.describe());
		assertEquals(a.convResources().plus(a.depthwiseResources()).plus(a.bufferResources()), a.total());
	}

	/** A network without depthwise layers gets no depthwise engine: its overlay is the conv engine and buffer only. */
	@Test
	void noDepthwiseLayerNoDepthwiseEngine() {
		NetworkSpec plain = new NetworkSpec("plain", new org.hao.engine.model.Shape(3, 64, 64),
				List.of(new SubgraphSpec("s", ExecutionMode.SEQUENTIAL,
						List.of(new org.hao.engine.model.Conv("c1", 32, 3, 2),
								new org.hao.engine.model.Pointwise("p1", 64)),
						null)));
		NetworkEstimate e = Estimator.estimate(plain, Devices.ZU3EG_HLS, Constraints.NONE, new IlpCache());
		assertTrue(e.feasible(), e.findings().toString());
		assertEquals(null, e.accelerator().depthwiseEngine());
		int conv = e.accelerator().convEngine().dsp();
		assertEquals(conv, e.dsp(), "the DSPs are the conv engine's alone");
	}

	/**
	 * Regression: the overlay caches were keyed by shapes only, so a grouped convolution with the same shapes as a
	 * dense one was given the dense one's cost. Groups (and every other option) are part of the key now.
	 */
	@Test
	void groupedAndDenseConvolutionsAreCostedApart() {
		java.util.function.IntFunction<NetworkSpec> net = g -> new NetworkSpec("g",
				new org.hao.engine.model.Shape(64, 28, 28),
				List.of(new SubgraphSpec(
						"s", ExecutionMode.SEQUENTIAL, List.of(new org.hao.engine.model.Conv("c", 64, 3, 1, g, 1,
								org.hao.engine.model.Padding.SAME, org.hao.engine.model.Activation.RELU, List.of())),
						null)));
		NetworkEstimate dense = Estimator.estimate(net.apply(1), Devices.ZU3EG_HLS); // the shared caches, as the editor uses them
		NetworkEstimate grouped = Estimator.estimate(net.apply(8), Devices.ZU3EG_HLS);
		assertTrue(dense.feasible() && grouped.feasible());
		assertEquals(dense.macs() / 8, grouped.macs());
		assertTrue(grouped.latencyMs() < dense.latencyMs(), grouped.latencyMs() + " vs " + dense.latencyMs());
	}

	/** MobileNetV2 with one stage per subgraph instead of one block per subgraph. */
	private static NetworkSpec perStage(NetworkSpec perBlock) {
		List<SubgraphSpec> out = new ArrayList<>();
		List<OpSpec> stage = new ArrayList<>();
		String name = null;
		for (SubgraphSpec s : perBlock.subgraphs()) {
			String st = s.name().startsWith("block") ? s.name().substring(0, s.name().indexOf('_')) : s.name();
			if (name != null && !st.equals(name)) {
				out.add(new SubgraphSpec(name, ExecutionMode.PIPELINED, stage, null));
				stage = new ArrayList<>();
			}
			name = st;
			stage.addAll(s.ops());
		}
		out.add(new SubgraphSpec(name, ExecutionMode.SEQUENTIAL, stage, null));
		return new NetworkSpec(perBlock.name(), perBlock.input(), out);
	}

	/** One subgraph for the whole network. */
	private static NetworkSpec oneSubgraph(NetworkSpec n) {
		List<OpSpec> ops = new ArrayList<>();
		n.subgraphs().forEach(s -> ops.addAll(s.ops()));
		return new NetworkSpec(n.name(), n.input(),
				List.of(new SubgraphSpec("all", ExecutionMode.SEQUENTIAL, ops, null)));
	}

	/**
	 * Re-cutting the subgraphs changes no overlay or dataflow latency (it changed the per-subgraph model's MobileNetV2
	 * estimate by 19 %). A whole-MobileNetV2 dataflow design does not fit a ZU3EG (537 BRAM18K at least), so the
	 * dataflow case uses the reduced network.
	 */
	@Test
	void reCuttingSubgraphsChangesNoOverlayOrDataflowLatency() {
		NetworkSpec blocks = Examples.mobileNetV2(null);
		NetworkSpec stages = perStage(blocks);
		assertTrue(stages.subgraphs().size() < blocks.subgraphs().size());
		assertSameCost(blocks, stages, Devices.ZU3EG_HLS);
		assertSameCost(blocks, oneSubgraph(blocks), Devices.ZU3EG_HLS);
		assertSameCost(Examples.reduced(), oneSubgraph(Examples.reduced()), DATAFLOW);
		NetworkEstimate whole = Estimator.estimate(blocks, DATAFLOW, Constraints.NONE, new IlpCache());
		assertFalse(whole.feasible());
		assertTrue(whole.findings().stream().anyMatch(f -> f.contains("BRAM18K") && f.contains("short by")),
				whole.findings().toString());
	}

	private static void assertSameCost(NetworkSpec a, NetworkSpec b, Device d) {
		NetworkEstimate ea = Estimator.estimate(a, d, Constraints.NONE, new IlpCache());
		NetworkEstimate eb = Estimator.estimate(b, d, Constraints.NONE, new IlpCache());
		assertTrue(ea.feasible() && eb.feasible(), ea.findings() + " " + eb.findings());
		assertEquals(ea.latencyMs(), eb.latencyMs(), 1e-9 * ea.latencyMs(), d.architecture().kind().toString());
		assertEquals(ea.dsp(), eb.dsp());
		assertEquals(ea.bram18k(), eb.bram18k());
	}

	/** Every architecture: every point's resources are one bitstream's and fit the device times its cap. */
	@Test
	void everyArchitectureFitsTheDevice() {
		for (Device d : List.of(Devices.ZU3EG_HLS, DATAFLOW, Devices.ZU3EG_PER_SUBGRAPH)) {
			SearchResult r = HaoSearch.run(new SearchSpec("fit", Examples.reduced(), d, Objective.MAX_ACCURACY,
					Constraints.NONE, null, 1, 120), new SearchOptions(2, null), null, new CancelToken());
			assertFalse(r.points().isEmpty(), d.architecture().kind() + ": " + r.failures());
			for (ParetoPoint p : r.points()) {
				assertTrue(p.dsp() <= 306 && p.bram18k() <= 367 && p.lut() <= 59_976,
						d.architecture().kind() + " " + p);
				assertEquals(d.architecture().kind().keyword(), p.config().accelerator().architecture());
			}
		}
	}

	/** Dataflow: resources add up over the layers; throughput (fps) is at least 1000 / latency (frames overlap). */
	@Test
	void dataflowAddsResourcesAndPipelinesFrames() {
		NetworkEstimate e = Estimator.estimate(Examples.reduced(), DATAFLOW, Constraints.NONE, new IlpCache());
		assertTrue(e.feasible(), e.findings().toString());
		int dsp = e.subgraphs().stream().flatMap(s -> s.layers().stream()).mapToInt(l -> l.dsp()).sum();
		assertEquals(dsp, e.dsp());
		assertTrue(e.dsp() <= 306);
		assertTrue(e.fps() >= 1000 / e.latencyMs() - 1e-9, e.fps() + " fps vs latency " + e.latencyMs());
	}

	/** A latency constraint the most accurate point misses binds: the chosen point meets it and is less accurate. */
	@Test
	void fpsConstraintBinds() {
		SearchSpec free = new SearchSpec("b", Examples.mobileNetV2(Examples.benchSpace()), Devices.ZU3EG_HLS,
				Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 120);
		SearchResult all = HaoSearch.run(free, new SearchOptions(2, null), null, new CancelToken());
		List<ParetoPoint> front = all.points();
		assertTrue(front.size() >= 3, "front " + front.size());
		ParetoPoint mostAccurate = front.get(front.size() - 1);
		double target = (front.get(0).fps() + mostAccurate.fps()) / 2;
		SearchSpec bound = new SearchSpec("b", free.network(), Devices.ZU3EG_HLS, Objective.MAX_ACCURACY,
				new Constraints(target, null, null, null, null, null, null), null, 1, 120);
		SearchResult r = HaoSearch.run(bound, new SearchOptions(2, null), null, new CancelToken());
		assertTrue(r.chosen() != null, r.warnings().toString());
		assertTrue(r.chosen().fps() >= target);
		assertTrue(r.chosen().accuracy() < mostAccurate.accuracy());
	}
}
