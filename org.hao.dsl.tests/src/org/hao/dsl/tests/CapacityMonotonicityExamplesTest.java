package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.SearchResult;
import org.hao.engine.results.SubgraphConfig;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A choice that only removes capacity (a narrower width, a smaller kernel, expansion or depth, fewer bits, pruning)
 * is never predicted above the same configuration with that choice undone, on the shipped examples' own search
 * spaces, and the ResNet-50 example's written network is not pushed off its frontier by a narrower one
 * (docs/predictor.md, "Capacity").
 */
class CapacityMonotonicityExamplesTest {
	/** Random configurations (all subgraphs chosen at once) checked per example, besides every single-subgraph one. */
	private static final int RANDOM_CONFIGURATIONS = 60;

	private static List<SearchSpec> specs(Path file) throws Exception {
		HaoModelLoader loader = new HaoModelLoader();
		List<SearchSpec> out = new ArrayList<>();
		for (Object el : HaoModelLoader.model(loader.load(file)).getElements()) {
			if (el instanceof Search s) {
				out.add(new ModelMapper().toSearches(s).get(0)); // the prediction does not depend on the device
			}
		}
		return out;
	}

	private static Path example(String name) {
		return Path.of(System.getProperty("hao.examples.dir", "../examples"), name);
	}

	/** Every configuration of the ResNet-50 example's space (stages 4 and 5 at width 0.75 or 1.0) is at most the written network. */
	@Test
	void noResNet50ConfigurationIsPredictedAboveTheWrittenNetwork() throws Exception {
		SearchSpec spec = specs(example("resnet50-zcu102.hao")).get(0);
		AccuracyPredictor p = AccuracyPredictor.builtIn().withQuantization(spec.quantization(), null);
		NetworkSpec net = spec.network();
		double written = p.predict(NetworkExpander.expand(net));
		int n = 0;
		for (double w4 : new double[]{0.75, 1.0}) {
			for (double w5 : new double[]{0.75, 1.0}) {
				Map<String, SubgraphChoice> c = new LinkedHashMap<>();
				c.put("stage4_14", width(net, "stage4_14", w4));
				c.put("stage5_7", width(net, "stage5_7", w5));
				double v = p.predict(NetworkExpander.expand(net, c));
				assertTrue(v <= written + 1e-9 && (w4 == 1.0 && w5 == 1.0 || v < written - 0.1),
						String.format(Locale.ROOT,
								"stage 4 width %.2f, stage 5 width %.2f: %.3f %% against the written network's %.3f %%",
								w4, w5, v, written));
				n++;
			}
		}
		assertEquals(4, n);
	}

	private static SubgraphChoice width(NetworkSpec net, String subgraph, double w) {
		SubgraphChoice b = SubgraphChoice
				.base(net.subgraphs().stream().filter(s -> s.name().equals(subgraph)).findFirst().orElseThrow());
		return new SubgraphChoice(b.kernel(), b.expansion(), w, b.depth(), b.bits(), b.pruning());
	}

	/** The example's own search (DPU, fps >= 200): the written network (both stages at width 1.0) is a frontier point. */
	@Test
	void theWrittenResNet50IsOnItsFrontier() throws Exception {
		SearchSpec spec = specs(example("resnet50-zcu102.hao")).get(0);
		SearchResult r = HaoSearch.run(spec, new SearchOptions(2, null), null, new CancelToken());
		assertFalse(r.points().isEmpty(), r.failures().toString());
		ParetoPoint written = r.points().stream()
				.filter(pt -> pt.config().subgraphs().values().stream().allMatch(s -> s.widthMultiplier() == 1.0))
				.findFirst().orElse(null);
		assertNotNull(written, "the written network is not on the frontier: " + r.points());
		assertEquals(r.points().get(r.points().size() - 1), written, "the written network is the most accurate point");
		for (ParetoPoint pt : r.points()) {
			Map<String, SubgraphConfig> s = pt.config().subgraphs();
			assertTrue(pt == written || pt.accuracy() < written.accuracy(), pt + " vs " + written);
			assertTrue(s.values().stream().allMatch(x -> x.widthMultiplier() <= 1.0), s.toString());
		}
		assertTrue(r.points().size() >= 2, r.points().toString());
	}

	/**
	 * Each shipped example's space: every single-subgraph choice (the search's own enumeration and sample) and
	 * {@value #RANDOM_CONFIGURATIONS} seeded configurations of all subgraphs at once; for each dimension of a subgraph
	 * whose value only removes capacity from the written one, undoing it (back to the written value) or moving it to
	 * another option of the space between it and the written value never lowers the prediction.
	 */
	@TestFactory
	Stream<DynamicTest> undoingACapacityRemovingChoiceNeverLowersThePrediction() throws Exception {
		return ExamplesTest.examples().stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
					for (SearchSpec spec : specs(file)) {
						check(spec);
					}
				}));
	}

	private static void check(SearchSpec spec) {
		AccuracyPredictor p = AccuracyPredictor.builtIn().withQuantization(spec.quantization(), null);
		NetworkSpec net = spec.network();
		List<Map<String, SubgraphChoice>> configs = new ArrayList<>();
		List<List<SubgraphChoice>> options = new ArrayList<>();
		for (int s = 0; s < net.subgraphs().size(); s++) {
			SubgraphSpec sg = net.subgraphs().get(s);
			List<SubgraphChoice> cs = HaoSearch.enumerate(sg, spec.seed() * 1_000_003L + s);
			options.add(cs);
			for (SubgraphChoice c : cs) {
				configs.add(Map.of(sg.name(), c));
			}
		}
		Random random = new Random(spec.seed());
		for (int i = 0; i < RANDOM_CONFIGURATIONS; i++) {
			Map<String, SubgraphChoice> c = new LinkedHashMap<>();
			for (int s = 0; s < net.subgraphs().size(); s++) {
				List<SubgraphChoice> cs = options.get(s);
				c.put(net.subgraphs().get(s).name(), cs.get(random.nextInt(cs.size())));
			}
			configs.add(c);
		}
		int pairs = 0;
		for (Map<String, SubgraphChoice> config : configs) {
			double v = p.predict(NetworkExpander.expand(net, config));
			for (SubgraphSpec sg : net.subgraphs()) {
				SubgraphChoice c = config.get(sg.name());
				if (c == null) {
					continue;
				}
				Map<String, SubgraphChoice> larger = undone(sg, c);
				larger.putAll(raised(sg, c));
				for (Map.Entry<String, SubgraphChoice> undo : larger.entrySet()) {
					Map<String, SubgraphChoice> u = new LinkedHashMap<>(config);
					u.put(sg.name(), undo.getValue());
					double vu = p.predict(NetworkExpander.expand(net, u));
					assertTrue(v <= vu + 1e-9,
							String.format(Locale.ROOT,
									"%s, network %s, subgraph %s: %s at %.3f %% is above the same"
											+ " configuration with its %s undone (%.3f %%); configuration %s",
									spec.name(), net.name(), sg.name(), c, v, undo.getKey(), vu, config));
					pairs++;
				}
			}
		}
		assertTrue(pairs > 0 || net.subgraphs().stream().allMatch(sg -> sg.space().size() <= 1),
				spec.name() + ": no capacity-removing choice checked");
	}

	/**
	 * For each dimension of {@code c} that only removes capacity from the written subgraph ({@link SubgraphChoice#base}),
	 * the choice with that dimension back at the written value, by the dimension's name.
	 */
	private static Map<String, SubgraphChoice> undone(SubgraphSpec sg, SubgraphChoice c) {
		SubgraphChoice w = SubgraphChoice.base(sg);
		List<MBConv> mb = sg.ops().stream().filter(MBConv.class::isInstance).map(MBConv.class::cast).toList();
		Map<String, SubgraphChoice> out = new LinkedHashMap<>();
		if (c.kernel() != SubgraphChoice.KEEP && mb.stream().allMatch(m -> c.kernel() <= m.kernel())
				&& mb.stream().anyMatch(m -> c.kernel() < m.kernel())) {
			out.put("kernel " + c.kernel(), new SubgraphChoice(w.kernel(), c.expansion(), c.widthMultiplier(),
					c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
		}
		if (c.expansion() != SubgraphChoice.KEEP && mb.stream().allMatch(m -> c.expansion() <= m.expansion())
				&& mb.stream().anyMatch(m -> c.expansion() < m.expansion())) {
			out.put("expansion " + c.expansion(), new SubgraphChoice(c.kernel(), w.expansion(), c.widthMultiplier(),
					c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
		}
		if (c.depth() != SubgraphChoice.KEEP && mb.stream().allMatch(m -> c.depth() <= m.repeat())
				&& mb.stream().anyMatch(m -> c.depth() < m.repeat())) {
			out.put("depth " + c.depth(), new SubgraphChoice(c.kernel(), c.expansion(), c.widthMultiplier(), w.depth(),
					c.bits(), c.pruning(), c.opPruning(), c.opBits()));
		}
		if (c.widthMultiplier() < w.widthMultiplier()) {
			out.put("width " + c.widthMultiplier(), new SubgraphChoice(c.kernel(), c.expansion(), w.widthMultiplier(),
					c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
		}
		if (fewer(c.bits(), w.bits())) {
			out.put("bits " + c.bits(), c.withBits(w.bits()));
		}
		if (c.pruning().ratio() > w.pruning().ratio()) {
			out.put("pruning " + c.pruning(), c.withPruning(w.pruning()));
		}
		c.opPruning().forEach((op, pr) -> {
			if (pr.ratio() > 0) {
				Map<String, Pruning> m = new LinkedHashMap<>(c.opPruning());
				m.put(op, Pruning.NONE);
				out.put("pruning of " + op + " " + pr, c.withOpPruning(m));
			}
		});
		c.opBits().forEach((op, b) -> {
			if (fewer(b, w.bits())) {
				Map<String, BitWidths> m = new LinkedHashMap<>(c.opBits());
				m.put(op, w.bits());
				out.put("bits of " + op + " " + b, new SubgraphChoice(c.kernel(), c.expansion(), c.widthMultiplier(),
						c.depth(), c.bits(), c.pruning(), c.opPruning(), m));
			}
		});
		return out;
	}

	/**
	 * For each dimension of {@code c}, the choice with that dimension at another option of the subgraph's space that
	 * has more capacity but no more than the written value (width 0.75 -> 1.0, W1A1 -> W2A2 -> W4A8, pruning 0.75 ->
	 * 0.5): a step back towards the written network, by name.
	 */
	private static Map<String, SubgraphChoice> raised(SubgraphSpec sg, SubgraphChoice c) {
		SubgraphChoice w = SubgraphChoice.base(sg);
		org.hao.engine.model.SubgraphSpace sp = sg.space();
		Map<String, SubgraphChoice> out = new LinkedHashMap<>();
		for (double m : sp.widthMultipliers()) {
			if (m > c.widthMultiplier() && m <= w.widthMultiplier()) {
				out.put("width " + c.widthMultiplier() + " -> " + m, new SubgraphChoice(c.kernel(), c.expansion(), m,
						c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
			}
		}
		for (int k : sp.kernels()) {
			if (c.kernel() != SubgraphChoice.KEEP && k > c.kernel()
					&& (w.kernel() == SubgraphChoice.KEEP || k <= w.kernel())) {
				out.put("kernel " + c.kernel() + " -> " + k, new SubgraphChoice(k, c.expansion(), c.widthMultiplier(),
						c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
			}
		}
		for (int e : sp.expansions()) {
			if (c.expansion() != SubgraphChoice.KEEP && e > c.expansion()
					&& (w.expansion() == SubgraphChoice.KEEP || e <= w.expansion())) {
				out.put("expansion " + c.expansion() + " -> " + e, new SubgraphChoice(c.kernel(), e,
						c.widthMultiplier(), c.depth(), c.bits(), c.pruning(), c.opPruning(), c.opBits()));
			}
		}
		for (int d : sp.depths()) {
			if (c.depth() != SubgraphChoice.KEEP && d > c.depth()
					&& (w.depth() == SubgraphChoice.KEEP || d <= w.depth())) {
				out.put("depth " + c.depth() + " -> " + d, new SubgraphChoice(c.kernel(), c.expansion(),
						c.widthMultiplier(), d, c.bits(), c.pruning(), c.opPruning(), c.opBits()));
			}
		}
		for (BitWidths b : sp.bitWidths()) {
			if (fewer(c.bits(), b) && fewer(b, w.bits())) {
				out.put("bits " + c.bits() + " -> " + b, c.withBits(b));
			}
		}
		for (Pruning q : sp.pruning()) {
			if (q.ratio() < c.pruning().ratio() && q.ratio() > w.pruning().ratio()) {
				out.put("pruning " + c.pruning() + " -> " + q, c.withPruning(q));
			}
		}
		return out;
	}

	private static boolean fewer(BitWidths b, BitWidths written) {
		return b.weightBits() <= written.weightBits() && b.activationBits() <= written.activationBits()
				&& !b.equals(written);
	}
}
