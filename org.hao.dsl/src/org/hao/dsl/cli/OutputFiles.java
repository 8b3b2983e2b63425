package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.io.AtomicFiles;
import org.hao.engine.io.WriteFailedException;

/**
 * The files a command will write, checked before its long work (a search, an estimate, an import) so that a bad path
 * is refused at once instead of after minutes of searching: every output must be writable where it is
 * ({@link AtomicFiles#checkWritable}), no output may be one of the command's input files (the .hao file, its imports,
 * the ONNX model, the measurements), and no two outputs may be the same file. The files themselves are written later
 * through {@link AtomicFiles} (temp file + rename), so a failure never leaves half a file.
 */
final class OutputFiles {

	private final List<Path> inputs = new ArrayList<>();
	private final Map<String, Path> outputs = new LinkedHashMap<>();

	/** An input file the outputs must not overwrite. */
	OutputFiles input(Path file) {
		inputs.add(file);
		return this;
	}

	/** Input files the outputs must not overwrite. */
	OutputFiles inputs(List<Path> files) {
		inputs.addAll(files);
		return this;
	}

	/** An output, named by the option that gave it ({@code --json OUT}); a null path (option not given) is ignored. */
	OutputFiles output(String option, Path file) {
		if (file != null) {
			outputs.put(option + " " + file, file);
		}
		return this;
	}

	/**
	 * Whether every output may be written; otherwise prints why on {@code err} ({@code hao: cannot write FILE: REASON},
	 * {@code hao: --json m.hao would overwrite the input file m.hao; ...}); the command then exits 2 ({@link ExitCode#USAGE}).
	 */
	boolean writable(PrintWriter err) {
		List<Map.Entry<String, Path>> all = new ArrayList<>(outputs.entrySet());
		for (int i = 0; i < all.size(); i++) {
			String option = all.get(i).getKey();
			Path file = all.get(i).getValue();
			if (file.toString().isBlank()) {
				// Path.of("") is the working folder: "cannot write : is a directory" would puzzle
				err.println("hao: " + option.strip() + " needs a file name");
				return false;
			}
			for (Path input : inputs) {
				if (same(file, input)) {
					err.println("hao: " + option + " would overwrite the input file " + input
							+ "; choose another output file");
					return false;
				}
			}
			for (int j = 0; j < i; j++) {
				if (same(file, all.get(j).getValue())) {
					err.println("hao: " + all.get(j).getKey() + " and " + option
							+ " name the same file; give each output its own file");
					return false;
				}
			}
			try {
				AtomicFiles.checkWritable(file);
			} catch (WriteFailedException e) {
				err.println("hao: " + e.getMessage());
				return false;
			}
		}
		return true;
	}

	/** Same path, or the same existing file under another name (a link, {@code ./}, another spelling). */
	private static boolean same(Path a, Path b) {
		if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
			return true;
		}
		try {
			return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
		} catch (IOException e) {
			return false;
		}
	}
}
