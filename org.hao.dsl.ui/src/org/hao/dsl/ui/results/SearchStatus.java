package org.hao.dsl.ui.results;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.eclipse.core.resources.IFile;

/**
 * The last run's outcome per .hao file, as one line ("running 3/12", "cancelled", "failed: ..."). The Pareto view shows
 * it instead of error dialogs; listeners are called from job threads.
 */
public final class SearchStatus {

	private static final Map<IFile, String> STATUS = new ConcurrentHashMap<>();
	private static final CopyOnWriteArrayList<BiConsumer<IFile, String>> LISTENERS = new CopyOnWriteArrayList<>();

	private SearchStatus() {
	}

	public static void set(IFile file, String status) {
		STATUS.put(file, status);
		LISTENERS.forEach(l -> l.accept(file, status));
	}

	public static String get(IFile file) {
		return file == null ? null : STATUS.get(file);
	}

	public static void addListener(BiConsumer<IFile, String> l) {
		LISTENERS.add(l);
	}

	public static void removeListener(BiConsumer<IFile, String> l) {
		LISTENERS.remove(l);
	}
}
