package org.hao.dsl.ui.preferences;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window > Preferences > HAO Studio. */
public class HaoPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public HaoPreferencePage() {
		super(GRID);
		setDescription("Defaults for HAO searches launched from the IDE (a launch configuration's own values win).");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(HaoPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor time = new IntegerFieldEditor(HaoPreferences.TIME_LIMIT,
				"Default time limit (seconds, 0 = the search's own):", getFieldEditorParent());
		time.setValidRange(0, 24 * 3600);
		addField(time);
		IntegerFieldEditor threads = new IntegerFieldEditor(HaoPreferences.THREADS, "Worker threads (0 = all cores):",
				getFieldEditorParent());
		threads.setValidRange(0, 1024);
		addField(threads);
		FileFieldEditor csv = new FileFieldEditor(HaoPreferences.PREDICTOR_CSV,
				"Accuracy predictor table (CSV, empty = built-in):", true, getFieldEditorParent());
		csv.setFileExtensions(new String[]{"*.csv"});
		csv.setEmptyStringAllowed(true);
		addField(csv);
	}
}
