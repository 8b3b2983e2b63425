package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.VisibleDevices;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.PowerScope;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.search.NetworkEvaluator;
import org.junit.jupiter.api.Test;

/**
 * The "Mobile or FPGA?" finding (Yuan et al., ACM TECS 2022) on the shipped examples/mobile-vs-fpga.hao (its network
 * and devices), with the architectures' real SCIP solves (overlay co-design ILP, dataflow ILP) rather than time-limited
 * searches, so the direction does not depend on the machine's load: at 8 bit the mobile GPU (Adreno 650) gives more
 * frames per joule than the FPGA; the FPGA is ahead only with binary / ternary layers in LUTs, at a large predicted
 * accuracy loss; block-based pruning improves frames per joule on both. All devices' power figures are board power
 * (stdlib/devices.hao), so the comparison is like with like.
 */
class MobileOrFpgaFindingTest {
	private static final List<String> DEVICES = List.of("ZU3EG", "Ultra96_FINN", "Adreno650");

	private static SearchSpec spec(String device) throws Exception {
		HaoModelLoader loader = new HaoModelLoader();
		Path file = Path.of(System.getProperty("hao.examples.dir", "../examples"), "mobile-vs-fpga.hao");
		Resource resource = loader.load(file);
		Search search = (Search) HaoModelLoader.model(resource).getElements().stream().filter(Search.class::isInstance)
				.findFirst().orElseThrow();
		assertEquals(DEVICES, search.getDevices().stream().map(DeviceDecl::getName).toList(),
				"the example's own devices");
		DeviceDecl d = new VisibleDevices(HaoModelLoader.injector().getInstance(IScopeProvider.class)).find(search,
				device);
		assertNotNull(d, device);
		return new ModelMapper().toSearch(search, d);
	}

	/** The example's network with the stem at {@code stem}, the body (s2-s7) at {@code body} and the head at W4A8. */
	private static ExpandedNetwork network(SearchSpec s, BitWidths stem, BitWidths body) {
		Map<String, SubgraphChoice> c = new LinkedHashMap<>();
		for (SubgraphSpec sg : s.network().subgraphs()) {
			BitWidths b = sg.name().equals("stem") ? stem : sg.name().equals("head") ? new BitWidths(4, 8) : body;
			c.put(sg.name(), SubgraphChoice.base(sg).withBits(b));
		}
		return NetworkExpander.expand(s.network(), c);
	}

	/** {@code low}: the lower end of the prediction's interval (percent). */
	private record Outcome(NetworkEvaluator.Evaluation evaluation, double top1, double low) {
		double framesPerJoule() {
			return 1000 / evaluation.energyMj();
		}
	}

	/** The network on the device (the architecture's real SCIP solve) and its predicted top-1. */
	private static Outcome evaluate(String device, BitWidths body) throws Exception {
		SearchSpec s = spec(device);
		assertEquals(PowerScope.BOARD, s.device().power().scope(), device + ": like with like");
		ExpandedNetwork en = network(s, BitWidths.INT8, body);
		NetworkEvaluator.Evaluation e = new NetworkEvaluator(s.device(), s.constraints(), new IlpCache()).evaluate(en,
				() -> false);
		org.hao.engine.predict.Prediction pr = AccuracyPredictor.builtIn().prediction(en);
		Outcome o = new Outcome(e, pr.top1(), pr.low());
		System.out.printf(Locale.ROOT, "%-13s body %s: %s%n", device, body,
				e.ok() ? String.format(Locale.ROOT, "%.3f ms, %.3f mJ/frame, %.1f frames/J, %.2f W, %.2f %% top-1",
						e.latencyMs(), e.energyMj(), o.framesPerJoule(), e.energyMj() * e.fps() / 1000, o.top1())
						: e.failure());
		return o;
	}

	@Test
	void mobileGpuAheadAt8BitFpgaAheadOnlyWithBinaryOrTernaryLayers() throws Exception {
		BitWidths w1a1 = new BitWidths(1, 1), w2a2 = new BitWidths(2, 2);
		Outcome mobile8 = evaluate("Adreno650", BitWidths.INT8);
		Outcome overlay8 = evaluate("ZU3EG", BitWidths.INT8);
		Outcome overlayBinary = evaluate("ZU3EG", w1a1);
		Outcome finn8 = evaluate("Ultra96_FINN", BitWidths.INT8);
		Outcome finnBinary = evaluate("Ultra96_FINN", w1a1);
		Outcome finnTernary = evaluate("Ultra96_FINN", w2a2);
		assertTrue(mobile8.evaluation().ok() && overlay8.evaluation().ok() && overlayBinary.evaluation().ok()
				&& finnBinary.evaluation().ok() && finnTernary.evaluation().ok());
		// at 8 bit the mobile GPU leads: the Ultra96 board idles at 8 W; a FINN-style 8-bit MobileNetV2 does not fit.
		// With the engine power fitted to measurements (issue 16: the phone's GPU draws 4.2 W above idle, the KV260's
		// DPU adds nothing beyond its MAC and DDR energy) the lead is 1.6x (it was 3x with the assumed 2 W / 0.5 W)
		assertTrue(mobile8.framesPerJoule() > 1.5 * overlay8.framesPerJoule(),
				mobile8.framesPerJoule() + " vs " + overlay8.framesPerJoule() + " frames/J");
		assertFalse(finn8.evaluation().ok(), "an 8-bit dataflow MobileNetV2 needs more BRAM than the ZU3EG has");
		// an overlay's DSP datapath gains little from 1-bit layers: still behind the mobile GPU
		assertTrue(overlayBinary.framesPerJoule() < mobile8.framesPerJoule());
		// binary / ternary layers in LUTs put the FPGA ahead ...
		assertTrue(finnBinary.framesPerJoule() > 1.5 * mobile8.framesPerJoule(),
				finnBinary.framesPerJoule() + " vs " + mobile8.framesPerJoule() + " frames/J");
		assertTrue(finnTernary.framesPerJoule() > mobile8.framesPerJoule(),
				finnTernary.framesPerJoule() + " vs " + mobile8.framesPerJoule() + " frames/J");
		// the binary body's engines are LUT engines: no DSP in s2-s7 (the 8-bit stem and 4-bit head keep theirs)
		for (NetworkEvaluator.Part part : finnBinary.evaluation().parts()) {
			String sg = part.subgraph().name();
			if (!sg.equals("stem") && !sg.equals("head")) {
				assertEquals(0, part.cost().layers().stream().mapToInt(l -> l.dsp()).sum(), sg + " uses DSPs");
			}
		}
		// ... at a large predicted accuracy loss
		assertTrue(finnBinary.top1() < mobile8.top1() - 20, finnBinary.top1() + " vs " + mobile8.top1());
		assertTrue(finnTernary.top1() < mobile8.top1() - 10, finnTernary.top1() + " vs " + mobile8.top1());
		// the binary body is predicted at chance (its interval reaches ImageNet's 0.1 %): a search drops it from the
		// frontier (docs/search.md, "Points at chance"); the ternary body, the FPGA's other lead, stays a design
		double chance = AccuracyPredictor.atChance(1000);
		assertTrue(finnBinary.low() <= chance, "binary: " + finnBinary.low() + " vs " + chance);
		assertTrue(finnTernary.low() > chance, "ternary: " + finnTernary.low() + " vs " + chance);
		assertTrue(AccuracyPredictor.builtIn().prediction(NetworkExpander.expand(spec("Adreno650").network()))
				.low() > chance, "the written network is above chance, so the rule applies");
	}

	@Test
	void blockPruningImprovesFramesPerJouleOnBoth() throws Exception {
		for (String d : List.of("ZU3EG", "Adreno650")) {
			SearchSpec s = spec(d);
			Map<String, SubgraphChoice> dense = new LinkedHashMap<>();
			Map<String, SubgraphChoice> pruned = new LinkedHashMap<>();
			for (SubgraphSpec sg : s.network().subgraphs()) {
				SubgraphChoice base = SubgraphChoice.base(sg);
				dense.put(sg.name(), base);
				// the space's block pruning at its strongest: 8 x 8 blocks, 0.75 in s5-s7, 0.5 in the head
				Pruning p = List.of("s5", "s6", "s7").contains(sg.name()) ? new Pruning(8, 8, 0.75)
						: sg.name().equals("head") ? new Pruning(8, 8, 0.5) : Pruning.NONE;
				pruned.put(sg.name(), base.withPruning(p));
			}
			NetworkEvaluator ev = new NetworkEvaluator(s.device(), s.constraints(), new IlpCache());
			ExpandedNetwork a = NetworkExpander.expand(s.network(), dense);
			ExpandedNetwork b = NetworkExpander.expand(s.network(), pruned);
			NetworkEvaluator.Evaluation ea = ev.evaluate(a, () -> false);
			NetworkEvaluator.Evaluation eb = ev.evaluate(b, () -> false);
			assertTrue(ea.ok() && eb.ok(), d + ": " + ea.failure() + " / " + eb.failure());
			System.out.printf(Locale.ROOT,
					"%s INT8: dense %.3f mJ/frame (%.1f frames/J), pruned (8x8 blocks, s5-s7 0.75, head 0.5) %.3f mJ/frame"
							+ " (%.1f frames/J)%n",
					d, ea.energyMj(), 1000 / ea.energyMj(), eb.energyMj(), 1000 / eb.energyMj());
			// strictly fewer mJ per frame on both; how much depends on the architecture (the ZU3EG overlay is bound
			// by per-layer overhead and feature-map traffic, which pruning weights does not shrink)
			assertTrue(eb.energyMj() < ea.energyMj() * 0.995,
					d + ": block pruning saves energy: " + ea.energyMj() + " -> " + eb.energyMj());
		}
	}
}
