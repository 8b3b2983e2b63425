package org.hao.dsl.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.hao.dsl.ui.HaoUiPlugin;

/** Search defaults used when a launch configuration leaves them empty. */
public class HaoPreferences extends AbstractPreferenceInitializer {

	/** Seconds; 0 = the time limit written in the search. */
	public static final String TIME_LIMIT = "searchTimeLimit";
	/** Worker threads; 0 = all cores. */
	public static final String THREADS = "searchThreads";
	/** Predictor table for searches that name none; empty = the built-in table. */
	public static final String PREDICTOR_CSV = "predictorCsv";

	@Override
	public void initializeDefaultPreferences() {
		IPreferenceStore store = store();
		store.setDefault(TIME_LIMIT, 0);
		store.setDefault(THREADS, 0);
		store.setDefault(PREDICTOR_CSV, "");
	}

	public static IPreferenceStore store() {
		return HaoUiPlugin.getDefault().getPreferenceStore();
	}

	public static int timeLimitSeconds() {
		return store().getInt(TIME_LIMIT);
	}

	public static int threads() {
		return store().getInt(THREADS);
	}

	public static String predictorCsv() {
		return store().getString(PREDICTOR_CSV);
	}
}
