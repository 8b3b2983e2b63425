package org.hao.engine.tests.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.hao.engine.bench.Examples;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.Constraints;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.results.BitsConfig;
import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.Failure;
import org.hao.engine.results.FailureKind;
import org.hao.engine.results.LayerConfig;
import org.hao.engine.results.PointConfig;
import org.hao.engine.results.PredictionInfo;
import org.hao.engine.results.PruningConfig;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.SearchConstraints;
import org.hao.engine.results.SubgraphConfig;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The results format is pinned by {@code golden/results-format.json}: a document of fixed records (an overlay point,
 * a dataflow point, a failure) must serialise to exactly that text and read back equal; a real search's document has
 * exactly the golden's keys. A change of the format is a change of this file and of
 * {@link ResultsJson#FORMAT_VERSION}.
 */
class ResultsFormatTest {
	private static final Path GOLDEN = Path.of("golden", "results-format.json");

	static ResultsDocument fixedDocument() {
		AcceleratorConfig overlay = new AcceleratorConfig("overlay", "DPU B1600", "pinned by the device", 287.0, 1, 8,
				new AcceleratorConfig.ConvEngineConfig(8, 10, 10, null, null, null),
				new AcceleratorConfig.DepthwiseEngineConfig(8, 10, null, null, null),
				new AcceleratorConfig.BufferConfig(0, null, null, null), "vendor figures per core", 7028.0, 0.6, 0.5,
				null, null, null, 202, 246, 33130);
		SubgraphConfig s1 = new SubgraphConfig("SEQUENTIAL", 5, null, 1.0, null, 4, 8, new PruningConfig(4, 4, 0.5),
				Map.of("conv1", new PruningConfig(8, 8, 0.25)), Map.of("conv1", new BitsConfig(8, 8)), 1.25, 202, 246,
				33130, "OPTIMAL");
		LayerConfig conv1 = new LayerConfig("conv1", "s1", "CONV", "3x224x224", "32x112x112", 3, 2, null, null, "relu6",
				null, null, null, "conv", 8, 8, 0.25, 0.5, 202, 246, 33130, 1_000_000L, 648L, 1344L);
		LayerConfig add = new LayerConfig("add1", "s1", "ADD", "32x112x112", "32x112x112", 1, 1,
				List.of("conv1", "input"), null, null, null, null, null, "conv", 8, 8, 0.0, 0.75, 0, 0, 0, 2_000_000L,
				0L, 448L);
		Map<String, SubgraphConfig> subgraphs = new LinkedHashMap<>();
		subgraphs.put("s1", s1);
		PointConfig c1 = new PointConfig(overlay, subgraphs, List.of(conv1, add), 300_000_000L, 3_500_000L,
				new PredictionInfo(72.0, 0.5, "QAT, first/last 8 bit, per-channel", null));
		ParetoPoint p1 = new ParetoPoint(71.5, 70.9, 72.1, 1.25, 800.0, 202, 246, 33130, 2.5, 400.0, 2.0, c1);
		AcceleratorConfig dataflow = new AcceleratorConfig("dataflow", "dataflow (one engine per layer)",
				"the dataflow ILP for this network", 250.0, null, null, null, null, null, null, null, null, null,
				List.of(new AcceleratorConfig.LayerEngine("conv1", 4, 8, 32, 6, 2000)), 0.8, null, 32, 6, 2000);
		PointConfig c2 = new PointConfig(dataflow, subgraphs, List.of(conv1), 300_000_000L, 3_500_000L,
				new PredictionInfo(72.0, 3.0, "PTQ, per-tensor", "4-bit activations below the table's smallest"));
		ParetoPoint p2 = new ParetoPoint(69.0, 68.0, 70.0, 2.0, 1250.0, 32, 6, 2000, 0.0, Double.NaN, 0.0, c2);
		return new ResultsDocument(ResultsJson.FORMAT_VERSION, "mbv2_zu3eg_60fps", "examples/mobilenetv2-zu3eg.hao",
				"max_accuracy", new SearchConstraints(60.0, null, 306, null, null, null, null), "SCIP 9.2.3", "ZU3EG",
				List.of(p1, p2), p1, "ridge (float), drop model",
				List.of(new Failure(FailureKind.DOES_NOT_FIT,
						"subgraph s1 [k7 e6 w1.0 d= W8A8 pruning none]: needs 400 DSP, user cap 306 (short by 94)")),
				List.of("subgraph s1: 48 of 96 choices sampled (seed 1)"), false, true, 1234L);
	}

	@Test
	void theFormatIsTheGoldenFile(@TempDir Path dir) throws IOException {
		String actual = ResultsJson.toJson(fixedDocument()) + "\n";
		String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
		if (!golden.equals(actual)) {
			Path out = Path.of("target", "results-format.actual.json");
			Files.createDirectories(out.getParent());
			Files.writeString(out, actual, StandardCharsets.UTF_8);
		}
		assertEquals(golden, actual, "the results format changed: compare target/results-format.actual.json with "
				+ GOLDEN + "; if intended, bump ResultsJson.FORMAT_VERSION and replace the golden file");
		assertTrue(actual.contains("\"format_version\": " + ResultsJson.FORMAT_VERSION));
	}

	@Test
	void whatIsWrittenReadsBackEqual(@TempDir Path dir) throws IOException {
		Path f = dir.resolve("r.json");
		ResultsDocument d = fixedDocument();
		ResultsJson.write(d, f);
		CompareDocument back = ResultsJson.read(f);
		assertEquals(List.of("ZU3EG"), back.devices());
		assertEquals(d, back.results().get(0));
		assertEquals(0, back.results().get(0).chosenIndex());
		assertEquals(FailureKind.DOES_NOT_FIT, back.results().get(0).failures().get(0).kind());
		assertEquals(16.667, back.constraints().latencyBudgetMs(), 1e-3);
	}

	@Test
	void aRealSearchHasExactlyTheGoldenKeys() throws IOException {
		SearchResult r = HaoSearch.run(new SearchSpec("r", Examples.reduced(), Devices.ZU3EG_HLS,
				Objective.MAX_ACCURACY, Constraints.NONE, null, 1, 300), new SearchOptions(2, null), null,
				new CancelToken(), new IlpCache());
		assertFalse(r.points().isEmpty(), r.failures().toString());
		JsonObject real = JsonParser.parseString(ResultsJson.toJson(ResultsDocument.of(r))).getAsJsonObject();
		JsonObject golden = JsonParser.parseString(Files.readString(GOLDEN, StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals(keys("", golden.getAsJsonArray("points").get(0), new TreeSet<>()),
				keys("", real.getAsJsonArray("points").get(0), new TreeSet<>()), "an overlay point's keys");
		assertEquals(golden.keySet(), real.keySet());
	}

	@Test
	void notAResultsFileIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
		Path f = dir.resolve("other.json");
		Files.writeString(f, "{\"name\": 1}", StandardCharsets.UTF_8);
		IOException e = assertThrows(IOException.class, () -> ResultsJson.read(f));
		assertTrue(e.getMessage().startsWith("other.json is not a HAO results file"), e.getMessage());
	}

	/**
	 * Every key path of an element: array elements under "[]", the subgraphs map's entries under "*"; the per-op maps
	 * (which hold what the search space names) are not entered.
	 */
	private static TreeSet<String> keys(String prefix, JsonElement e, TreeSet<String> out) {
		if (prefix.endsWith("op_pruning") || prefix.endsWith("op_bits")) {
			return out;
		}
		if (e.isJsonObject()) {
			for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
				String k = prefix + "." + (prefix.endsWith("subgraphs") ? "*" : en.getKey());
				out.add(k);
				keys(k, en.getValue(), out);
			}
		} else if (e.isJsonArray() && !e.getAsJsonArray().isEmpty()) {
			keys(prefix + "[]", e.getAsJsonArray().get(0), out);
		}
		return out;
	}
}
