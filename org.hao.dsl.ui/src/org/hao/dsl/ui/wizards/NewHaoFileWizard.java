package org.hao.dsl.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;

/** New > HAO File: a small network, space and search to start from. */
public class NewHaoFileWizard extends Wizard implements INewWizard {

	static final String TEMPLATE = """
			// A new HAO model: a network, its search space and a search on a device of the standard library.
			network MyNet {
				input 3 x 224 x 224
				subgraph stem sequential {
					conv conv1 out 32 kernel 3 stride 2
				}
				subgraph body pipelined {
					mbconv b1 expand 6 kernel 3 stride 2 out 32 repeat 2
				}
				subgraph head sequential {
					pool gap avg global
					fc classifier out 1000
				}
			}

			space MySpace for MyNet {
				subgraph body {
					kernel { 3, 5 }
					bits weights { 4, 8 } activations { 8 }
				}
			}

			search my_search {
				space MySpace
				device ZU3EG
				objective accuracy
				constraints {
					fps >= 30
				}
				time limit 30 seconds
			}
			""";

	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.selection = selection;
		setWindowTitle("New HAO File");
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("haoFile", selection) {
			@Override
			protected InputStream getInitialContents() {
				return new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("HAO File");
		page.setDescription("A .hao model with a network, a space and a search.");
		page.setFileExtension("hao");
		page.setFileName("model.hao");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		return NewFiles.createAndOpen(page);
	}
}
