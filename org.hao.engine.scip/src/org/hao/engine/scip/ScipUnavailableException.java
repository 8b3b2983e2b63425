package org.hao.engine.scip;

/** The SCIP solver cannot be used on this machine; the message says why and what to do. */
public class ScipUnavailableException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public ScipUnavailableException(String message) {
		super(message);
	}

	public ScipUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
