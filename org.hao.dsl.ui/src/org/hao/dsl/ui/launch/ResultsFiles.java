package org.hao.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.AtomicFiles;
import org.hao.engine.report.CompareReport;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.report.JsonReport;
import org.hao.engine.search.SearchResult;

/**
 * Where results live: {@code <name>.hao-results.json} next to {@code <name>.hao} (one more file per extra device,
 * {@code <name>-<device>.hao-results.json}). The content is the engine's JsonReport plus what the Pareto view needs to
 * draw the constraint (search, constraints); written atomically, so a cancelled or crashed run never leaves half a file.
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
		String base = model.getName().substring(0, model.getName().length() - (model.getFileExtension() == null ? 0
				: model.getFileExtension().length() + 1));
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
		return results.getParent().getFile(new org.eclipse.core.runtime.Path(name.substring(0, name.length() - SUFFIX.length()) + REPORT_SUFFIX));
	}

	/** The .hao file a results file belongs to (same folder, same base name), or null. */
	public static IFile modelOf(IFile results) {
		String name = results.getName();
		String suffix = name.endsWith(SUFFIX) ? SUFFIX : name.endsWith(COMPARE_SUFFIX) ? COMPARE_SUFFIX : null;
		if (suffix == null) {
			return null;
		}
		return results.getParent().getFile(new org.eclipse.core.runtime.Path(name.substring(0, name.length() - suffix.length()) + ".hao"));
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
	public static void writeCompare(List<SearchResult> results, SearchSpec first, IFile model)
			throws IOException, CoreException {
		Map<String, Object> json = CompareReport.map(results);
		CompareReport.writeHtml(first.name() + " on " + String.join(", ", results.stream().map(SearchResult::device).toList()),
				results, first.constraints(), location(compareReportFile(model)));
		writeJson(json, model, first, location(compareFile(model)));
		compareReportFile(model).refreshLocal(IResource.DEPTH_ZERO, null);
		compareFile(model).refreshLocal(IResource.DEPTH_ZERO, null);
	}

	public static void write(SearchResult result, SearchSpec spec, IFile model, Path target) throws IOException {
		Map<String, Object> json = JsonReport.map(result);
		HtmlReport.write(spec.name() + " on " + spec.device().name(), result, spec.constraints(),
				target.resolveSibling(target.getFileName().toString().replace(SUFFIX, REPORT_SUFFIX)));
		writeJson(json, model, spec, target);
	}

	/** The engine's JSON plus what the Pareto view needs to relate it to its model (file, search, constraints). */
	private static void writeJson(Map<String, Object> engineJson, IFile model, SearchSpec spec, Path target)
			throws IOException {
		engineJson.put("file", model.getFullPath().toString());
		engineJson.put("search", spec.name());
		engineJson.put("objective", spec.objective().name().toLowerCase(Locale.ROOT));
		engineJson.put("constraints", constraints(spec.constraints()));
		AtomicFiles.write(target, JsonReport.gson().toJson(engineJson));
	}

	private static Path location(IFile file) {
		return file.getLocation().toFile().toPath();
	}

	private static Map<String, Object> constraints(Constraints c) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("min_fps", c.minFps());
		o.put("max_latency_ms", c.maxLatencyMs());
		o.put("max_dsp", c.maxDsp());
		o.put("max_bram18k", c.maxBram18k());
		o.put("max_lut", c.maxLut());
		o.put("min_accuracy", c.minAccuracy());
		o.put("max_energy_mj", c.maxEnergyMjPerFrame());
		return o;
	}
}
