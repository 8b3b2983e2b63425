package org.hao.dsl.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** Bundle activator: the preference store and the log. */
public class HaoUiPlugin extends AbstractUIPlugin {

	public static final String ID = "org.hao.dsl.ui";

	private static HaoUiPlugin instance;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		instance = null;
		super.stop(context);
	}

	public static HaoUiPlugin getDefault() {
		return instance;
	}

	public static void log(String message, Throwable e) {
		ILog.of(HaoUiPlugin.class).log(new Status(IStatus.ERROR, ID, message, e));
	}

	public static IStatus error(String message, Throwable e) {
		return new Status(IStatus.ERROR, ID, message, e);
	}
}
