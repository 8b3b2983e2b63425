package org.hao.dsl.ui.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.hao.dsl.ui.SearchInput;
import org.hao.dsl.ui.SearchInputException;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.preferences.HaoPreferences;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;

/**
 * One HAO search as an Eclipse Job: progress and Cancel in the Progress view. The engine runs on its own thread; this
 * job's thread owns the monitor, relays progress and turns Cancel into the engine's CancelToken. Failures end up in
 * {@link SearchStatus} (shown by the Pareto view), never in a modal dialog.
 */
public class SearchJob extends EngineJob {

	public static final Object FAMILY = SearchJob.class;

	private final SearchRequest request;
	private final List<IFile> written = new ArrayList<>();

	public SearchJob(SearchRequest request) {
		super("HAO Search " + request.file().getName()
				+ (request.search() == null ? "" : " (" + request.search() + ")"), FAMILY, request.file());
		this.request = request;
	}

	/** The results files written by this run. */
	public List<IFile> written() {
		return written;
	}

	@Override
	protected IStatus runEngine(IFile file, IProgressMonitor monitor)
			throws IOException, CoreException, SearchInputException {
		SearchStatus.set(file, "running");
		List<SearchSpec> specs = specs(file);
		SubMonitor sub = SubMonitor.convert(monitor, getName(), specs.size() * 1000);
		List<SearchResult> results = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			SearchSpec spec = specs.get(i);
			SearchResult result = runOne(spec, sub.split(1000), monitor);
			String suffix = i == 0 ? "" : "-" + spec.device().name();
			IFile target = ResultsFiles.resultsFile(file, suffix);
			if (result.cancelled()) {
				// the previous results stay readable; nothing half-written replaces them
				SearchStatus.set(file, "cancelled");
				return Status.CANCEL_STATUS;
			}
			if (result.points().isEmpty() && !result.failures().isEmpty()) {
				// the engine could not evaluate anything (solver missing, nothing fits): say why in the Pareto
				// view's status line and keep the previous results instead of replacing them with an empty run
				SearchStatus.set(file, "failed on " + spec.device().name() + ": " + result.failures().get(0).message()
						+ (result.failures().size() > 1 ? " (+" + (result.failures().size() - 1) + " more)" : "")
						+ "; previous results kept");
				continue;
			}
			ResultsFiles.write(result, spec, file, target.getLocation().toFile().toPath());
			ResultsFiles.reportFile(target).refreshLocal(IResource.DEPTH_ZERO, null);
			target.refreshLocal(IResource.DEPTH_ZERO, null);
			written.add(target);
			results.add(result);
			SearchStatus.set(file, summary(result));
		}
		if (specs.size() > 1) {
			// a search naming several devices is a comparison: the Pareto view then shows every front
			ResultsFiles.writeCompare(results, specs, file);
			written.add(ResultsFiles.compareFile(file));
		}
		return Status.OK_STATUS;
	}

	private SearchResult runOne(SearchSpec spec, SubMonitor sub, IProgressMonitor monitor) {
		SearchOptions options = new SearchOptions(request.effectiveThreads(), request.effectiveTimeLimit());
		return EngineRun.run(spec, options, cancel, sub, monitor, request.file());
	}

	private List<SearchSpec> specs(IFile file) throws IOException, CoreException, SearchInputException {
		Search search = SearchInput.load(file, request.search());
		List<SearchSpec> specs = new ArrayList<>();
		for (SearchSpec s : new ModelMapper().toSearches(search)) {
			specs.add(withPreferredPredictor(s));
		}
		return specs;
	}

	/** The preference's predictor table applies when the search names none. */
	public static SearchSpec withPreferredPredictor(SearchSpec s) {
		String csv = HaoPreferences.predictorCsv();
		return s.predictorCsv() == null && !csv.isBlank() ? new SearchSpec(s.name(), s.network(), s.device(),
				s.objective(), s.constraints(), csv, s.seed(), s.timeLimitSeconds(), s.quantization()) : s;
	}

	private static String summary(SearchResult r) {
		String chosen = r.chosen() == null ? "no point meets the constraints"
				: String.format(Locale.ROOT, "chosen %.2f%% at %.1f fps", r.chosen().accuracy(), r.chosen().fps());
		return String.format(Locale.ROOT, "%d Pareto points on %s, %s%s (%.1f s)", r.points().size(), r.device(),
				chosen, r.complete() ? "" : ", time limit hit", r.elapsedMs() / 1000.0)
				+ (r.failures().isEmpty() ? "" : "; " + r.failures().size() + " configurations failed");
	}
}
