package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hao.engine.report.CsvReport;

/** CSV export of the points the view shows: every front of a comparison, in the CLI's CSV format, device first. */
final class ParetoCsv {

	private ParetoCsv() {
	}

	static void write(List<ParetoResults> fronts, Path target) throws IOException {
		CsvReport.writeFronts(fronts.stream()
				.map(r -> new CsvReport.Front(r.device(), r.points(),
						r.chosen() >= 0 && r.chosen() < r.points().size() ? r.points().get(r.chosen()) : null))
				.toList(), target);
	}
}
