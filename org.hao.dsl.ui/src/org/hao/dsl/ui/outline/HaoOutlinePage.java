package org.hao.dsl.ui.outline;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.ParsedDocument;

/** Outline of devices, networks (subgraphs, ops), spaces and searches; refreshed after each reconcile. */
public class HaoOutlinePage extends ContentOutlinePage {

	private final EditorModel model;
	private final ITextEditor editor;
	private List<OutlineNode> input = List.of();

	/** @param editor the editor whose text a selected node reveals */
	public HaoOutlinePage(EditorModel model, ITextEditor editor) {
		this.model = model;
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object in) {
				return ((List<?>) in).toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return ((OutlineNode) parentElement).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineNode) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((OutlineNode) element).label();
			}
		});
		viewer.setInput(input);
		viewer.expandToLevel(2);
		viewer.addSelectionChangedListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineNode n) {
				editor.selectAndReveal(n.offset(), 0);
			}
		});
		ParsedDocument latest = model.latest();
		if (latest != null) {
			update(latest);
		}
	}

	/** Called off the UI thread after a reconcile. */
	public void update(ParsedDocument parsed) {
		List<OutlineNode> nodes = OutlineNode.of(parsed.model());
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			input = nodes;
			return;
		}
		viewer.getControl().getDisplay().asyncExec(() -> {
			if (!viewer.getControl().isDisposed()) {
				input = nodes;
				viewer.setInput(nodes);
				viewer.expandToLevel(2);
			}
		});
	}

	public List<OutlineNode> nodes() {
		return input;
	}
}
