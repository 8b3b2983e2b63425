package org.hao.dsl.ui;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

/**
 * Parses (and optionally validates) the text of a .hao document into a fresh resource set. A fresh set per parse keeps
 * editor, builder and estimator independent; the text's file URI lets relative imports resolve on disk.
 */
public final class DocumentParser {

	private DocumentParser() {
	}

	public static URI uriOf(IFile file) {
		return file.getLocation() != null ? URI.createFileURI(file.getLocation().toOSString())
				: URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	/**
	 * @param checks which validation checks run (FAST_ONLY while typing, NORMAL_AND_FAST on save, ALL before a search),
	 *        null for none
	 */
	public static ParsedDocument parse(String text, URI uri, long stamp, CheckMode checks, CancelIndicator cancel) {
		Injector injector = HaoLanguage.injector();
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("hao",
				injector.getInstance(IResourceFactory.class));
		XtextResource resource = (XtextResource) set.createResource(uri);
		try {
			resource.load(new StringInputStream(text, "UTF-8"), null);
		} catch (IOException e) {
			throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
		}
		EcoreUtil2.resolveLazyCrossReferences(resource, cancel);
		List<Issue> issues = checks != null
				? injector.getInstance(IResourceValidator.class).validate(resource, checks, cancel) : List.of();
		return new ParsedDocument(stamp, text, resource, issues == null ? List.of() : List.copyOf(issues));
	}
}
