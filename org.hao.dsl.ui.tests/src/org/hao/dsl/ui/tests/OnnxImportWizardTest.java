package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.hao.dsl.ui.wizards.ExampleProjects;
import org.hao.dsl.ui.wizards.OnnxImportWizard;
import org.junit.jupiter.api.Test;

/** File > Import > HAO Studio > Network from ONNX model, driven in the real workbench. */
class OnnxImportWizardTest {

	private static Path fixture(String name) {
		return Ui.examples().resolve("../org.hao.dsl.tests/fixtures/onnx").resolve(name).normalize();
	}

	@Test
	void importsAModelIntoTheProjectAndRefusesAnUnsupportedOne() throws Exception {
		IProject project = ExampleProjects.ensureProject("onnx-import", null);
		OnnxImportWizard wizard = new OnnxImportWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(Ui.page().getWorkbenchWindow().getShell(), wizard);
		dialog.create();
		try {
			OnnxImportWizard.Page page = (OnnxImportWizard.Page) wizard.getPages()[0];
			page.setModel(fixture("upsampler-unsupported.onnx").toString());
			assertFalse(page.isPageComplete());
			assertTrue(
					page.getErrorMessage() != null
							&& page.getErrorMessage().contains("node '/up/Resize' (Resize): op type not supported"),
					page.getErrorMessage());
			page.setModel(fixture("shufflenet_v2_x1_0.onnx").toString());
			assertTrue(page.isPageComplete(), page.getErrorMessage());
			page.setModel(fixture("resnet18.onnx").toString());
			assertTrue(page.isPageComplete(), page.getErrorMessage());
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IFile file = project.getFile("resnet18.hao");
		assertTrue(file.exists());
		String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("network resnet18 {") && text.contains("add layer1_0 in layer1_0_conv2, maxpool"),
				text);
	}
}
