package org.hao.dsl.ui.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.HaoParser;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.preferences.HaoPreferences;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.search.SearchResult;

/**
 * One HAO search as an Eclipse Job: progress and Cancel in the Progress view. The engine runs on its own thread; this
 * job's thread owns the monitor, relays progress and turns Cancel into the engine's CancelToken. Failures end up in
 * {@link SearchStatus} (shown by the Pareto view), never in a modal dialog.
 */
public class SearchJob extends Job {

	public static final Object FAMILY = SearchJob.class;
	private static final long POLL_MS = 100;

	private final SearchRequest request;
	private final CancelToken cancel = new CancelToken();
	private final List<IFile> written = new ArrayList<>();

	public SearchJob(SearchRequest request) {
		super("HAO Search " + request.file().getName() + (request.search() == null ? "" : " (" + request.search() + ")"));
		this.request = request;
		setUser(true);
		setRule(null);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	@Override
	protected void canceling() {
		cancel.cancel();
	}

	/** The results files written by this run. */
	public List<IFile> written() {
		return written;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		IFile file = request.file();
		SearchStatus.set(file, "running");
		try {
			List<SearchSpec> specs = specs(file);
			SubMonitor sub = SubMonitor.convert(monitor, getName(), specs.size() * 1000);
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
					SearchStatus.set(file, "failed on " + spec.device().name() + ": " + result.failures().get(0)
							+ (result.failures().size() > 1 ? " (+" + (result.failures().size() - 1) + " more)" : "")
							+ "; previous results kept");
					continue;
				}
				ResultsFiles.write(result, spec, file, target.getLocation().toFile().toPath());
				ResultsFiles.reportFile(target).refreshLocal(IResource.DEPTH_ZERO, null);
				target.refreshLocal(IResource.DEPTH_ZERO, null);
				written.add(target);
				SearchStatus.set(file, summary(result));
			}
			return Status.OK_STATUS;
		} catch (SearchInputException e) {
			SearchStatus.set(file, "not started: " + e.getMessage());
			return Status.OK_STATUS;
		} catch (IOException | CoreException | RuntimeException | LinkageError e) {
			HaoUiPlugin.log("HAO search on " + file.getFullPath() + " failed", e);
			SearchStatus.set(file, "failed: " + e);
			return Status.OK_STATUS;
		}
	}

	private SearchResult runOne(SearchSpec spec, SubMonitor sub, IProgressMonitor monitor) {
		AtomicReference<int[]> progress = new AtomicReference<>(new int[] { 0, 1 });
		AtomicReference<String> message = new AtomicReference<>("");
		SearchOptions options = new SearchOptions(request.effectiveThreads(), request.effectiveTimeLimit());
		CompletableFuture<SearchResult> future = CompletableFuture.supplyAsync(() -> HaoSearch.run(spec, options,
				(done, total, msg) -> {
					progress.set(new int[] { done, Math.max(1, total) });
					message.set(msg == null ? "" : msg);
				}, cancel));
		int reported = 0;
		while (true) {
			if (monitor.isCanceled()) {
				cancel.cancel();
			}
			try {
				return future.get(POLL_MS, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				int[] p = progress.get();
				int now = (int) (1000L * Math.min(p[0], p[1]) / p[1]);
				if (now > reported) {
					sub.worked(now - reported);
					reported = now;
				}
				sub.subTask(spec.device().name() + ": " + p[0] + "/" + p[1] + " " + message.get());
				SearchStatus.set(request.file(), String.format(Locale.ROOT, "running on %s: %d/%d", spec.device().name(), p[0], p[1]));
			} catch (InterruptedException e) {
				cancel.cancel();
				Thread.currentThread().interrupt();
			} catch (ExecutionException e) {
				throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
			}
		}
	}

	private List<SearchSpec> specs(IFile file) throws IOException, CoreException, SearchInputException {
		if (!file.exists()) {
			throw new SearchInputException(file.getFullPath() + " does not exist");
		}
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		}
		ParsedDocument parsed = HaoParser.parse(text, HaoParser.uriOf(file), file.getModificationStamp(), true, () -> false);
		List<Issue> errors = parsed.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			Issue first = errors.get(0);
			throw new SearchInputException(errors.size() + " error(s), first at line " + first.getLineNumber() + ": "
					+ first.getMessage());
		}
		Search search = find(parsed);
		List<SearchSpec> specs = new ArrayList<>();
		for (SearchSpec s : new ModelMapper().toSearches(search)) {
			String csv = HaoPreferences.predictorCsv();
			specs.add(s.predictorCsv() == null && !csv.isBlank()
					? new SearchSpec(s.name(), s.network(), s.device(), s.objective(), s.constraints(), csv, s.seed(), s.timeLimitSeconds())
					: s);
		}
		return specs;
	}

	private Search find(ParsedDocument parsed) throws SearchInputException {
		List<Search> searches = new ArrayList<>();
		for (Element e : parsed.model().getElements()) {
			if (e instanceof Search s) {
				searches.add(s);
			}
		}
		for (Search s : searches) {
			if (s.getName() != null && s.getName().equals(request.search())) {
				return s;
			}
		}
		if (request.search() == null && searches.size() == 1) {
			return searches.get(0);
		}
		throw new SearchInputException(request.search() != null ? "no search named '" + request.search() + "'"
				: searches.isEmpty() ? "the file has no search" : "the file has several searches: choose one in the launch configuration");
	}

	private static String summary(SearchResult r) {
		String chosen = r.chosen() == null ? "no point meets the constraints"
				: String.format(Locale.ROOT, "chosen %.2f%% at %.1f fps", r.chosen().accuracy(), r.chosen().fps());
		return String.format(Locale.ROOT, "%d Pareto points on %s, %s%s (%.1f s)", r.points().size(), r.device(), chosen,
				r.complete() ? "" : ", time limit hit", r.elapsedMs() / 1000.0)
				+ (r.failures().isEmpty() ? "" : "; " + r.failures().size() + " configurations failed");
	}

	/** The file cannot be searched as it stands (errors, no such search). */
	static final class SearchInputException extends Exception {
		private static final long serialVersionUID = 1L;

		SearchInputException(String message) {
			super(message);
		}
	}
}
