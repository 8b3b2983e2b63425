package org.hao.dsl.ui.refactoring;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.ide.refactoring.RefactoringIssueAcceptor;
import org.eclipse.xtext.util.ITextRegion;

/** Collects what Xtext's rename services report; errors and fatal errors refuse the rename. */
final class Issues implements RefactoringIssueAcceptor {

	private final List<String> errors = new ArrayList<>();

	boolean hasErrors() {
		return !errors.isEmpty();
	}

	String first() {
		return errors.isEmpty() ? null : errors.get(0);
	}

	private void add(Severity severity, String message) {
		if (severity == Severity.ERROR || severity == Severity.FATAL) {
			errors.add(message);
		}
	}

	@Override
	public void add(Severity severity, String message, URI uri, ResourceSet resourceSet) {
		add(severity, message);
	}

	@Override
	public void add(Severity severity, String message, URI resourceUri) {
		add(severity, message);
	}

	@Override
	public void add(Severity severity, String message, EObject element) {
		add(severity, message);
	}

	@Override
	public void add(Severity severity, String message, EObject element, ITextRegion region) {
		add(severity, message);
	}

	@Override
	public void add(Severity severity, String message, Exception e, Logger logger) {
		add(severity, message + (e == null ? "" : ": " + e));
	}

	@Override
	public void add(Severity severity, String message, Object... params) {
		add(severity, params.length == 0 ? message : String.format(java.util.Locale.ROOT, message, params));
	}
}
