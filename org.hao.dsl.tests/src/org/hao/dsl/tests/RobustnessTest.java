package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.Model;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Half-typed and hostile input never throws, and formatting the examples is stable. */
class RobustnessTest extends HaoTestBase {

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private IFormatter2 formatter;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	@Test
	void everyPrefixOfAValidFileValidatesWithoutThrowing() {
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int end = 0; end <= VALID.length(); end += 3) {
				Model model = parser.parse(VALID.substring(0, end));
				if (model != null) {
					validator.validate(model); // must not throw
				}
			}
		});
	}

	@Test
	void hugeNumbersAreErrorsNotCrashes() throws Exception {
		Model model = parse(validWith("dsp 100", "dsp 99999999999999"));
		List<Issue> issues = validator.validate(model);
		assertTrue(issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.getLineNumber() == 2),
				issues.toString());
	}

	@Test
	void formattingTheExamplesIsStableAndKeepsThemValid() throws Exception {
		for (Path file : ExamplesTest.examples()) {
			String once = format(Files.readString(file));
			assertEquals(once, format(once), file + " formats differently the second time");
			Model model = parse(once);
			assertFalse(validator.validate(model).stream().anyMatch(i -> i.getSeverity() == Severity.ERROR),
					() -> file + " has errors after formatting:\n" + once);
		}
	}

	private String format(String text) throws Exception {
		XtextResource resource = (XtextResource) parse(text).eResource();
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get().setTextRegionAccess(access);
		List<ITextReplacement> replacements = formatter.format(request);
		return access.getRewriter().renderToString(replacements);
	}
}
