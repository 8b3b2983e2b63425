package org.hao.dsl.cli;

import java.io.PrintWriter;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Prints issues as {@code file:line:col: error|warning: message}, the format compilers and editors understand. */
final class IssuePrinter {

	private IssuePrinter() {
	}

	static String format(String file, Issue issue) {
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		return file + ":" + line + ":" + column + ": " + severity(issue.getSeverity()) + ": "
				+ issue.getMessage().replace('\n', ' ');
	}

	static void print(PrintWriter out, String file, Issue issue) {
		out.println(format(file, issue));
	}

	private static String severity(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			default -> "info";
		};
	}
}
