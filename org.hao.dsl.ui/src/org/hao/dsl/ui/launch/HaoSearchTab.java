package org.hao.dsl.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The "Search" tab: file, search name, time limit and threads. */
public class HaoSearchTab extends AbstractLaunchConfigurationTab {

	private Text file;
	private Text search;
	private Text timeLimit;
	private Text threads;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		file = field(c, "HAO file (workspace path):");
		search = field(c, "Search (empty = the file's only search):");
		timeLimit = field(c, "Time limit in seconds (empty = preference / the search's):");
		threads = field(c, "Threads (empty = preference, 0 = all cores):");
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> updateLaunchConfigurationDialog());
		return t;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(SearchLaunch.SEARCH, "");
		configuration.setAttribute(SearchLaunch.TIME_LIMIT, "");
		configuration.setAttribute(SearchLaunch.THREADS, -1);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			file.setText(configuration.getAttribute(SearchLaunch.FILE, ""));
			search.setText(configuration.getAttribute(SearchLaunch.SEARCH, ""));
			timeLimit.setText(configuration.getAttribute(SearchLaunch.TIME_LIMIT, ""));
			int n = configuration.getAttribute(SearchLaunch.THREADS, -1);
			threads.setText(n < 0 ? "" : String.valueOf(n));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(SearchLaunch.FILE, file.getText().trim());
		configuration.setAttribute(SearchLaunch.SEARCH, search.getText().trim());
		configuration.setAttribute(SearchLaunch.TIME_LIMIT, timeLimit.getText().trim());
		configuration.setAttribute(SearchLaunch.THREADS, parseThreads());
	}

	private int parseThreads() {
		try {
			return threads.getText().isBlank() ? -1 : Integer.parseInt(threads.getText().trim());
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		setErrorMessage(null);
		try {
			IFile f = SearchLaunch.file(configuration);
			if (f == null || !f.exists()) {
				setErrorMessage("Choose an existing .hao file in the workspace");
				return false;
			}
			SearchLaunch.request(configuration);
		} catch (CoreException | IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
		if (!threads.getText().isBlank() && parseThreads() < 0) {
			setErrorMessage("Threads must be a number >= 0");
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return "Search";
	}
}
