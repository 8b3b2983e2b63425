package org.hao.dsl.tests;

import org.eclipse.xtext.testing.IInjectorProvider;
import org.hao.dsl.cli.HaoModelLoader;

import com.google.inject.Injector;

/**
 * Injector for {@code @InjectWith}: the same JVM-wide language injector the CLI uses. It deliberately does not
 * save/restore EMF's global registries around each test (IRegistryConfigurator): only this language runs in the
 * test framework, and restoring would unregister it for tests that load files through {@link HaoModelLoader}.
 */
public class HaoInjectorProvider implements IInjectorProvider {

	@Override
	public Injector getInjector() {
		return HaoModelLoader.injector();
	}
}
