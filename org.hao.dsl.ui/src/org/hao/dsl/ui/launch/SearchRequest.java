package org.hao.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.hao.dsl.ui.preferences.HaoPreferences;

/**
 * What to run.
 *
 * @param search null = the file's only search
 * @param timeLimitSeconds null = the preference, then the search's own
 * @param threads negative = the preference (0 = all cores)
 */
public record SearchRequest(IFile file, String search, Double timeLimitSeconds, int threads) {

	Double effectiveTimeLimit() {
		if (timeLimitSeconds != null) {
			return timeLimitSeconds;
		}
		int pref = HaoPreferences.timeLimitSeconds();
		return pref > 0 ? (double) pref : null;
	}

	int effectiveThreads() {
		return threads >= 0 ? threads : HaoPreferences.threads();
	}
}
