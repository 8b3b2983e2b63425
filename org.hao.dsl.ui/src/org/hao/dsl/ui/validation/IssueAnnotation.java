package org.hao.dsl.ui.validation;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** A validation issue shown in the editor while typing; keeps the issue code and data for quick fixes. */
public class IssueAnnotation extends Annotation {

	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final Issue issue;

	public IssueAnnotation(Issue issue) {
		super(type(issue.getSeverity()), false, issue.getMessage());
		this.issue = issue;
	}

	public Issue issue() {
		return issue;
	}

	private static String type(Severity severity) {
		return switch (severity) {
			case ERROR -> ERROR;
			case WARNING -> WARNING;
			default -> INFO;
		};
	}
}
