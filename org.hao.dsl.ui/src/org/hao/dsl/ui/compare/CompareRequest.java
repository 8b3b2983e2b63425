package org.hao.dsl.ui.compare;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;

/**
 * What to compare.
 *
 * @param file the .hao file
 * @param search null = the file's only search
 * @param devices device names as visible from the search (file, imports, standard library), in plot order
 * @param timeLimitSeconds per device; null = the search's own
 * @param threads 0 = all cores
 */
public record CompareRequest(IFile file, String search, List<String> devices, Double timeLimitSeconds, int threads) {

	public CompareRequest {
		devices = List.copyOf(devices);
	}

	/** "ZU3EG, Adreno640" -> [ZU3EG, Adreno640] (commas or blanks between names, duplicates dropped). */
	public static List<String> parseDevices(String text) {
		return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
