package org.hao.dsl.ui.editor;

import java.io.File;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewerExtension;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.hao.dsl.ui.EditorModel;
import org.hao.dsl.ui.validation.AnnotationUpdater;
import org.hao.dsl.ui.formatting.HaoDocumentFormatter;
import org.hao.dsl.ui.highlighting.SemanticHighlighter;
import org.hao.dsl.ui.navigation.Declarations;
import org.hao.dsl.ui.outline.HaoOutlinePage;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.codemining.EstimateMiningProvider;
import org.hao.dsl.ui.estimate.EstimateService;
import org.hao.dsl.ui.refactoring.EditorRefactoring;

/** The .hao editor: a platform TextEditor whose services come from the Xtext runtime and ide bundles. */
public class HaoEditor extends TextEditor {

	public static final String ID = "org.hao.dsl.ui.editor";
	public static final String CONTEXT = "org.hao.dsl.ui.editorScope";
	public static final String FORMAT_COMMAND = "org.hao.dsl.ui.format";
	public static final String TOGGLE_COMMENT_COMMAND = "org.hao.dsl.ui.toggleComment";
	public static final String OPEN_DECLARATION_COMMAND = "org.hao.dsl.ui.openDeclaration";
	public static final String RENAME_COMMAND = "org.hao.dsl.ui.rename";
	public static final String FIND_REFERENCES_COMMAND = "org.hao.dsl.ui.findReferences";

	private static final String MATCHING_BRACKETS = "org.hao.dsl.ui.matchingBrackets";
	private static final String MATCHING_BRACKETS_COLOR = "org.hao.dsl.ui.matchingBracketsColor";

	private final EditorModel model = new EditorModel();
	private final EstimateService estimates = new EstimateService(this::viewer);
	private final EstimateMiningProvider miningProvider = new EstimateMiningProvider(estimates);
	private HaoOutlinePage outline;
	private SemanticHighlighter semantic;
	private ImportWatcher importWatcher;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new HaoSourceViewerConfiguration(this, getPreferenceStore()));
		setKeyBindingScopes(new String[]{CONTEXT});
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		model.setUri(uriOf(input));
		super.doSetInput(input);
	}

	private static URI uriOf(IEditorInput input) {
		if (input instanceof IFileEditorInput f) {
			return DocumentParser.uriOf(f.getFile());
		}
		if (input instanceof IURIEditorInput u && u.getURI() != null) {
			return URI.createURI(u.getURI().toString());
		}
		return URI.createURI("synthetic:/" + input.getName());
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		// again now that the decoration support has installed the annotation painter the minings are drawn with
		installCodeMiningProviders();
		ISourceViewer viewer = getSourceViewer();
		semantic = new SemanticHighlighter(viewer);
		model.addListener(semantic);
		model.addListener(new AnnotationUpdater(viewer::getDocument, () -> getDocumentProvider() == null ? null
				: getDocumentProvider().getAnnotationModel(getEditorInput())));
		model.addListener(p -> {
			if (outline != null) {
				outline.update(p);
			}
		});
		model.addListener(estimates::schedule);
		importWatcher = new ImportWatcher(model,
				() -> getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput()));
		importWatcher.install();
		ParsedDocument first = model.latest();
		if (first != null) {
			// the reconciler may have finished before the listeners were attached
			model.replay(first);
		}
	}

	/** The platform installs the providers of its registry here (none for .hao), which would drop ours. */
	@Override
	protected void installCodeMiningProviders() {
		if (getSourceViewer() instanceof ISourceViewerExtension5 v) {
			v.setCodeMiningProviders(new ICodeMiningProvider[]{miningProvider});
		}
	}

	@Override
	protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
		support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(new char[]{'{', '}', '(', ')'}));
		support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
		getPreferenceStore().setDefault(MATCHING_BRACKETS, true);
		getPreferenceStore().setDefault(MATCHING_BRACKETS_COLOR, "128,128,128");
		super.configureSourceViewerDecorationSupport(support);
	}

	@Override
	protected void createActions() {
		super.createActions();
		ResourceBundle bundle = new ListResourceBundle() {
			@Override
			protected Object[][] getContents() {
				return new Object[][]{{"ContentAssistProposal.label", "Content Assist"}};
			}
		};
		ContentAssistAction assist = new ContentAssistAction(bundle, "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
		markAsStateDependentAction("ContentAssistProposal", true);
		setAction("HaoFormat", action("Format", FORMAT_COMMAND, this::format));
		setAction("HaoToggleComment", action("Toggle Comment", TOGGLE_COMMENT_COMMAND, this::toggleComment));
		setAction("HaoOpenDeclaration", action("Open Declaration", OPEN_DECLARATION_COMMAND, this::openDeclaration));
		setAction("HaoRename", action("Rename...", RENAME_COMMAND, () -> EditorRefactoring.rename(getSite(),
				getEditorSite().getActionBars().getStatusLineManager(), model, document(), caretOffset())));
		setAction("HaoFindReferences", action("Find References", FIND_REFERENCES_COMMAND,
				() -> EditorRefactoring.findReferences(getSite(), model, document(), caretOffset())));
	}

	private int caretOffset() {
		return ((ITextSelection) getSelectionProvider().getSelection()).getOffset();
	}

	@Override
	protected void editorContextMenuAboutToShow(IMenuManager menu) {
		super.editorContextMenuAboutToShow(menu);
		addAction(menu, ITextEditorActionConstants.GROUP_EDIT, "HaoRename");
		addAction(menu, ITextEditorActionConstants.GROUP_FIND, "HaoFindReferences");
	}

	private static Action action(String label, String command, Runnable run) {
		Action a = new Action(label) {
			@Override
			public void run() {
				run.run();
			}
		};
		a.setActionDefinitionId(command);
		return a;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			if (outline == null) {
				outline = new HaoOutlinePage(model(), this);
			}
			return adapter.cast(outline);
		}
		return super.getAdapter(adapter);
	}

	public EditorModel model() {
		return model;
	}

	/** The code minings that show the inline estimates. */
	public EstimateMiningProvider miningProvider() {
		return miningProvider;
	}

	public EstimateService estimates() {
		return estimates;
	}

	public SemanticHighlighter semanticHighlighter() {
		return semantic;
	}

	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	public IDocument document() {
		return getDocumentProvider().getDocument(getEditorInput());
	}

	/** Ctrl+Shift+F. */
	public void format() {
		IDocument doc = document();
		ITextViewerExtension ext = (ITextViewerExtension) getSourceViewer();
		ext.getRewriteTarget().beginCompoundChange();
		try {
			HaoDocumentFormatter.format(model.current(doc), doc);
		} catch (BadLocationException | RuntimeException e) {
			HaoUiPlugin.log("format failed", e);
		} finally {
			ext.getRewriteTarget().endCompoundChange();
		}
	}

	/** Ctrl+/: comments the selected lines, or uncomments them when all are comments. */
	public void toggleComment() {
		ITextSelection sel = (ITextSelection) getSelectionProvider().getSelection();
		IDocument doc = document();
		boolean allCommented = true;
		try {
			for (int line = sel.getStartLine(); line <= Math.max(sel.getStartLine(), sel.getEndLine()); line++) {
				String text = doc.get(doc.getLineOffset(line), doc.getLineLength(line)).strip();
				if (!text.isEmpty() && !text.startsWith("//")) {
					allCommented = false;
				}
			}
		} catch (BadLocationException e) {
			return;
		}
		ITextOperationTarget target = (ITextOperationTarget) getAdapter(ITextOperationTarget.class);
		int op = allCommented ? ITextOperationTarget.STRIP_PREFIX : ITextOperationTarget.PREFIX;
		if (target != null && target.canDoOperation(op)) {
			target.doOperation(op);
		}
	}

	/** F3 on a reference. */
	public void openDeclaration() {
		ITextSelection sel = (ITextSelection) getSelectionProvider().getSelection();
		Declarations.Target target = Declarations.find(model.current(document()), sel.getOffset());
		if (target != null) {
			reveal(target);
		}
	}

	/** Selects a definition: in this editor, or in the editor of its file (the device library opens read-only). */
	public void reveal(Declarations.Target target) {
		if (target.uri().equals(model.uri())) {
			selectAndReveal(target.offset(), target.length());
			return;
		}
		try {
			IEditorPart part = openFile(target.uri());
			if (part instanceof HaoEditor other) {
				other.selectAndReveal(target.offset(), target.length());
			}
		} catch (Exception e) {
			HaoUiPlugin.log("cannot open " + target.uri(), e);
		}
	}

	private IEditorPart openFile(URI uri) throws Exception {
		File file;
		if (HaoStdlib.STDLIB_URI.equals(uri)) {
			java.net.URL entry = Platform.getBundle("org.hao.dsl").getEntry("stdlib/devices.hao");
			file = new File(FileLocator.toFileURL(entry).getPath());
		} else if (uri.isFile()) {
			file = new File(uri.toFileString());
		} else {
			return null;
		}
		IFile[] inWorkspace = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toURI());
		if (inWorkspace.length > 0) {
			return IDE.openEditor(getSite().getPage(), inWorkspace[0], ID);
		}
		return IDE.openEditor(getSite().getPage(), file.toURI(), ID, true);
	}

	@Override
	public void dispose() {
		if (importWatcher != null) {
			importWatcher.uninstall();
		}
		estimates.dispose();
		if (semantic != null) {
			semantic.dispose();
		}
		super.dispose();
	}
}
