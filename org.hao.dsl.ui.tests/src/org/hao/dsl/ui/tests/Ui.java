package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.hao.dsl.ui.editor.HaoEditor;
import org.hao.dsl.ui.wizards.ExampleProjects;

/** Helpers for tests in the running workbench: event-loop waits with a condition and a bound, files, screenshots. */
final class Ui {

	private Ui() {
	}

	static Display display() {
		return PlatformUI.getWorkbench().getDisplay();
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Runs the event loop until {@code condition} holds; fails with {@code what} after {@code timeoutMs}. */
	static void waitUntil(String what, BooleanSupplier condition, long timeoutMs) {
		Display d = display();
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail("timed out after " + timeoutMs + " ms waiting for: " + what);
			}
			if (!d.readAndDispatch()) {
				// wake up at least every 20 ms to re-check the condition (jobs finish off the UI thread)
				d.timerExec(20, () -> {
				});
				d.sleep();
			}
		}
	}

	static <T> T waitFor(String what, Supplier<T> value, long timeoutMs) {
		Object[] box = new Object[1];
		waitUntil(what, () -> (box[0] = value.get()) != null, timeoutMs);
		@SuppressWarnings("unchecked")
		T t = (T) box[0];
		return t;
	}

	/**
	 * Answers every message dialog that opens until {@code stop[0]} is set (at most 60 s) with its first button
	 * (Yes / OK: the dialog closes with return code 0) and counts them in {@code answered[0]}; for questions that a
	 * call under test asks in nested event loops.
	 */
	static void answerQuestions(int[] answered, boolean[] stop) {
		long deadline = System.currentTimeMillis() + 60_000;
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (org.eclipse.swt.widgets.Shell shell : display().getShells()) {
				if (!shell.isDisposed() && shell.getData() instanceof org.eclipse.jface.dialogs.MessageDialog d) {
					answered[0]++;
					d.close();
				}
			}
			if (!stop[0] && System.currentTimeMillis() < deadline) {
				display().timerExec(50, poll[0]);
			}
		};
		display().timerExec(50, poll[0]);
	}

	/** Processes pending UI events (no waiting). */
	static void flush() {
		while (display().readAndDispatch()) {
			// drain
		}
	}

	static Path examples() {
		return Path.of(System.getProperty("hao.examples.dir", "../examples")).toAbsolutePath().normalize();
	}

	/** A fresh HAO project holding a copy of an example. */
	static IFile exampleIn(String project, String example) throws CoreException, IOException {
		IProject p = ExampleProjects.ensureProject(project, null);
		IFile f = p.getFile(example);
		byte[] content = Files.readAllBytes(examples().resolve(example));
		if (f.exists()) {
			f.setContents(new ByteArrayInputStream(content), true, false, null);
		} else {
			f.create(new ByteArrayInputStream(content), true, null);
		}
		return f;
	}

	static void write(IFile f, String text) throws CoreException {
		f.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, false, null);
	}

	static HaoEditor open(IFile f) throws CoreException {
		HaoEditor editor = (HaoEditor) IDE.openEditor(page(), f, HaoEditor.ID, true);
		flush();
		return editor;
	}

	static Path screenshotDir() throws IOException {
		Path dir = Path.of(System.getProperty("hao.screenshots.dir", "target/screenshots"));
		Files.createDirectories(dir);
		return dir;
	}

	/** Copies what is on screen in {@code control} into a PNG under target/screenshots/. */
	static Path screenshot(Control control, String name) throws IOException {
		Point size = control.getSize();
		// repaint everything (rulers included) before copying what is on screen
		control.redraw(0, 0, size.x, size.y, true);
		control.update();
		flush();
		Image image = new Image(control.getDisplay(), size.x, size.y);
		GC gc = new GC(control);
		try {
			gc.copyArea(image, 0, 0);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[]{image.getImageData()};
			Path out = screenshotDir().resolve(name);
			loader.save(out.toString(), SWT.IMAGE_PNG);
			return out;
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
