package org.hao.engine.results;

import java.util.List;

import org.hao.engine.model.SearchSpec;

/**
 * A results file ({@code hao search --json}, {@code <name>.hao-results.json} in the IDE): one search on one device.
 *
 * @param formatVersion {@link ResultsJson#FORMAT_VERSION} when written
 * @param search the search's name (null when written without it)
 * @param file the {@code .hao} file (workspace path in the IDE, file system path on the CLI), or null
 * @param objective the objective ("max_accuracy", "min_latency", "min_energy"), or null
 * @param constraints the constraints, or null
 * @param solver the version string SCIP reports, or what replaced it (mobile GPU, unavailable)
 * @param points the frontier by ascending latency
 * @param chosen the objective's pick among the points meeting the constraints, or null
 * @param elapsedMs engine wall time (ms)
 */
public record ResultsDocument(int formatVersion, String search, String file, String objective,
		SearchConstraints constraints, String solver, String device, List<ParetoPoint> points, ParetoPoint chosen,
		String predictor, List<Failure> failures, List<String> warnings, boolean cancelled, boolean complete,
		long elapsedMs) {
	public ResultsDocument {
		points = points == null ? List.of() : List.copyOf(points);
		failures = failures == null ? List.of() : List.copyOf(failures);
		warnings = warnings == null ? List.of() : List.copyOf(warnings);
	}

	/** A search's outcome, without the context (search, file, objective, constraints) that {@link #in} adds. */
	public static ResultsDocument of(SearchResult r) {
		return new ResultsDocument(ResultsJson.FORMAT_VERSION, null, null, null, null, r.solverVersion(), r.device(),
				r.points(), r.chosen(), r.predictor(), r.failures(), r.warnings(), r.cancelled(), r.complete(),
				r.elapsedMs());
	}

	/** A search's outcome with its context: the search's name, objective and constraints, and the file it is in. */
	public static ResultsDocument of(SearchResult r, SearchSpec spec, String file) {
		return of(r).in(spec.name(), file, spec.objective().keyword(), SearchConstraints.of(spec.constraints()));
	}

	/** This document with its context. */
	public ResultsDocument in(String search, String file, String objective, SearchConstraints constraints) {
		return new ResultsDocument(formatVersion, search, file, objective, constraints, solver, device, points, chosen,
				predictor, failures, warnings, cancelled, complete, elapsedMs);
	}

	/** The index of {@link #chosen} in {@link #points}, or -1. */
	public int chosenIndex() {
		return chosen == null ? -1 : points.indexOf(chosen);
	}
}
