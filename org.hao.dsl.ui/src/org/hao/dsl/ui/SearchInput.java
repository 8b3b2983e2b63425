package org.hao.dsl.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Search;

/**
 * The search a run starts from: the file's saved content parsed and validated (errors refuse the run with the first
 * one named), then the search chosen by name (or the file's only one).
 */
public final class SearchInput {

	private SearchInput() {
	}

	/** The validated search, or a {@link SearchInputException} saying why the file cannot be searched. */
	public static Search load(IFile file, String searchName) throws IOException, CoreException, SearchInputException {
		if (!file.exists()) {
			throw new SearchInputException(file.getFullPath() + " does not exist");
		}
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		}
		var parsed = DocumentParser.parse(text, DocumentParser.uriOf(file), file.getModificationStamp(), CheckMode.ALL,
				() -> false);
		List<Issue> errors = parsed.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			Issue first = errors.get(0);
			throw new SearchInputException(
					errors.size() + " error(s), first at line " + first.getLineNumber() + ": " + first.getMessage());
		}
		List<Search> searches = new ArrayList<>();
		for (Element e : parsed.model().getElements()) {
			if (e instanceof Search s) {
				searches.add(s);
			}
		}
		for (Search s : searches) {
			if (s.getName() != null && s.getName().equals(searchName)) {
				return s;
			}
		}
		if (searchName == null && searches.size() == 1) {
			return searches.get(0);
		}
		throw new SearchInputException(searchName != null ? "no search named '" + searchName + "'"
				: searches.isEmpty() ? "the file has no search"
				: "the file has several searches: choose one in the launch configuration");
	}
}
