package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.hao.engine.results.ParetoPoint;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.results.ResultsFiles;
import org.hao.dsl.ui.results.SearchStatus;
import org.hao.engine.report.CompareReport;

/**
 * Accuracy vs latency (or fps) of the latest results of the selected .hao file: the frontier, the constraint as a
 * vertical line, the chosen point highlighted; clicking a point or a row shows its configuration. After a device
 * comparison (newer than the last search) every device's front is drawn, one colour per device, with a legend.
 */
public class ParetoView extends ViewPart {

	public static final String ID = "org.hao.dsl.ui.paretoView";

	private static final Color FRONTIER = new Color(30, 110, 200);
	private static final Color CHOSEN = new Color(220, 40, 40);
	private static final Color SELECTED = new Color(250, 160, 0);
	private static final Color CONSTRAINT = new Color(120, 120, 120);

	private Label status;
	private Chart chart;
	private Table points;
	private Tree config;
	private IFile modelFile;
	private IFile resultsFile;
	/** One front per device: a search's results, or every device of a comparison. */
	private List<ParetoResults> fronts = List.of();
	/** Table row -> (front, point). */
	private final List<int[]> rows = new ArrayList<>();
	private final List<Color> frontColours = new ArrayList<>();
	private boolean fpsAxis;

	private final ISelectionListener selectionListener = this::selectionChanged;
	private final IResourceChangeListener resourceListener = this::resourcesChanged;
	private final BiConsumer<IFile, String> statusListener = (file, text) -> {
		if (file.equals(modelFile) && status != null) {
			status.getDisplay().asyncExec(this::updateStatus);
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		status.setText("Select a .hao file, or run Run As > HAO Search.");
		SashForm vertical = new SashForm(parent, SWT.VERTICAL);
		vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		chart = new Chart(vertical, SWT.NONE);
		chart.getTitle().setText("Pareto frontier");
		chart.getAxisSet().getYAxis(0).getTitle().setText("top-1 accuracy (%)");
		chart.getPlotArea().getControl().addListener(SWT.MouseDown, e -> selectNearest(e.x, e.y));
		SashForm horizontal = new SashForm(vertical, SWT.HORIZONTAL);
		points = new Table(horizontal, SWT.FULL_SELECTION | SWT.BORDER | SWT.SINGLE);
		points.setHeaderVisible(true);
		for (String h : new String[]{"", "device", "accuracy %", "latency ms", "fps", "DSP", "BRAM18K", "LUT",
				"mJ/frame", "frames/J"}) {
			TableColumn c = new TableColumn(points, h.equals("device") ? SWT.LEFT : SWT.RIGHT);
			c.setText(h);
			c.setWidth(h.isEmpty() ? 24 : 90);
		}
		points.addListener(SWT.Selection, e -> select(points.getSelectionIndex()));
		config = new Tree(horizontal, SWT.FULL_SELECTION | SWT.BORDER);
		config.setHeaderVisible(true);
		new TreeColumn(config, SWT.LEFT).setText("configuration");
		new TreeColumn(config, SWT.LEFT).setText("value");
		config.getColumn(0).setWidth(220);
		config.getColumn(1).setWidth(420);
		vertical.setWeights(60, 40);
		createActions();
		getSite().getPage().addPostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
		SearchStatus.addListener(statusListener);
		IEditorPart editor = getSite().getPage().getActiveEditor();
		if (editor != null && editor.getEditorInput() instanceof IFileEditorInput in) {
			showFile(in.getFile());
		}
	}

	private void createActions() {
		IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
		Action fps = new Action("fps axis", Action.AS_CHECK_BOX) {
			@Override
			public void run() {
				fpsAxis = isChecked();
				redrawChart();
			}
		};
		fps.setToolTipText("Plot accuracy against frames per second instead of latency");
		tb.add(fps);
		tb.add(new Action("CSV") {
			@Override
			public void run() {
				String path = ask("*.csv");
				if (path != null) {
					export(() -> exportCsv(Path.of(path)));
				}
			}
		});
		tb.add(new Action("PNG") {
			@Override
			public void run() {
				String path = ask("*.png");
				if (path != null) {
					exportPng(Path.of(path));
				}
			}
		});
		Action exportPoint = new Action("Export...") {
			@Override
			public void run() {
				String path = ask("*.py");
				if (path != null) {
					Path py = Path.of(path);
					exportSelected(py, PointExport.onnxBeside(py));
				}
			}
		};
		exportPoint
				.setToolTipText("Write the selected point's network as a PyTorch module (.py) and an ONNX graph (.onnx"
						+ " beside it), as hao export --point does");
		tb.add(exportPoint);
		MenuManager menu = new MenuManager();
		menu.add(exportPoint);
		points.setMenu(menu.createContextMenu(points));
		tb.add(new Action("Report") {
			@Override
			public void run() {
				IFile report = resultsFile == null ? null : ResultsFiles.reportFile(resultsFile);
				if (report != null && report.exists()) {
					try {
						IDE.openEditor(getSite().getPage(), report);
					} catch (PartInitException e) {
						HaoUiPlugin.log("cannot open " + report, e);
					}
				}
			}
		});
		tb.add(new Action("Open results") {
			@Override
			public void run() {
				if (resultsFile != null && resultsFile.exists()) {
					try {
						IDE.openEditor(getSite().getPage(), resultsFile);
					} catch (PartInitException e) {
						HaoUiPlugin.log("cannot open " + resultsFile, e);
					}
				}
			}
		});
	}

	private String ask(String extension) {
		FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
		d.setFilterExtensions(new String[]{extension});
		d.setOverwrite(true);
		return d.open();
	}

	private interface IoAction {
		void run() throws IOException;
	}

	private void export(IoAction a) {
		try {
			a.run();
		} catch (IOException e) {
			status.setText("export failed: " + e.getMessage());
		}
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this) {
			return;
		}
		IFile file = null;
		if (part instanceof IEditorPart editor && editor.getEditorInput() instanceof IFileEditorInput in) {
			file = in.getFile();
		} else if (selection instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof org.eclipse.core.runtime.IAdaptable a) {
			file = a.getAdapter(IFile.class);
		}
		if (file != null && ("hao".equals(file.getFileExtension()) || ResultsFiles.isResults(file))) {
			showFile(file);
		}
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IFile model = modelFile;
		if (model == null || event.getDelta() == null) {
			return;
		}
		// a new search result or a new comparison of the shown model (or the file shown) changes what to draw
		boolean changed = false;
		for (IFile f : new IFile[]{resultsFile, ResultsFiles.resultsFile(model, ""), ResultsFiles.compareFile(model)}) {
			changed |= f != null && event.getDelta().findMember(f.getFullPath()) != null;
		}
		if (changed && status != null && !status.isDisposed()) {
			status.getDisplay().asyncExec(() -> {
				if (!status.isDisposed() && modelFile != null) {
					showFile(modelFile);
				}
			});
		}
	}

	/**
	 * Shows the latest results of a .hao file (its search results or its device comparison, whichever was written
	 * last), or a results / comparison file itself.
	 */
	public void showFile(IFile file) {
		boolean direct = ResultsFiles.isResults(file);
		IFile model = direct ? ResultsFiles.modelOf(file) : file;
		modelFile = model;
		resultsFile = direct ? file : newer(ResultsFiles.resultsFile(model, ""), ResultsFiles.compareFile(model));
		fronts = List.of();
		if (resultsFile.getLocation() != null && resultsFile.getLocation().toFile().isFile()) {
			try {
				fronts = ParetoResults.readAll(resultsFile.getLocation().toFile().toPath());
			} catch (IOException e) {
				status.setText(e.getMessage());
			}
		}
		setContentDescription(model == null ? "" : model.getName());
		fillPoints();
		redrawChart();
		ParetoResults first = results();
		select(first == null ? -1 : first.chosen());
		updateStatus();
	}

	/** The one of two results files modified last (the first when neither exists). */
	private static IFile newer(IFile a, IFile b) {
		long ta = a.getLocation() == null ? 0 : a.getLocation().toFile().lastModified();
		long tb = b.getLocation() == null ? 0 : b.getLocation().toFile().lastModified();
		return tb > ta ? b : a;
	}

	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		String run = SearchStatus.get(modelFile);
		String text;
		ParetoResults results = results();
		if (results == null) {
			text = (modelFile == null ? "" : modelFile.getName() + ": no results yet (Run As > HAO Search)");
		} else if (fronts.size() > 1) {
			List<String> parts = new ArrayList<>();
			for (ParetoResults f : fronts) {
				parts.add(String.format(Locale.ROOT, "%s %d points%s", f.device(), f.points().size(),
						f.chosen() < 0 ? " (none meets the constraints)" : ""));
			}
			text = results.search() + " compared: " + String.join(", ", parts);
		} else {
			text = String.format(Locale.ROOT, "%s on %s: %d points%s%s", results.search(), results.device(),
					results.points().size(), results.chosen() < 0 ? ", none meets the constraints" : "",
					results.complete() ? "" : " (partial: time limit or cancel)");
		}
		if (run != null) {
			text += "   |   last run: " + run;
		}
		status.setText(text);
		status.getParent().layout();
	}

	private void fillPoints() {
		points.removeAll();
		rows.clear();
		for (int f = 0; f < fronts.size(); f++) {
			ParetoResults front = fronts.get(f);
			for (int i = 0; i < front.points().size(); i++) {
				ParetoPoint p = front.points().get(i);
				TableItem item = new TableItem(points, SWT.NONE);
				item.setText(new String[]{i == front.chosen() ? "*" : "", front.device(), fmt("%.2f", p.accuracy()),
						fmt("%.3f", p.latencyMs()), fmt("%.1f", p.fps()), String.valueOf(p.dsp()),
						String.valueOf(p.bram18k()), String.valueOf(p.lut()), fmt("%.3f", p.energyMj()),
						p.framesPerJouleText()});
				rows.add(new int[]{f, i});
			}
		}
	}

	private static String fmt(String f, double v) {
		return String.format(Locale.ROOT, f, v);
	}

	private double x(ParetoPoint p) {
		return fpsAxis ? p.fps() : p.latencyMs();
	}

	private void redrawChart() {
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			chart.getSeriesSet().deleteSeries(s.getId());
		}
		frontColours.clear();
		ParetoResults results = results();
		chart.getAxisSet().getXAxis(0).getTitle().setText(fpsAxis ? "frames per second" : "latency (ms)");
		chart.getTitle()
				.setText(results == null ? "Pareto frontier"
						: fronts.size() > 1
								? "Pareto frontiers: " + results.search() + " on " + fronts.size() + " devices"
						: "Pareto frontier: " + results.search() + " on " + results.device());
		chart.getLegend().setVisible(fronts.size() > 1);
		if (fronts.stream().allMatch(f -> f.points().isEmpty())) {
			chart.redraw();
			return;
		}
		for (int f = 0; f < fronts.size(); f++) {
			ParetoResults front = fronts.get(f);
			Color colour = fronts.size() == 1 ? FRONTIER : deviceColour(f);
			frontColours.add(colour);
			if (front.points().isEmpty()) {
				continue;
			}
			int n = front.points().size();
			double[] xs = new double[n];
			double[] ys = new double[n];
			for (int i = 0; i < n; i++) {
				xs[i] = x(front.points().get(i));
				ys[i] = front.points().get(i).accuracy();
			}
			ILineSeries<?> line = series(seriesId(f), xs, ys, colour, 5);
			errorBars(line, front.points());
			line.setLineStyle(LineStyle.SOLID);
			line.setLineColor(colour);
			line.setDescription(front.device());
		}
		chart.getAxisSet().adjustRange();
		includeIntervals();
		padRanges();
		Double budget = results.latencyBudgetMs();
		if (budget != null) {
			double bx = fpsAxis ? 1000 / budget : budget;
			Range y = chart.getAxisSet().getYAxis(0).getRange();
			ILineSeries<?> line = series(fpsAxis ? "min fps" : "latency budget", new double[]{bx, bx},
					new double[]{y.lower, y.upper}, CONSTRAINT, 0);
			line.setLineStyle(LineStyle.DASH);
			line.setLineColor(CONSTRAINT);
			line.setSymbolType(PlotSymbolType.NONE);
			line.setVisibleInLegend(false);
			IAxis xAxis = chart.getAxisSet().getXAxis(0);
			Range r = xAxis.getRange();
			xAxis.setRange(new Range(Math.min(r.lower, bx * 0.95), Math.max(r.upper, bx * 1.05)));
		}
		for (int f = 0; f < fronts.size(); f++) {
			ParetoResults front = fronts.get(f);
			if (front.chosen() >= 0) {
				ParetoPoint c = front.points().get(front.chosen());
				// one device: the chosen point red, as before; several: a large dot in the device's colour
				ILineSeries<?> s = series(fronts.size() == 1 ? "chosen" : "chosen: " + front.device(),
						new double[]{x(c)}, new double[]{c.accuracy()},
						fronts.size() == 1 ? CHOSEN : frontColours.get(f), 9);
				s.setVisibleInLegend(false);
			}
		}
		chart.redraw();
	}

	/** Vertical error bars: each point's accuracy interval (the predictor's, see org.hao.engine/docs/predictor.md). */
	private static void errorBars(ILineSeries<?> line, java.util.List<ParetoPoint> pts) {
		double[] plus = new double[pts.size()], minus = new double[pts.size()];
		boolean any = false;
		for (int i = 0; i < pts.size(); i++) {
			ParetoPoint p = pts.get(i);
			plus[i] = Math.max(0, p.accuracyHigh() - p.accuracy());
			minus[i] = Math.max(0, p.accuracy() - p.accuracyLow());
			any |= plus[i] > 0 || minus[i] > 0;
		}
		if (any) {
			org.eclipse.swtchart.IErrorBar bar = line.getYErrorBar();
			bar.setType(org.eclipse.swtchart.IErrorBar.ErrorBarType.BOTH);
			bar.setPlusErrors(plus);
			bar.setMinusErrors(minus);
			bar.setVisible(true);
		}
	}

	/** Series id of front {@code f}: "frontier" for a single search, "front: DEVICE" in a comparison. */
	private String seriesId(int f) {
		return fronts.size() == 1 ? "frontier" : "front: " + fronts.get(f).device();
	}

	private static Color deviceColour(int f) {
		String hex = CompareReport.colour(f);
		return new Color(Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
				Integer.parseInt(hex.substring(5, 7), 16));
	}

	/** Widens the accuracy axis so that every error bar is drawn whole. */
	private void includeIntervals() {
		IAxis y = chart.getAxisSet().getYAxis(0);
		Range r = y.getRange();
		double lo = r.lower, hi = r.upper;
		for (ParetoResults front : fronts) {
			for (ParetoPoint p : front.points()) {
				lo = Math.min(lo, p.accuracyLow());
				hi = Math.max(hi, p.accuracyHigh());
			}
		}
		y.setRange(new Range(lo, hi));
	}

	private void padRanges() {
		for (IAxis axis : new IAxis[]{chart.getAxisSet().getXAxis(0), chart.getAxisSet().getYAxis(0)}) {
			Range r = axis.getRange();
			double pad = Math.max((r.upper - r.lower) * 0.08, Math.abs(r.upper) * 0.01 + 1e-6);
			axis.setRange(new Range(r.lower - pad, r.upper + pad));
		}
	}

	private ILineSeries<?> series(String id, double[] xs, double[] ys, Color color, int symbolSize) {
		ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
		s.setXSeries(xs);
		s.setYSeries(ys);
		s.setLineStyle(LineStyle.NONE);
		s.setSymbolType(PlotSymbolType.CIRCLE);
		s.setSymbolColor(color);
		s.setSymbolSize(symbolSize);
		return s;
	}

	private void selectNearest(int px, int py) {
		IAxis xAxis = chart.getAxisSet().getXAxis(0);
		IAxis yAxis = chart.getAxisSet().getYAxis(0);
		int best = -1;
		double bestDist = 15 * 15;
		for (int i = 0; i < rows.size(); i++) {
			ParetoPoint p = point(i);
			double dx = xAxis.getPixelCoordinate(x(p)) - px;
			double dy = yAxis.getPixelCoordinate(p.accuracy()) - py;
			if (dx * dx + dy * dy <= bestDist) {
				bestDist = dx * dx + dy * dy;
				best = i;
			}
		}
		if (best >= 0) {
			select(best);
		}
	}

	private ParetoPoint point(int row) {
		int[] fp = rows.get(row);
		return fronts.get(fp[0]).points().get(fp[1]);
	}

	/** Selects table row {@code index} (fronts in order): highlighted symbol, configuration table. */
	public void select(int index) {
		config.removeAll();
		if (chart.getSeriesSet().getSeries("selected") != null) {
			chart.getSeriesSet().deleteSeries("selected");
		}
		if (index < 0 || index >= rows.size()) {
			chart.redraw();
			return;
		}
		points.setSelection(index);
		ParetoPoint p = point(index);
		ILineSeries<?> s = series("selected", new double[]{x(p)}, new double[]{p.accuracy()}, SELECTED, 7);
		s.setSymbolType(PlotSymbolType.DIAMOND);
		s.setVisibleInLegend(false);
		String device = fronts.size() > 1 ? fronts.get(rows.get(index)[0]).device() : null;
		for (ConfigTree.Node n : ConfigTree.of(p, device)) {
			addNode(config, null, n);
		}
		for (TreeItem item : config.getItems()) {
			expand(item);
		}
		chart.redraw();
	}

	/** One row of the configuration tree and its children; network and subgraphs start expanded (the layers show). */
	private static void addNode(Tree tree, TreeItem parent, ConfigTree.Node n) {
		TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
		item.setText(new String[]{n.label(), n.value()});
		item.setData(n);
		for (ConfigTree.Node c : n.children()) {
			addNode(tree, item, c);
		}
	}

	/** Expands the network and its subgraphs, parents first (GTK ignores expanding a row under a collapsed one). */
	private static void expand(TreeItem item) {
		String label = item.getText(0);
		if (item.getItemCount() > 0 && (label.equals("network") || label.startsWith("subgraph "))) {
			item.setExpanded(true);
			for (TreeItem child : item.getItems()) {
				expand(child);
			}
		}
	}

	/**
	 * Export... of the selected point: its network as PyTorch source {@code pytorch} and ONNX graph {@code onnx}
	 * ({@link PointExport}); the status line says what was written or why nothing was.
	 *
	 * @return whether the files were written
	 */
	public boolean exportSelected(Path pytorch, Path onnx) {
		int row = points.getSelectionIndex();
		if (row < 0 || row >= rows.size() || modelFile == null) {
			status.setText("Export: select a point first");
			return false;
		}
		ParetoResults front = fronts.get(rows.get(row)[0]);
		try {
			PointExport.write(modelFile, front.search().isEmpty() ? null : front.search(), point(row), pytorch, onnx);
		} catch (PointExport.ExportException e) {
			status.setText("export failed: " + e.getMessage());
			return false;
		}
		refresh(pytorch);
		refresh(onnx);
		status.setText("exported point " + (rows.get(row)[1] + 1) + " of " + front.search() + " on " + front.device()
				+ " to " + pytorch.getFileName() + " and " + onnx.getFileName());
		return true;
	}

	/** Shows a file written inside the workspace in the navigators. */
	private static void refresh(Path written) {
		IFile f = ResourcesPlugin.getWorkspace().getRoot()
				.getFileForLocation(org.eclipse.core.runtime.Path.fromOSString(written.toAbsolutePath().toString()));
		if (f != null) {
			try {
				f.refreshLocal(0, null);
			} catch (org.eclipse.core.runtime.CoreException e) {
				HaoUiPlugin.log("cannot refresh " + f, e);
			}
		}
	}

	/** Test and export access: the first (or only) front, null without results. */
	public ParetoResults results() {
		return fronts.isEmpty() ? null : fronts.get(0);
	}

	/** The .hao file whose results are shown (null before any). */
	public IFile modelFile() {
		return modelFile;
	}

	/** Every front shown: one for a search, one per device for a comparison. */
	public List<ParetoResults> fronts() {
		return fronts;
	}

	/** The colour front {@code f} is drawn in. */
	public Color frontColour(int f) {
		return frontColours.get(f);
	}

	public Chart chart() {
		return chart;
	}

	/** The selected point's configuration: device (comparisons), accelerator, network -> subgraph -> layer, prediction. */
	public Tree configTree() {
		return config;
	}

	public String statusText() {
		return status.getText();
	}

	public void exportCsv(Path target) throws IOException {
		if (!fronts.isEmpty()) {
			ParetoCsv.write(fronts, target);
		}
	}

	/** PNG of the chart as drawn now. */
	public void exportPng(Path target) {
		chart.save(target.toString(), SWT.IMAGE_PNG);
	}

	/** The chart's size (tests check it was laid out). */
	public Point chartSize() {
		return chart.getSize();
	}

	@Override
	public void setFocus() {
		chart.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
		SearchStatus.removeListener(statusListener);
		super.dispose();
	}
}
