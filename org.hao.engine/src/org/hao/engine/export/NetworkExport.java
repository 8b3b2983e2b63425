package org.hao.engine.export;

import java.io.IOException;
import java.nio.file.Path;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.io.AtomicFiles;

/**
 * Writes an expanded network (a base configuration or a frontier point's) as PyTorch {@code nn.Module} source
 * ({@link PyTorchWriter}) and / or an ONNX graph ({@link OnnxWriter}): the one code path of {@code hao export} and the
 * IDE's Export... on a point of the Pareto view. Each file is written to a temporary file beside it and moved into
 * place ({@link AtomicFiles}: a failed write keeps the old file; a new file gets the umask's mode, 0644 under
 * umask 022).
 */
public final class NetworkExport {
	private NetworkExport() {
	}

	/**
	 * @param networkName the network's name; the Python class is named after it ({@link #className(String)})
	 * @param pytorch     the .py file to write, or null
	 * @param onnx        the .onnx file to write, or null
	 * @throws IOException a {@link org.hao.engine.io.WriteFailedException} naming the file that could not be written
	 *                     and why
	 */
	public static void write(ExpandedNetwork x, String networkName, Path pytorch, Path onnx) throws IOException {
		if (pytorch != null) {
			AtomicFiles.write(pytorch, PyTorchWriter.write(x, className(networkName)));
		}
		if (onnx != null) {
			AtomicFiles.write(onnx, OnnxWriter.write(x));
		}
	}

	/** A Python class name from a network name: other characters than letters, digits and '_' become '_'. */
	public static String className(String network) {
		String s = network.replaceAll("[^A-Za-z0-9_]", "_");
		return Character.isLetter(s.charAt(0)) ? s : "Net_" + s;
	}
}
