package org.hao.dsl.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.CompareReport;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.results.CompareDocument;
import org.hao.engine.results.ResultsDocument;
import org.hao.engine.results.ResultsJson;
import org.hao.engine.results.SearchResult;

/**
 * Where results live: {@code <name>.hao-results.json} next to {@code <name>.hao} (one more file per extra device,
 * {@code <name>-<device>.hao-results.json}). The content is the engine's results document with the search's context
 * (file, search, objective, constraints); written atomically, so a cancelled or crashed run never leaves half a file.
 */
public final class ResultsFiles {

	public static final String SUFFIX = ".hao-results.json";
	public static final String REPORT_SUFFIX = ".hao-report.html";
	/** A comparison of one search on several devices: every front in one file, and its side-by-side report. */
	public static final String COMPARE_SUFFIX = ".hao-compare.json";
	public static final String COMPARE_REPORT_SUFFIX = ".hao-compare.html";

	private ResultsFiles() {
	}

	public static IFile resultsFile(IFile model, String deviceSuffix) {
		String base = model.getName().substring(0, model.getName().length()
				- (model.getFileExtension() == null ? 0 : model.getFileExtension().length() + 1));
		return model.getParent().getFile(new org.eclipse.core.runtime.Path(base + deviceSuffix + SUFFIX));
	}

	public static IFile compareFile(IFile model) {
		return model.getParent().getFile(new org.eclipse.core.runtime.Path(baseName(model) + COMPARE_SUFFIX));
	}

	public static IFile compareReportFile(IFile model) {
		return model.getParent().getFile(new org.eclipse.core.runtime.Path(baseName(model) + COMPARE_REPORT_SUFFIX));
	}

	private static String baseName(IFile model) {
		String ext = model.getFileExtension();
		return model.getName().substring(0, model.getName().length() - (ext == null ? 0 : ext.length() + 1));
	}

	/** The HTML report (engine's HtmlReport, with the inline SVG plot) written next to the results. */
	public static IFile reportFile(IFile results) {
		String name = results.getName();
		if (name.endsWith(COMPARE_SUFFIX)) {
			return results.getParent().getFile(new org.eclipse.core.runtime.Path(
					name.substring(0, name.length() - COMPARE_SUFFIX.length()) + COMPARE_REPORT_SUFFIX));
		}
		return results.getParent().getFile(
				new org.eclipse.core.runtime.Path(name.substring(0, name.length() - SUFFIX.length()) + REPORT_SUFFIX));
	}

	/** The .hao file a results file belongs to (same folder, same base name), or null. */
	public static IFile modelOf(IFile results) {
		String name = results.getName();
		String suffix = name.endsWith(SUFFIX) ? SUFFIX : name.endsWith(COMPARE_SUFFIX) ? COMPARE_SUFFIX : null;
		if (suffix == null) {
			return null;
		}
		return results.getParent().getFile(
				new org.eclipse.core.runtime.Path(name.substring(0, name.length() - suffix.length()) + ".hao"));
	}

	/** Whether {@code file} is a results or comparison file the Pareto view can show. */
	public static boolean isResults(IFile file) {
		return file.getName().endsWith(SUFFIX) || file.getName().endsWith(COMPARE_SUFFIX);
	}

	/**
	 * Writes a comparison: the engine's CompareReport JSON plus file, search and constraints (for the view), and the
	 * side-by-side HTML report; both atomically, the report first, so the JSON's appearance means both are complete.
	 * Both are refreshed in the workspace.
	 */
	public static void writeCompare(List<SearchResult> results, List<SearchSpec> specs, IFile model)
			throws IOException, CoreException {
		SearchSpec first = specs.get(0);
		// the report warns when the devices' power figures are of different scope (chip, rail, board)
		java.util.Map<String, String> scopes = new java.util.LinkedHashMap<>();
		specs.forEach(s -> scopes.put(s.device().name(), s.device().power().scope().keyword()));
		String scopeNote = CompareReport.scopeNote(scopes);
		CompareReport.writeHtml(
				first.name() + " on " + String.join(", ", results.stream().map(SearchResult::device).toList()), results,
				first.constraints(), scopeNote == null ? List.of() : List.of(scopeNote),
				location(compareReportFile(model)));
		ResultsJson.write(CompareDocument.of(results, first, model.getFullPath().toString()),
				location(compareFile(model)));
		compareReportFile(model).refreshLocal(IResource.DEPTH_ZERO, null);
		compareFile(model).refreshLocal(IResource.DEPTH_ZERO, null);
	}

	/** The results document (with the search's context, for the Pareto view) and its HTML report. */
	public static void write(SearchResult result, SearchSpec spec, IFile model, Path target) throws IOException {
		HtmlReport.write(spec.name() + " on " + spec.device().name(), result, spec.constraints(),
				target.resolveSibling(target.getFileName().toString().replace(SUFFIX, REPORT_SUFFIX)));
		ResultsJson.write(ResultsDocument.of(result, spec, model.getFullPath().toString()), target);
	}

	private static Path location(IFile file) {
		return file.getLocation().toFile().toPath();
	}
}
