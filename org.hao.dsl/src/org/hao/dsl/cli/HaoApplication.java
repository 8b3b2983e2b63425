package org.hao.dsl.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Equinox application {@code org.hao.dsl.cli}: runs {@link HaoCli}; the CLI's exit code is the process's. */
public class HaoApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
				new String[0]);
		context.applicationRunning();
		int code = HaoCli.run(args, Console.out(), Console.err());
		// EclipseStarter turns an Integer result into the launcher's exit code (eclipse.exitcode); set it too for
		// launchers that only read the property
		System.setProperty("eclipse.exitcode", Integer.toString(code));
		return Integer.valueOf(code);
	}

	@Override
	public void stop() {
		// commands are short-lived; nothing to interrupt
	}
}
