package org.hao.engine.expand;

/**
 * A network that cannot be expanded: residual add of different shapes, stride larger than the feature map, unknown
 * or duplicate op names. {@link #getMessage()} is the bare message (the DSL puts it on the op named by
 * {@link #opName()}).
 */
public final class ShapeException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final String opName;

	public ShapeException(String opName, String message) {
		super(message);
		this.opName = opName;
	}

	/** Name of the op the problem belongs to. */
	public String opName() {
		return opName;
	}

	@Override
	public String toString() {
		return "ShapeException[" + opName + "]: " + getMessage();
	}
}
