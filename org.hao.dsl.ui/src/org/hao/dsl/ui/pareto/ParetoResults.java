package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.Failure;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.SearchConstraints;
import org.hao.engine.results.ParetoPoint;

import com.google.gson.JsonElement;

/**
 * One front as the view shows it: a results document of the engine's results model (read with its one mapping,
 * {@link ResultsJson}) with the search and constraints of the file it came from.
 *
 * @param chosen index of the chosen point in {@code points}, -1 when none meets the constraints
 */
public record ParetoResults(String search, String device, List<ParetoPoint> points, int chosen, SearchConstraints constraints,
		List<String> warnings, List<Failure> failures, boolean cancelled, boolean complete) {

	/** The latency the constraints allow (from max latency or min fps), or null. */
	public Double latencyBudgetMs() {
		return constraints == null ? null : constraints.latencyBudgetMs();
	}

	public static ParetoResults read(Path file) throws IOException {
		return readAll(file).get(0);
	}

	/** Every front of a results file: one for a search's results, one per device for a comparison. */
	public static List<ParetoResults> readAll(Path file) throws IOException {
		CompareDocument c = ResultsJson.read(file);
		List<ParetoResults> fronts = new ArrayList<>();
		for (ResultsDocument d : c.results()) {
			fronts.add(new ParetoResults(c.search() == null ? "" : c.search(), d.device(), d.points(), d.chosenIndex(),
					c.constraints(), d.warnings(), d.failures(), d.cancelled(), d.complete()));
		}
		return List.copyOf(fronts);
	}

	/** A point's configuration flattened to "a.b.c" keys (lists of numbers joined), for a two-column table. */
	public static Map<String, String> flatConfig(ParetoPoint p) {
		Map<String, String> out = new LinkedHashMap<>();
		if (p.config() != null) {
			flatten("", ResultsJson.gson().toJsonTree(p.config()), out);
		}
		return out;
	}

	private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
		if (e == null || e.isJsonNull()) {
			return; // a part that does not apply (another architecture's)
		} else if (e.isJsonObject()) {
			e.getAsJsonObject().entrySet().forEach(en -> flatten(prefix.isEmpty() ? en.getKey() : prefix + "." + en.getKey(), en.getValue(), out));
		} else if (e.isJsonArray()) {
			int i = 0;
			for (JsonElement x : e.getAsJsonArray()) {
				if (x.isJsonPrimitive()) {
					out.merge(prefix, x.getAsString(), (a, b) -> a + ", " + b);
				} else {
					flatten(prefix + "[" + i + "]", x, out);
				}
				i++;
			}
		} else {
			out.put(prefix, e.getAsString());
		}
	}
}
