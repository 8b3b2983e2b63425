package org.hao.dsl.ui.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.HaoUiPlugin;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.index.DependencyIndex;
import org.hao.dsl.ui.index.ImportedFiles;

/**
 * Incremental builder: validates changed .hao files and checks their base configurations with the engine; then
 * re-checks the files that import a changed, added or deleted file ({@link DependencyIndex}), in any HAO project.
 */
public class HaoBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.hao.dsl.ui.haoBuilder";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		DependencyIndex index = DependencyIndex.get();
		index.refresh();
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		Set<IFile> checked = new LinkedHashSet<>();
		Set<IFile> touched = new LinkedHashSet<>();
		if (delta == null) {
			getProject().accept(r -> {
				checkCancel(monitor);
				if (isHao(r)) {
					check((IFile) r);
					checked.add((IFile) r);
				}
				return true;
			});
		} else {
			delta.accept(d -> {
				checkCancel(monitor);
				if (isHao(d.getResource())) {
					IFile f = (IFile) d.getResource();
					touched.add(f);
					if (d.getKind() == IResourceDelta.REMOVED) {
						index.remove(f);
					} else {
						check(f);
						checked.add(f);
					}
				}
				return true;
			});
		}
		// the files that import a changed, added or deleted file: their markers would otherwise stay stale
		Set<IFile> dependents = new LinkedHashSet<>();
		touched.forEach(f -> dependents.addAll(index.dependentsOf(f)));
		for (IFile d : dependents) {
			checkCancel(monitor);
			if (!checked.contains(d) && d.exists() && isHao(d) && d.getProject().isOpen()
					&& d.getProject().hasNature(HaoNature.ID)) {
				check(d);
				checked.add(d);
			}
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(HaoMarkers.TYPE, true, IResource.DEPTH_INFINITE);
	}

	private static void checkCancel(IProgressMonitor monitor) {
		if (monitor != null && monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	static boolean isHao(IResource r) {
		return r.getType() == IResource.FILE && "hao".equals(r.getFileExtension()) && !r.isDerived();
	}

	/** Replaces the file's markers with its current issues and engine findings. */
	public static void check(IFile file) throws CoreException {
		HaoMarkers.clear(file);
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			HaoMarkers.create(file, org.eclipse.core.resources.IMarker.SEVERITY_ERROR, "cannot read: " + e.getMessage(),
					1, 0, 0, null, null);
			return;
		}
		try {
			ParsedDocument parsed = DocumentParser.parse(text, DocumentParser.uriOf(file), file.getModificationStamp(),
					CheckMode.NORMAL_AND_FAST, () -> false);
			DependencyIndex.get().update(file, ImportedFiles.of(file, parsed.model()));
			HaoMarkers.create(file, parsed.issues());
			EngineFindings.mark(file, parsed);
		} catch (RuntimeException | LinkageError e) {
			// a crash in the language or engine is reported on the file, never thrown into the build
			HaoUiPlugin.log("checking " + file.getFullPath() + " failed", e);
			HaoMarkers.create(file, org.eclipse.core.resources.IMarker.SEVERITY_ERROR,
					"internal error while checking this file: " + e, 1, 0, 0, null, null);
		}
	}
}
