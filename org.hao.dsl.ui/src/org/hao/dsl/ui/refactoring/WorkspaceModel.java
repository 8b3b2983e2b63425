package org.hao.dsl.ui.refactoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.index.DependencyIndex;

import com.google.inject.Injector;

/**
 * A .hao file and every workspace file that can refer to its names (its direct importers, from the
 * {@link DependencyIndex}; imports are not transitive), loaded into one resource set with their cross-references
 * resolved. The text of a file open in an editor is the editor's (unsaved edits included), else the saved text.
 */
public final class WorkspaceModel {

	private final XtextResourceSet set;
	private final Map<URI, IFile> files = new LinkedHashMap<>();
	private final Map<IFile, String> texts = new LinkedHashMap<>();

	private WorkspaceModel(XtextResourceSet set) {
		this.set = set;
	}

	/** {@code file} and its importers. */
	public static WorkspaceModel around(IFile file) throws CoreException {
		DependencyIndex index = DependencyIndex.get();
		index.refresh();
		Set<IFile> all = new LinkedHashSet<>();
		all.add(file);
		index.importersOf(file).stream().filter(IFile::exists).forEach(all::add);
		Map<IFile, String> texts = new LinkedHashMap<>();
		for (IFile f : all) {
			texts.put(f, textOf(f));
		}
		return load(texts);
	}

	/** Every .hao file of the workspace (the uses of a library device can be anywhere). */
	public static WorkspaceModel workspace() throws CoreException {
		DependencyIndex index = DependencyIndex.get();
		index.refresh();
		Map<IFile, String> texts = new LinkedHashMap<>();
		for (IFile f : index.allFiles()) {
			texts.put(f, textOf(f));
		}
		return load(texts);
	}

	/** The given files with the given texts (rename checks its result this way before applying it). */
	public static WorkspaceModel load(Map<IFile, String> texts) {
		Injector injector = HaoLanguage.injector();
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("hao",
				injector.getInstance(IResourceFactory.class));
		WorkspaceModel model = new WorkspaceModel(set);
		// every file is in the set before any link is resolved, so imports find the loaded (possibly unsaved) text
		texts.forEach((file, text) -> {
			URI uri = DocumentParser.uriOf(file);
			XtextResource r = (XtextResource) set.createResource(uri);
			try {
				r.load(new StringInputStream(text, "UTF-8"), null);
			} catch (IOException e) {
				throw new IllegalStateException("cannot parse " + file.getFullPath() + ": " + e.getMessage(), e);
			}
			model.files.put(uri, file);
			model.texts.put(file, text);
		});
		for (URI uri : model.files.keySet()) {
			EcoreUtil2.resolveLazyCrossReferences(set.getResource(uri, false), CancelIndicator.NullImpl);
		}
		return model;
	}

	/** The text of an open editor's document (unsaved edits included), else the file's saved text. */
	public static String textOf(IFile file) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(),
				LocationKind.IFILE);
		if (buffer != null) {
			return buffer.getDocument().get();
		}
		try (InputStream in = file.getContents(true)) {
			String text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		} catch (IOException e) {
			throw new CoreException(org.hao.dsl.ui.HaoUiPlugin.error("cannot read " + file.getFullPath(), e));
		}
	}

	public XtextResourceSet resourceSet() {
		return set;
	}

	/** The workspace files of this model, in load order. */
	public Collection<IFile> files() {
		return files.values();
	}

	public XtextResource resource(IFile file) {
		return (XtextResource) set.getResource(DocumentParser.uriOf(file), false);
	}

	/** The workspace file of a resource URI of this model, or null (the device library, other files). */
	public IFile fileOf(URI resourceUri) {
		return files.get(resourceUri);
	}

	public String text(IFile file) {
		return texts.get(file);
	}

	public Map<IFile, String> texts() {
		return texts;
	}

	/** The errors of one file of this model (syntax, linking, validation). */
	public java.util.List<Issue> errors(IFile file) {
		java.util.List<Issue> issues = HaoLanguage.injector().getInstance(IResourceValidator.class)
				.validate(resource(file), CheckMode.ALL, CancelIndicator.NullImpl);
		return issues.stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
	}
}
