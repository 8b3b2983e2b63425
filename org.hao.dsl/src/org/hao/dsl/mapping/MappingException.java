package org.hao.dsl.mapping;

import org.eclipse.emf.ecore.EObject;

/** The EMF model cannot be turned into engine records (a required value is missing or invalid). */
public class MappingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient EObject source;

	public MappingException(EObject source, String message) {
		super(message);
		this.source = source;
	}

	public MappingException(EObject source, String message, Throwable cause) {
		super(message, cause);
		this.source = source;
	}

	/** The model element the problem belongs to (for markers and file:line messages). */
	public EObject source() {
		return source;
	}
}
