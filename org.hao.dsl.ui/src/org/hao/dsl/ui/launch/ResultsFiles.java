package org.hao.dsl.ui.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.report.AtomicFiles;
import org.hao.engine.report.HtmlReport;
import org.hao.engine.report.JsonReport;
import org.hao.engine.search.SearchResult;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Where results live: {@code <name>.hao-results.json} next to {@code <name>.hao} (one more file per extra device,
 * {@code <name>-<device>.hao-results.json}). The content is the engine's JsonReport plus what the Pareto view needs to
 * draw the constraint (search, constraints); written atomically, so a cancelled or crashed run never leaves half a file.
 */
public final class ResultsFiles {

	public static final String SUFFIX = ".hao-results.json";
	public static final String REPORT_SUFFIX = ".hao-report.html";

	private ResultsFiles() {
	}

	public static IFile resultsFile(IFile model, String deviceSuffix) {
		String base = model.getName().substring(0, model.getName().length() - (model.getFileExtension() == null ? 0
				: model.getFileExtension().length() + 1));
		return model.getParent().getFile(new org.eclipse.core.runtime.Path(base + deviceSuffix + SUFFIX));
	}

	/** The HTML report (engine's HtmlReport, with the inline SVG plot) written next to the results. */
	public static IFile reportFile(IFile results) {
		String name = results.getName();
		return results.getParent().getFile(new org.eclipse.core.runtime.Path(name.substring(0, name.length() - SUFFIX.length()) + REPORT_SUFFIX));
	}

	/** The .hao file a results file belongs to (same folder, same base name), or null. */
	public static IFile modelOf(IFile results) {
		String name = results.getName();
		if (!name.endsWith(SUFFIX)) {
			return null;
		}
		return results.getParent().getFile(new org.eclipse.core.runtime.Path(name.substring(0, name.length() - SUFFIX.length()) + ".hao"));
	}

	public static void write(SearchResult result, SearchSpec spec, IFile model, Path target) throws IOException {
		JsonObject json = JsonParser.parseString(JsonReport.toJson(result)).getAsJsonObject();
		json.addProperty("file", model.getFullPath().toString());
		json.addProperty("search", spec.name());
		json.addProperty("objective", spec.objective().name().toLowerCase(Locale.ROOT));
		json.add("constraints", constraints(spec.constraints()));
		HtmlReport.write(spec.name() + " on " + spec.device().name(), result, spec.constraints(),
				target.resolveSibling(target.getFileName().toString().replace(SUFFIX, REPORT_SUFFIX)));
		AtomicFiles.write(target, new GsonBuilder().setPrettyPrinting().serializeNulls()
				.serializeSpecialFloatingPointValues().disableHtmlEscaping().create().toJson(json));
	}

	private static JsonObject constraints(Constraints c) {
		JsonObject o = new JsonObject();
		o.addProperty("min_fps", c.minFps());
		o.addProperty("max_latency_ms", c.maxLatencyMs());
		o.addProperty("max_dsp", c.maxDsp());
		o.addProperty("max_bram18k", c.maxBram18k());
		o.addProperty("max_lut", c.maxLut());
		o.addProperty("min_accuracy", c.minAccuracy());
		o.addProperty("max_energy_mj", c.maxEnergyMjPerFrame());
		return o;
	}
}
