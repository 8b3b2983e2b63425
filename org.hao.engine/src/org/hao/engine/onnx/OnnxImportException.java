package org.hao.engine.onnx;

/** An ONNX model that cannot be turned into a network: names the node and its op type where there is one. */
public final class OnnxImportException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public OnnxImportException(String message) {
		super(message);
	}

	public OnnxImportException(String message, Throwable cause) {
		super(message, cause);
	}
}
