package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.validation.FeasibilityBounds;
import org.hao.dsl.validation.HaoIssueCodes;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.ProgressListener;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The validator's "proven" bounds hold: on random networks and spaces (width multipliers whose channel rounding is not
 * monotone, expansions, strides, 1 x N maps, DSP caps), written as .hao text and read by the real parser, no point the
 * real search (SCIP) evaluates is faster or uses less energy than the bound, and the printed (rounded) figures are on
 * the safe side. A frontier always holds the fastest evaluated point, so checking it checks every point's latency.
 */
class BoundsPropertyTest {

	private static final double[] WIDTHS = {0.25, 0.35, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25};

	@Property(tries = 25, seed = "20261130")
	void noEvaluatedPointBeatsTheBound(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) throws Exception {
		checkBound(randomFile(new Random(seed)), "seed " + seed);
	}

	/** The issue's case: width 0.9 rounds 20 channels up to 24; width 1.0 reaches about 7000 fps under 200 DSP. */
	@Test
	void widthRoundingCaseFromTheField() throws Exception {
		String text = "network Round { input 20 x 56 x 56 subgraph s { conv c1 out 20 kernel 3 } }\n"
				+ "space Widths for Round { subgraph s { width { 0.9, 1.0 } } }\n"
				+ "search r { space Widths device ZU3EG constraints { dsp <= 200 fps >= 6000 } time limit 60 seconds }\n";
		List<Issue> issues = checkBound(text, "issue 12 case");
		assertTrue(issues.stream().noneMatch(i -> HaoIssueCodes.INFEASIBLE_CONSTRAINT.equals(i.getCode())),
				"fps >= 6000 is reachable (width 1.0), so no 'cannot reach' error: " + issues);
		// a constraint well beyond it is still an error, in plain decimals
		List<Issue> far = validate(text.replace("fps >= 6000", "fps >= 60000"));
		Issue e = far.stream().filter(i -> HaoIssueCodes.INFEASIBLE_CONSTRAINT.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no bound error for fps >= 60000: " + far));
		assertTrue(!e.getMessage().matches("(?s).*\\d[eE][+-]?\\d.*"), "an exponent in: " + e.getMessage());
		assertTrue(e.getMessage().contains("at most "), e.getMessage());
	}

	/** Validates {@code text}, runs its search, checks every frontier point against the bound; returns the issues. */
	private static List<Issue> checkBound(String text, String what) throws Exception {
		Path file = Files.createTempFile("bounds", ".hao");
		try {
			Files.writeString(file, text);
			HaoModelLoader loader = new HaoModelLoader();
			Resource resource = loader.load(file);
			List<Issue> issues = loader.validate(resource);
			assertTrue(
					issues.stream()
							.noneMatch(i -> i.getSeverity() == Severity.ERROR
									&& !HaoIssueCodes.INFEASIBLE_CONSTRAINT.equals(i.getCode())),
					what + ": the generated file has errors " + issues + "\n" + text);
			Model model = HaoModelLoader.model(resource);
			Search search = model.getElements().stream().filter(Search.class::isInstance).map(Search.class::cast)
					.findFirst().orElseThrow();
			ModelMapper mapper = new ModelMapper();
			SearchSpec spec = mapper.toSearch(search, search.getDevices().get(0));
			Integer cap = spec.constraints().maxDsp();
			FeasibilityBounds.Bound bound = FeasibilityBounds.of(spec.network(), spec.device(), cap);
			assertNotNull(bound, what);
			SearchResult result = HaoSearch.run(spec, new SearchOptions(1, 60.0), ProgressListener.NONE,
					new CancelToken());
			double fpsBound = new BigDecimal(FeasibilityBounds.plain(1000 / bound.intervalMs(), RoundingMode.CEILING))
					.doubleValue();
			for (ParetoPoint p : result.points()) {
				assertTrue(p.latencyMs() >= bound.latencyMs() * (1 - 1e-9), what + ": point " + p.config() + " runs in "
						+ p.latencyMs() + " ms, below the bound " + bound + "\n" + text);
				assertTrue(p.fps() <= fpsBound,
						what + ": " + p.fps() + " fps beats the printed 'at most " + fpsBound + "'");
				assertTrue(p.energyMj() >= bound.energyMj() * (1 - 1e-9),
						what + ": " + p.energyMj() + " mJ below " + bound.energyMj());
			}
			System.out.println(String.format(Locale.ROOT,
					"RELIABILITY bound %s: %d points, fastest %.4f ms, bound %.4f ms (%.0f %%)", what,
					result.points().size(),
					result.points().stream().mapToDouble(ParetoPoint::latencyMs).min().orElse(Double.NaN),
					bound.latencyMs(), 100 * bound.latencyMs()
							/ result.points().stream().mapToDouble(ParetoPoint::latencyMs).min().orElse(Double.NaN)));
			return issues;
		} finally {
			Files.deleteIfExists(file);
		}
	}

	private static List<Issue> validate(String text) throws Exception {
		Path file = Files.createTempFile("bounds", ".hao");
		try {
			Files.writeString(file, text);
			HaoModelLoader loader = new HaoModelLoader();
			return loader.validate(loader.load(file));
		} finally {
			Files.deleteIfExists(file);
		}
	}

	/** A small random network (1-3 subgraphs) with a space of widths and expansions, a search on ZU3EG. */
	static String randomFile(Random r) {
		int h = r.nextInt(4) == 0 ? 1 : 8 + r.nextInt(50);
		int w = 8 + r.nextInt(60);
		StringBuilder net = new StringBuilder(
				"network P {\n\tinput " + (1 + r.nextInt(32)) + " x " + h + " x " + w + "\n");
		StringBuilder space = new StringBuilder("space S for P {\n");
		int subgraphs = 1 + r.nextInt(3);
		for (int i = 0; i < subgraphs; i++) {
			String sg = "s" + i;
			net.append("\tsubgraph ").append(sg).append(" {\n");
			switch (r.nextInt(3)) {
				case 0 -> net.append("\t\tconv c").append(i).append(" out ").append(4 + r.nextInt(40))
						.append(" kernel 3").append(r.nextBoolean() ? " stride 2" : "").append('\n');
				case 1 -> net.append("\t\tpointwise p").append(i).append(" out ").append(4 + r.nextInt(40)).append('\n')
						.append("\t\tdepthwise d").append(i).append(" kernel 3\n");
				default -> net.append("\t\tmbconv m").append(i).append(" expand ").append(1 + r.nextInt(6))
						.append(" kernel 3 out ").append(4 + r.nextInt(40)).append(r.nextBoolean() ? " stride 2" : "")
						.append('\n');
			}
			net.append("\t}\n");
			List<String> widths = new ArrayList<>();
			for (double width : WIDTHS) {
				if (r.nextInt(3) == 0) {
					widths.add(Double.toString(width));
				}
			}
			space.append("\tsubgraph ").append(sg).append(" {");
			if (!widths.isEmpty()) {
				space.append(" width { ").append(widths.stream().distinct().collect(Collectors.joining(", ")))
						.append(" }");
			}
			space.append(" expand { ").append(2 + r.nextInt(2)).append(", ").append(4 + r.nextInt(3)).append(" }");
			space.append(" }\n");
		}
		net.append("}\n");
		space.append("}\n");
		String caps = r.nextBoolean() ? " constraints { dsp <= " + (40 + r.nextInt(300)) + " }" : "";
		return net + space.toString() + "search srch { space S device ZU3EG" + caps
				+ " seed 1 time limit 60 seconds }\n";
	}

	@Test
	void generatorWritesValidFiles() throws Exception {
		for (long seed = 0; seed < 5; seed++) {
			String text = randomFile(new Random(seed));
			List<Issue> issues = validate(text);
			assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList(), text);
		}
	}
}
