package org.hao.dsl.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.hao.dsl.cli.ImportCommand;
import org.hao.engine.onnx.ImportedNetwork;
import org.hao.engine.onnx.OnnxImportException;
import org.hao.engine.onnx.OnnxImporter;

/**
 * File > Import > HAO Studio > Network from ONNX model: the same import as {@code hao import} (subgraphs by
 * resolution stage) into a new .hao file of the workspace. A model that cannot be imported keeps Finish disabled
 * and shows why (the node and its op type).
 */
public class OnnxImportWizard extends Wizard implements IImportWizard {

	private IStructuredSelection selection;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.selection = currentSelection;
		setWindowTitle("Import Network from ONNX Model");
	}

	@Override
	public void addPages() {
		page = new Page(selection);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		return NewFiles.createAndOpen(page);
	}

	/** The usual new-file page plus the ONNX model to read; the import runs when the model path changes. */
	public static final class Page extends WizardNewFileCreationPage {
		private Text model;
		private String imported;
		private String importError;

		Page(IStructuredSelection selection) {
			super("onnxImport", selection);
			setTitle("Network from ONNX Model");
			setDescription("Turn an ONNX classifier (opsets 11-18) into a .hao network.");
			setFileExtension("hao");
			setFileName("network.hao");
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Composite row = new Composite(parent, SWT.NONE);
			row.setLayout(new GridLayout(3, false));
			row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			new Label(row, SWT.NONE).setText("ONNX model:");
			model = new Text(row, SWT.BORDER);
			model.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			model.addModifyListener(e -> {
				load();
				setPageComplete(validatePage());
			});
			Button browse = new Button(row, SWT.PUSH);
			browse.setText("Browse...");
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
				dialog.setFilterExtensions(new String[]{"*.onnx", "*"});
				String chosen = dialog.open();
				if (chosen != null) {
					model.setText(chosen);
				}
			});
			super.createAdvancedControls(parent);
		}

		/** Sets the model path (tests and the Browse button). */
		public void setModel(String path) {
			model.setText(path);
		}

		private void load() {
			imported = null;
			importError = null;
			String path = model.getText().trim();
			if (path.isEmpty()) {
				return;
			}
			Path file = Path.of(path);
			if (!Files.isRegularFile(file)) {
				importError = "no such file: " + path;
				return;
			}
			try {
				ImportedNetwork n = OnnxImporter.read(file, OnnxImporter.Subgraphs.STAGE);
				imported = ImportCommand.text(n, file.getFileName().toString());
				setFileName(file.getFileName().toString().replaceFirst("\\.onnx$", "") + ".hao");
			} catch (OnnxImportException | IOException e) {
				importError = file.getFileName() + ": " + e.getMessage();
			}
		}

		@Override
		protected boolean validatePage() {
			if (!super.validatePage()) {
				return false;
			}
			if (importError != null) {
				setErrorMessage(importError);
				return false;
			}
			if (imported == null) {
				setErrorMessage(null);
				setMessage("Choose the ONNX model to import.");
				return false;
			}
			return true;
		}

		@Override
		protected InputStream getInitialContents() {
			return new ByteArrayInputStream(imported == null ? new byte[0] : imported.getBytes(StandardCharsets.UTF_8));
		}
	}
}
