package org.hao.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.io.AtomicFiles;

/**
 * Writes an expanded network (a base configuration or a frontier point's) as PyTorch {@code nn.Module} source
 * ({@link PyTorchWriter}) and / or an ONNX graph ({@link OnnxWriter}): the one code path of {@code hao export} and the
 * IDE's Export... on a point of the Pareto view. Each file is written to a temporary file beside it and moved into
 * place, so a failed write keeps the old file.
 */
public final class NetworkExport {
	private NetworkExport() {
	}

	/**
	 * @param networkName the network's name; the Python class is named after it ({@link #className(String)})
	 * @param pytorch     the .py file to write, or null
	 * @param onnx        the .onnx file to write, or null
	 * @throws IOException naming the file that could not be written
	 */
	public static void write(ExpandedNetwork x, String networkName, Path pytorch, Path onnx) throws IOException {
		if (pytorch != null) {
			try {
				AtomicFiles.write(pytorch, PyTorchWriter.write(x, className(networkName)));
			} catch (IOException e) {
				throw new IOException("cannot write " + pytorch + ": " + e.getMessage(), e);
			}
		}
		if (onnx != null) {
			try {
				writeAtomically(onnx, OnnxWriter.write(x));
			} catch (IOException e) {
				throw new IOException("cannot write " + onnx + ": " + e.getMessage(), e);
			}
		}
	}

	/** A Python class name from a network name: other characters than letters, digits and '_' become '_'. */
	public static String className(String network) {
		String s = network.replaceAll("[^A-Za-z0-9_]", "_");
		return Character.isLetter(s.charAt(0)) ? s : "Net_" + s;
	}

	private static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Path abs = target.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
		try {
			Files.write(tmp, bytes);
			Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
