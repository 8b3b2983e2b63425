package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
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
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.launch.ResultsFiles;
import org.hao.dsl.ui.launch.SearchStatus;

/**
 * Accuracy vs latency (or fps) of the latest results of the selected .hao file: the frontier, the constraint as a
 * vertical line, the chosen point highlighted; clicking a point or a row shows its configuration.
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
	private Table config;
	private IFile modelFile;
	private IFile resultsFile;
	private ParetoResults results;
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
		for (String h : new String[] { "", "accuracy %", "latency ms", "fps", "DSP", "BRAM18K", "LUT", "mJ/frame" }) {
			TableColumn c = new TableColumn(points, SWT.RIGHT);
			c.setText(h);
			c.setWidth(h.isEmpty() ? 24 : 95);
		}
		points.addListener(SWT.Selection, e -> select(points.getSelectionIndex()));
		config = new Table(horizontal, SWT.FULL_SELECTION | SWT.BORDER);
		config.setHeaderVisible(true);
		new TableColumn(config, SWT.LEFT).setText("configuration");
		new TableColumn(config, SWT.LEFT).setText("value");
		config.getColumn(0).setWidth(220);
		config.getColumn(1).setWidth(160);
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
		d.setFilterExtensions(new String[] { extension });
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
		} else if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof org.eclipse.core.runtime.IAdaptable a) {
			file = a.getAdapter(IFile.class);
		}
		if (file != null && ("hao".equals(file.getFileExtension()) || file.getName().endsWith(ResultsFiles.SUFFIX))) {
			showFile(file);
		}
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IFile watched = resultsFile;
		if (watched == null || event.getDelta() == null) {
			return;
		}
		IResourceDelta d = event.getDelta().findMember(watched.getFullPath());
		if (d != null && status != null && !status.isDisposed()) {
			status.getDisplay().asyncExec(() -> {
				if (!status.isDisposed() && modelFile != null) {
					showFile(modelFile);
				}
			});
		}
	}

	/** Shows the latest results of a .hao file (or of a results file itself). */
	public void showFile(IFile file) {
		IFile model = file.getName().endsWith(ResultsFiles.SUFFIX) ? ResultsFiles.modelOf(file) : file;
		modelFile = model;
		resultsFile = file.getName().endsWith(ResultsFiles.SUFFIX) ? file : ResultsFiles.resultsFile(model, "");
		results = null;
		if (resultsFile.getLocation() != null && resultsFile.getLocation().toFile().isFile()) {
			try {
				results = ParetoResults.read(resultsFile.getLocation().toFile().toPath());
			} catch (IOException e) {
				results = null;
				status.setText(e.getMessage());
			}
		}
		setContentDescription(model == null ? "" : model.getName());
		fillPoints();
		redrawChart();
		select(results == null ? -1 : results.chosen());
		updateStatus();
	}

	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		String run = SearchStatus.get(modelFile);
		String text;
		if (results == null) {
			text = (modelFile == null ? "" : modelFile.getName() + ": no results yet (Run As > HAO Search)");
		} else {
			text = String.format(Locale.ROOT, "%s on %s: %d points%s%s", results.search(), results.device(), results.points().size(),
					results.chosen() < 0 ? ", none meets the constraints" : "", results.complete() ? "" : " (partial: time limit or cancel)");
		}
		if (run != null) {
			text += "   |   last run: " + run;
		}
		status.setText(text);
		status.getParent().layout();
	}

	private void fillPoints() {
		points.removeAll();
		if (results == null) {
			return;
		}
		for (int i = 0; i < results.points().size(); i++) {
			ParetoResults.Point p = results.points().get(i);
			TableItem item = new TableItem(points, SWT.NONE);
			item.setText(new String[] { i == results.chosen() ? "*" : "", fmt("%.2f", p.accuracy()), fmt("%.3f", p.latencyMs()),
					fmt("%.1f", p.fps()), String.valueOf(p.dsp()), String.valueOf(p.bram18k()), String.valueOf(p.lut()),
					fmt("%.3f", p.energyMj()) });
		}
	}

	private static String fmt(String f, double v) {
		return String.format(Locale.ROOT, f, v);
	}

	private double x(ParetoResults.Point p) {
		return fpsAxis ? p.fps() : p.latencyMs();
	}

	private void redrawChart() {
		for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
			chart.getSeriesSet().deleteSeries(s.getId());
		}
		chart.getAxisSet().getXAxis(0).getTitle().setText(fpsAxis ? "frames per second" : "latency (ms)");
		chart.getTitle().setText(results == null ? "Pareto frontier" : "Pareto frontier: " + results.search() + " on " + results.device());
		if (results == null || results.points().isEmpty()) {
			chart.redraw();
			return;
		}
		int n = results.points().size();
		double[] xs = new double[n];
		double[] ys = new double[n];
		for (int i = 0; i < n; i++) {
			xs[i] = x(results.points().get(i));
			ys[i] = results.points().get(i).accuracy();
		}
		ILineSeries<?> frontier = series("frontier", xs, ys, FRONTIER, 5);
		frontier.setLineStyle(LineStyle.SOLID);
		frontier.setLineColor(FRONTIER);
		chart.getAxisSet().adjustRange();
		padRanges();
		Double budget = results.latencyBudgetMs();
		if (budget != null) {
			double bx = fpsAxis ? 1000 / budget : budget;
			Range y = chart.getAxisSet().getYAxis(0).getRange();
			ILineSeries<?> line = series(fpsAxis ? "min fps" : "latency budget", new double[] { bx, bx },
					new double[] { y.lower, y.upper }, CONSTRAINT, 0);
			line.setLineStyle(LineStyle.DASH);
			line.setLineColor(CONSTRAINT);
			line.setSymbolType(PlotSymbolType.NONE);
			IAxis xAxis = chart.getAxisSet().getXAxis(0);
			Range r = xAxis.getRange();
			xAxis.setRange(new Range(Math.min(r.lower, bx * 0.95), Math.max(r.upper, bx * 1.05)));
		}
		if (results.chosen() >= 0) {
			ParetoResults.Point c = results.points().get(results.chosen());
			series("chosen", new double[] { x(c) }, new double[] { c.accuracy() }, CHOSEN, 9);
		}
		chart.redraw();
	}

	private void padRanges() {
		for (IAxis axis : new IAxis[] { chart.getAxisSet().getXAxis(0), chart.getAxisSet().getYAxis(0) }) {
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
		if (results == null || results.points().isEmpty()) {
			return;
		}
		IAxis xAxis = chart.getAxisSet().getXAxis(0);
		IAxis yAxis = chart.getAxisSet().getYAxis(0);
		int best = -1;
		double bestDist = 15 * 15;
		for (int i = 0; i < results.points().size(); i++) {
			ParetoResults.Point p = results.points().get(i);
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

	/** Selects point {@code index}: table row, highlighted symbol, configuration table. */
	public void select(int index) {
		config.removeAll();
		if (chart.getSeriesSet().getSeries("selected") != null) {
			chart.getSeriesSet().deleteSeries("selected");
		}
		if (results == null || index < 0 || index >= results.points().size()) {
			chart.redraw();
			return;
		}
		points.setSelection(index);
		ParetoResults.Point p = results.points().get(index);
		ILineSeries<?> s = series("selected", new double[] { x(p) }, new double[] { p.accuracy() }, SELECTED, 7);
		s.setSymbolType(PlotSymbolType.DIAMOND);
		for (Map.Entry<String, String> e : p.config().entrySet()) {
			new TableItem(config, SWT.NONE).setText(new String[] { e.getKey(), e.getValue() });
		}
		chart.redraw();
	}

	/** Test and export access. */
	public ParetoResults results() {
		return results;
	}

	public Chart chart() {
		return chart;
	}

	public Table configTable() {
		return config;
	}

	public String statusText() {
		return status.getText();
	}

	public void exportCsv(Path target) throws IOException {
		if (results != null) {
			ParetoCsv.write(results, target);
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
