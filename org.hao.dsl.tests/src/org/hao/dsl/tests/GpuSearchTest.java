package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.VisibleDevices;
import org.hao.engine.cost.GpuCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

/**
 * The mobile-GPU path end to end with the standard library's Adreno640: MobileNetV2 lands where published
 * measurements put it (ncnn, Vulkan FP16 on an Adreno 640: 11.06 ms; see stdlib/devices.hao [NCNN]).
 */
class GpuSearchTest {

	private static SearchSpec mobileNetV2OnAdreno640() throws Exception {
		HaoModelLoader loader = new HaoModelLoader();
		Path file = Path.of(System.getProperty("hao.examples.dir", "../examples"), "mobilenetv2-zu3eg.hao");
		Resource resource = loader.load(file);
		Search search = (Search) HaoModelLoader.model(resource).getElements().stream().filter(Search.class::isInstance)
				.findFirst().orElseThrow();
		DeviceDecl adreno = new VisibleDevices(HaoModelLoader.injector().getInstance(IScopeProvider.class)).find(search,
				"Adreno640");
		assertNotNull(adreno, "the standard library's Adreno640 is visible from the example");
		return new ModelMapper().toSearch(search, adreno);
	}

	@Test
	void baseMobileNetV2LandsInThePublishedRange() throws Exception {
		SearchSpec spec = mobileNetV2OnAdreno640();
		assertEquals(DeviceKind.MOBILE_GPU, spec.device().kind());
		NetworkEstimate e = Estimator.estimate(spec.network(), spec.device());
		System.out.printf(java.util.Locale.ROOT, "MobileNetV2 INT8 on Adreno640: %.2f ms, %.1f fps, %.2f mJ/frame%n",
				e.latencyMs(), e.fps(), e.energyMj());
		// 64 layers x 70 us launch = 4.48 ms plus the roofline time of 300 M MACs at 6 % of peak
		assertTrue(e.latencyMs() > 8 && e.latencyMs() < 15, "latency " + e.latencyMs());
		assertTrue(e.energyMj() > e.latencyMs() * 1.0, "static 1 W alone gives 1 mJ per ms: " + e.energyMj());
	}

	@Test
	void pointwiseWorkedExampleOnAdreno640() throws Exception {
		// cost-model.md section 5: pointwise 144 -> 24 at 56x56, INT8, on the library's Adreno640.
		// compute = 2 x 10,838,016 ops / (1797 GOPS x 0.06) = 21,676,032 / 107.82e6 per ms = 0.2010390651 ms
		// memory  = (3,456 weight + 451,584 input + 75,264 output) B / 34.1 GB/s = 530,304 / 34.1e6 = 0.0155514 ms
		// latency = 0.070 ms launch + max(compute, memory) = 0.2710390651 ms
		// energy  = (1.0 W idle + 4.07 W engines) x 0.2710390651 + 10,838,016 x 2.2 pJ + 530,304 x 32 pJ = 1.4149814233 mJ
		SearchSpec spec = mobileNetV2OnAdreno640();
		Layer pw = new Layer("pw", "pw", "g", LayerKind.POINTWISE, 144, 24, 56, 56, 56, 56, 1, 1, BitWidths.INT8,
				Pruning.NONE);
		LayerCost c = new GpuCostModel(spec.device()).cost(pw);
		assertEquals(0.2010390651, c.computeMs(), 1e-9);
		assertEquals(0.0155514370, c.memoryMs(), 1e-9);
		assertEquals(0.2710390651, c.latencyMs(), 1e-9);
		assertEquals(1.4149814233, c.energyMj(), 1e-9);
	}

	@Test
	void searchOnTheGpuGivesASaneFrontier() throws Exception {
		SearchSpec spec = mobileNetV2OnAdreno640();
		SearchResult r = HaoSearch.run(spec, new SearchOptions(1, 120.0), null, new CancelToken());
		assertTrue(r.solverVersion().startsWith("none"), r.solverVersion());
		assertFalse(r.points().isEmpty(), r.failures().toString());
		ParetoPoint fastest = r.points().get(0);
		ParetoPoint best = r.points().get(r.points().size() - 1);
		System.out.printf(java.util.Locale.ROOT, "Adreno640 frontier: %d points, %.2f..%.2f ms, %.2f..%.2f %% top-1%n",
				r.points().size(), fastest.latencyMs(), best.latencyMs(), fastest.accuracy(), best.accuracy());
		for (ParetoPoint p : r.points()) {
			assertTrue(p.latencyMs() > 5 && p.latencyMs() < 30, "MobileNetV2-class latency on a mobile GPU: " + p);
			assertEquals(1000 / p.latencyMs(), p.fps(), 1e-9);
			assertEquals(1000 / p.energyMj(), p.framesPerJoule(), 1e-9);
			assertEquals(0, p.dsp());
		}
	}
}
