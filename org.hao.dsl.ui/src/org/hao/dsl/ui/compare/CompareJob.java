package org.hao.dsl.ui.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.VisibleDevices;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.launch.EngineJob;
import org.hao.dsl.ui.launch.EngineRun;
import org.hao.dsl.ui.pareto.ParetoOpener;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.SearchInput;
import org.hao.dsl.ui.SearchInputException;
import org.hao.dsl.ui.launch.SearchJob;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;

/**
 * "Compare on Devices": the file's search run once per device, one after another, as a cancellable Job (progress and
 * Cancel in the Progress view). Only a complete comparison is written, atomically, next to the model
 * ({@code <name>.hao-compare.json} and {@code .hao-compare.html}); the Pareto view then shows every front.
 */
public class CompareJob extends EngineJob {

	public static final Object FAMILY = CompareJob.class;

	private final CompareRequest request;

	public CompareJob(CompareRequest request) {
		super("HAO Compare " + request.file().getName() + " on " + String.join(", ", request.devices()), FAMILY,
				request.file());
		this.request = request;
	}

	@Override
	protected IStatus runEngine(IFile file, IProgressMonitor monitor)
			throws IOException, CoreException, SearchInputException {
		SearchStatus.set(file, "comparing on " + String.join(", ", request.devices()));
		List<SearchSpec> specs = specs();
		SubMonitor sub = SubMonitor.convert(monitor, getName(), specs.size() * 1000);
		List<SearchResult> results = new ArrayList<>();
		SearchOptions options = new SearchOptions(request.threads(), request.timeLimitSeconds());
		for (SearchSpec spec : specs) {
			SearchResult r = EngineRun.run(spec, options, cancel, sub.split(1000), monitor, file);
			if (r.cancelled() || monitor.isCanceled()) {
				// nothing half-done is written: the previous comparison (if any) stays as it was
				SearchStatus.set(file, "cancelled");
				return Status.CANCEL_STATUS;
			}
			results.add(r);
		}
		ResultsFiles.writeCompare(results, specs, file);
		SearchStatus.set(file, summary(results));
		ParetoOpener.show(file);
		return Status.OK_STATUS;
	}

	/** One engine search per requested device, each found from the search's scope. */
	private List<SearchSpec> specs() throws IOException, CoreException, SearchInputException {
		if (request.devices().isEmpty()) {
			throw new SearchInputException("no device to compare on");
		}
		Search search = SearchInput.load(request.file(), request.search());
		VisibleDevices visible = new VisibleDevices(HaoLanguage.injector().getInstance(IScopeProvider.class));
		ModelMapper mapper = new ModelMapper();
		List<SearchSpec> specs = new ArrayList<>();
		for (String name : request.devices()) {
			DeviceDecl d = visible.find(search, name);
			if (d == null) {
				throw new SearchInputException(
						"no device named '" + name + "'; devices: " + String.join(", ", visible.names(search)));
			}
			specs.add(SearchJob.withPreferredPredictor(mapper.toSearch(search, d)));
		}
		return specs;
	}

	private static String summary(List<SearchResult> results) {
		List<String> parts = new ArrayList<>();
		for (SearchResult r : results) {
			parts.add(r.chosen() == null ? r.device() + ": no point meets the constraints"
					: String.format(Locale.ROOT, "%s: %.2f%% at %.1f fps, %.2f mJ/frame, %s frames/J, %.2f W",
							r.device(), r.chosen().accuracy(), r.chosen().fps(), r.chosen().energyMj(),
							r.chosen().framesPerJouleText(), r.chosen().averageWatts()));
		}
		return "compared: " + String.join("; ", parts);
	}
}
