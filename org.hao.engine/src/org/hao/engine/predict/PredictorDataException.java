package org.hao.engine.predict;

/** A predictor table that cannot be used; the message starts with file:line. */
public class PredictorDataException extends RuntimeException {
	private static final long serialVersionUID = 1L;
	private final String file;
	private final long line;

	public PredictorDataException(String file, long line, String message) {
		super(file + ":" + line + ": " + message);
		this.file = file;
		this.line = line;
	}

	public String file() {
		return file;
	}

	public long line() {
		return line;
	}
}
