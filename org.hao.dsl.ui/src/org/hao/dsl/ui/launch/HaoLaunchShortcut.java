package org.hao.dsl.ui.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Search;
import org.hao.dsl.ui.DocumentParser;
import org.hao.dsl.ui.HaoUiPlugin;

/** Run As > HAO Search on a .hao file or its editor: reuses (or creates) the configuration for file + search. */
public class HaoLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && s.getFirstElement() instanceof IAdaptable a) {
			IFile file = a.getAdapter(IFile.class);
			if (file != null) {
				launch(file, mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		if (editor.getEditorInput() instanceof IFileEditorInput in) {
			if (editor.isDirty()) {
				editor.doSave(null);
			}
			launch(in.getFile(), mode);
		}
	}

	private void launch(IFile file, String mode) {
		try {
			String search = chooseSearch(file);
			if (search == null) {
				return;
			}
			DebugUITools.launch(configuration(file, search), mode);
		} catch (CoreException | IOException e) {
			HaoUiPlugin.log("Run As HAO Search on " + file.getFullPath(), e);
		}
	}

	/** The search to run: the only one, or the user's pick; null when cancelled or there is none. */
	private static String chooseSearch(IFile file) throws CoreException, IOException {
		List<String> names = searches(file);
		if (names.size() <= 1) {
			return names.isEmpty() ? "" : names.get(0);
		}
		ElementListSelectionDialog dialog = new ElementListSelectionDialog(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), new LabelProvider());
		dialog.setTitle("HAO Search");
		dialog.setMessage("Choose the search to run:");
		dialog.setElements(names.toArray());
		return dialog.open() == Window.OK ? (String) dialog.getFirstResult() : null;
	}

	static List<String> searches(IFile file) throws CoreException, IOException {
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		}
		List<String> names = new ArrayList<>();
		var model = DocumentParser.parse(text, DocumentParser.uriOf(file), 0, null, () -> false).model();
		if (model != null) {
			for (Element e : model.getElements()) {
				if (e instanceof Search s && s.getName() != null) {
					names.add(s.getName());
				}
			}
		}
		return names;
	}

	/** An existing configuration for this file and search, or a new saved one. */
	public static ILaunchConfiguration configuration(IFile file, String search) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(SearchLaunch.TYPE);
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
			if (path.equals(c.getAttribute(SearchLaunch.FILE, ""))
					&& search.equals(c.getAttribute(SearchLaunch.SEARCH, ""))) {
				return c;
			}
		}
		String name = manager.generateLaunchConfigurationName(file.getName() + (search.isEmpty() ? "" : " " + search));
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
		wc.setAttribute(SearchLaunch.FILE, path);
		wc.setAttribute(SearchLaunch.SEARCH, search);
		wc.setAttribute(SearchLaunch.TIME_LIMIT, "");
		wc.setAttribute(SearchLaunch.THREADS, -1);
		wc.setMappedResources(new org.eclipse.core.resources.IResource[]{file});
		return wc.doSave();
	}
}
