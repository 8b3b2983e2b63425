package org.hao.dsl.ui.refactoring;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.hao.dsl.ui.HaoUiPlugin;

/**
 * HAO References (Find References, Ctrl+Shift+G): the definition and every reference of the element, one row per
 * occurrence (file, line, the line's text); double-click or Enter opens the file with the name selected. The
 * platform's Search view is not in the target platform, so the results have this view of their own.
 */
public class ReferencesView extends ViewPart {

	public static final String ID = "org.hao.dsl.ui.referencesView";

	private Label summary;
	private TableViewer table;
	private List<Reference> references = List.of();

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		summary = new Label(parent, SWT.WRAP);
		summary.setText("Find References (Ctrl+Shift+G) on a name in a .hao editor lists its uses here.");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getControl());
		column("File", 200, r -> r.file().getFullPath().makeRelative().toString());
		column("Line", 50, r -> Integer.toString(r.line()));
		column("", 90, r -> r.declaration() ? "definition" : "reference");
		column("Text", 500, Reference::lineText);
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.addOpenListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Reference r) {
				open(r);
			}
		});
		table.setInput(references);
	}

	private void column(String title, int width, java.util.function.Function<Reference, String> text) {
		TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Reference) element);
			}
		});
	}

	/** Shows the occurrences of {@code what} (e.g. {@code network 'toy'}). */
	public void show(String what, List<Reference> found) {
		references = List.copyOf(found);
		long files = found.stream().map(Reference::file).distinct().count();
		long refs = found.stream().filter(r -> !r.declaration()).count();
		summary.setText(String.format(java.util.Locale.ROOT, "%s: %d reference%s in %d file%s", what, refs,
				refs == 1 ? "" : "s", files, files == 1 ? "" : "s"));
		summary.getParent().layout(true, true);
		table.setInput(references);
	}

	public List<Reference> references() {
		return references;
	}

	public String summary() {
		return summary.getText();
	}

	/** Opens the occurrence's file with the name selected. */
	public void open(Reference r) {
		try {
			IEditorPart part = IDE.openEditor(getSite().getPage(), r.file(), true);
			if (part instanceof ITextEditor editor) {
				editor.selectAndReveal(r.offset(), r.length());
			}
		} catch (PartInitException e) {
			HaoUiPlugin.log("cannot open " + r.file().getFullPath(), e);
		}
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}
}
