package org.hao.engine.results;

import java.util.List;

import org.hao.engine.results.Failure;

/**
 * Outcome of a search.
 *
 * @param solverVersion the version string SCIP reports ("none (mobile GPU: no ILP)" for GPU targets)
 * @param device device name
 * @param points the non-dominated points, by ascending latency
 * @param chosen the point the objective picks among those meeting the constraints; null when none meets them
 * @param failures configurations that could not be evaluated, with the reason (e.g. infeasible ILP)
 * @param warnings things the user should know (time limit hit, predictor extrapolation, nothing meets constraints)
 * @param cancelled the search was cancelled (points may be partial)
 * @param complete every enumerated configuration was evaluated (no time limit or cancel cut it short)
 * @param elapsedMs wall time
 * @param ilpSolves ILPs solved by SCIP
 * @param ilpCacheHits ILP requests answered from the cache
 * @param predictor description of the accuracy predictor (table, rows, LOO error)
 */
public record SearchResult(String solverVersion, String device, List<ParetoPoint> points, ParetoPoint chosen,
		List<Failure> failures, List<String> warnings, boolean cancelled, boolean complete, long elapsedMs,
		long ilpSolves, long ilpCacheHits, String predictor) {
	public SearchResult {
		points = List.copyOf(points);
		failures = List.copyOf(failures);
		warnings = List.copyOf(warnings);
	}
}
