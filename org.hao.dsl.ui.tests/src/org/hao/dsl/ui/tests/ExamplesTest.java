package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.hao.dsl.ui.builder.HaoNature;
import org.hao.dsl.ui.wizards.ExampleProjects;
import org.junit.jupiter.api.Test;

/** The startup hook's import and the wizard's bundled example. */
class ExamplesTest {

	@Test
	void importsExamplesWithoutOverwritingUserEdits() throws Exception {
		IProject p = ExampleProjects.importFolder(Ui.examples(), null);
		assertTrue(p.hasNature(HaoNature.ID));
		IFile toy = p.getFile("toy.hao");
		assertTrue(toy.exists());
		assertTrue(p.getFile(ExampleProjects.EXAMPLE).exists());
		Ui.write(toy, "// my edits\n");
		ExampleProjects.importFolder(Ui.examples(), null);
		assertEquals("// my edits\n", new String(toy.getContents().readAllBytes(), StandardCharsets.UTF_8));
	}

	@Test
	void bundleShipsTheMobileNetExample() throws Exception {
		String text = new String(ExampleProjects.bundledExample(), StandardCharsets.UTF_8);
		assertTrue(text.contains("network MobileNetV2"), text);
	}
}
