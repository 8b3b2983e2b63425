package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.Failure;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.SearchConstraints;
import org.hao.engine.results.ParetoPoint;

/**
 * One front as the view shows it: a results document of the engine's results model (read with its one mapping,
 * {@link ResultsJson}) with the search and constraints of the file it came from.
 *
 * @param chosen index of the chosen point in {@code points}, -1 when none meets the constraints
 */
public record ParetoResults(String search, String device, List<ParetoPoint> points, int chosen,
		SearchConstraints constraints, List<String> warnings, List<Failure> failures, boolean cancelled,
		boolean complete) {

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
}
