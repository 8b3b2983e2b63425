package org.hao.dsl.ui;

/** The file cannot be searched as it stands (errors, no such search, unknown device); the message says why. */
public final class SearchInputException extends Exception {
	private static final long serialVersionUID = 1L;

	public SearchInputException(String message) {
		super(message);
	}
}
