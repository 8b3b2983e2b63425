package org.hao.dsl.ui.index;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.resources.ResourcesPlugin;
import org.hao.dsl.ui.HaoUiPlugin;

/**
 * Which .hao file imports which, across the workspace: kept by the HAO builder (every file it checks records its
 * imports; the first build of a project in a session reads the imports of all its files). The builder uses it to
 * re-check the files that import a saved file; rename and find references use it to know which files can refer to
 * a file's names ({@link #refresh} first, so files saved since their last build count too). Thread-safe; in
 * memory only (rebuilt from the files on the first build of each session).
 */
public final class DependencyIndex {

	private static final DependencyIndex INSTANCE = new DependencyIndex();

	/** importing file -> the files it imports (full workspace paths). */
	private final Map<IPath, Set<IPath>> imports = new ConcurrentHashMap<>();
	/** importing file -> its modification stamp when its imports were read. */
	private final Map<IPath, Long> stamps = new ConcurrentHashMap<>();

	private DependencyIndex() {
	}

	public static DependencyIndex get() {
		return INSTANCE;
	}

	/** Records what {@code file} imports now (replacing what it imported before). */
	public void update(IFile file, Set<IFile> imported) {
		Set<IPath> paths = new LinkedHashSet<>();
		imported.forEach(f -> paths.add(f.getFullPath()));
		imports.put(file.getFullPath(), Set.copyOf(paths));
		stamps.put(file.getFullPath(), file.getModificationStamp());
	}

	/** Forgets a deleted file as an importer (files importing it keep their entry: they now miss it). */
	public void remove(IFile file) {
		imports.remove(file.getFullPath());
		stamps.remove(file.getFullPath());
	}

	/**
	 * Reads the imports of every .hao file of the open projects that the index does not know at its current
	 * modification stamp (all files on the first call of a session; afterwards only files saved since the builder
	 * last checked them, e.g. a file created a moment ago whose build has not run yet). Walks the resource tree in
	 * memory; parses (syntax only) just the stale files.
	 */
	public void refresh() throws CoreException {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			if (!project.isAccessible()) {
				continue;
			}
			project.accept(r -> {
				if (isHao(r)) {
					Long known = stamps.get(r.getFullPath());
					if (known == null || known != r.getModificationStamp()) {
						try {
							update((IFile) r, ImportedFiles.read((IFile) r));
						} catch (RuntimeException e) {
							HaoUiPlugin.log("reading the imports of " + r.getFullPath() + " failed", e);
						}
					}
				}
				return true;
			});
		}
	}

	/** Every indexed .hao file that still exists. */
	public Set<IFile> allFiles() {
		Set<IFile> result = new LinkedHashSet<>();
		imports.keySet().forEach(p -> {
			IFile f = ResourcesPlugin.getWorkspace().getRoot().getFile(p);
			if (f.exists()) {
				result.add(f);
			}
		});
		return result;
	}

	/** The files that import {@code file} directly. */
	public Set<IFile> importersOf(IFile file) {
		Set<IFile> result = new LinkedHashSet<>();
		IPath target = file.getFullPath();
		imports.forEach((importer, imported) -> {
			if (imported.contains(target)) {
				result.add(ResourcesPlugin.getWorkspace().getRoot().getFile(importer));
			}
		});
		return result;
	}

	/**
	 * The files whose check depends on {@code file}: its importers, their importers, and so on (names are not
	 * imported transitively, but an importer's elements refer into the file, e.g. a network using its device).
	 * Does not contain {@code file} itself.
	 */
	public Set<IFile> dependentsOf(IFile file) {
		Set<IFile> seen = new LinkedHashSet<>();
		Deque<IFile> todo = new ArrayDeque<>(importersOf(file));
		while (!todo.isEmpty()) {
			IFile f = todo.pop();
			if (!f.equals(file) && seen.add(f)) {
				todo.addAll(importersOf(f));
			}
		}
		return seen;
	}

	public static boolean isHao(IResource r) {
		return r.getType() == IResource.FILE && "hao".equals(r.getFileExtension()) && !r.isDerived();
	}
}
