package org.hao.engine.onnx;

import java.util.List;

import org.hao.engine.model.NetworkSpec;

/**
 * A network read from an ONNX model, with what the import did that the network does not show (folded batch norms,
 * pre-activations that cost nothing, dropped nodes), one line each.
 *
 * @param opset the model's ai.onnx opset version
 */
public record ImportedNetwork(NetworkSpec network, int opset, List<String> notes) {
	public ImportedNetwork {
		notes = List.copyOf(notes);
	}
}
