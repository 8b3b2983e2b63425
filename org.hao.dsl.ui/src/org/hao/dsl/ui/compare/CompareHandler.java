package org.hao.dsl.ui.compare;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.handlers.HandlerUtil;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Search;
import org.hao.dsl.ui.SearchInput;

/**
 * "Compare on Devices..." on a .hao file (Project Explorer) or in its editor: asks for the device names (prefilled
 * with the search's own {@code devices} list) and schedules a {@link CompareJob}. Command parameters (for key
 * bindings, scripts and tests) skip the dialog: devices, search, timeLimit (seconds), threads.
 */
public class CompareHandler extends AbstractHandler {

	public static final String COMMAND = "org.hao.dsl.ui.compare";
	public static final String DEVICES = "org.hao.dsl.ui.compare.devices";
	public static final String SEARCH = "org.hao.dsl.ui.compare.search";
	public static final String TIME_LIMIT = "org.hao.dsl.ui.compare.timeLimit";
	public static final String THREADS = "org.hao.dsl.ui.compare.threads";
	/** Offered when the search names one device or cannot be read: the two kinds of target side by side. */
	static final String DEFAULT_DEVICES = "ZU3EG, Adreno640";

	@Override
	public Object execute(ExecutionEvent event) {
		IFile file = fileOf(event);
		if (file == null) {
			return null;
		}
		String search = event.getParameter(SEARCH);
		String devices = event.getParameter(DEVICES);
		if (devices == null) {
			devices = ask(HandlerUtil.getActiveShell(event), defaultDevices(file, search));
			if (devices == null) {
				return null;
			}
		}
		String limit = event.getParameter(TIME_LIMIT);
		String threads = event.getParameter(THREADS);
		new CompareJob(new CompareRequest(file, search, CompareRequest.parseDevices(devices),
				limit == null ? null : Double.valueOf(limit), threads == null ? 0 : Integer.parseInt(threads)))
				.schedule();
		return null;
	}

	/** The .hao file of the active editor, or the one selected. */
	static IFile fileOf(ExecutionEvent event) {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IAdaptable a) {
			IFile f = a.getAdapter(IFile.class);
			if (f != null && "hao".equals(f.getFileExtension())) {
				return f;
			}
		}
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (editor != null && editor.getEditorInput() instanceof IFileEditorInput in
				&& "hao".equals(in.getFile().getFileExtension())) {
			return in.getFile();
		}
		return null;
	}

	/** The search's own device list when it names several, else {@link #DEFAULT_DEVICES}. */
	static String defaultDevices(IFile file, String searchName) {
		try {
			Search search = SearchInput.load(file, searchName);
			List<String> names = search.getDevices().stream().map(DeviceDecl::getName).toList();
			return names.size() > 1 ? String.join(", ", names) : DEFAULT_DEVICES;
		} catch (Exception e) {
			// the job reports what is wrong with the file; here only the suggestion is lost
			return DEFAULT_DEVICES;
		}
	}

	private static String ask(Shell shell, String initial) {
		InputDialog d = new InputDialog(shell, "Compare on Devices",
				"Devices to run the search on, separated by commas (from this file, its imports or the standard library):",
				initial, text -> CompareRequest.parseDevices(text).size() < 1 ? "Name at least one device" : null);
		return d.open() == Window.OK ? d.getValue() : null;
	}
}
