package org.hao.engine.results;

import java.util.List;

import org.hao.engine.model.SearchSpec;

/**
 * A comparison file ({@code hao compare --json}, {@code <name>.hao-compare.json}): one search on several devices.
 *
 * @param devices the device names, in the order of {@code results}
 * @param results one results document per device (without search, file, objective and constraints, which are here)
 */
public record CompareDocument(int formatVersion, String search, String file, String objective,
		SearchConstraints constraints, List<String> devices, List<ResultsDocument> results) {
	public CompareDocument {
		devices = List.copyOf(devices);
		results = List.copyOf(results);
	}

	/** One search on several devices, with the search's context (file may be null). */
	public static CompareDocument of(List<SearchResult> results, SearchSpec spec, String file) {
		return new CompareDocument(ResultsJson.FORMAT_VERSION, spec.name(), file, spec.objective().keyword(),
				SearchConstraints.of(spec.constraints()), results.stream().map(SearchResult::device).toList(),
				results.stream().map(ResultsDocument::of).toList());
	}
}
