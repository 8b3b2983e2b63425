package org.hao.dsl.ui;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.Model;

/**
 * One parse of a document's text, tied to the document version it came from ({@code stamp}). Cross-references are
 * resolved eagerly, so readers on other threads do not mutate the resource.
 *
 * @param issues syntax, linking and validation issues; empty when validation was not asked for
 */
public record ParsedDocument(long stamp, String text, XtextResource resource, List<Issue> issues) {

	public Model model() {
		return resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
	}
}
