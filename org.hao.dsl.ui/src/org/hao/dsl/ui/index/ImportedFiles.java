package org.hao.dsl.ui.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.DocumentParser;

/**
 * The workspace files a .hao file names in its {@code import "..."} lines, resolved relative to the importing file
 * as the language's scoping does ({@code HaoImports}). Files that do not exist (yet) are kept as handles, so a file
 * created later is known to be imported.
 */
public final class ImportedFiles {

	private ImportedFiles() {
	}

	/** The imports of {@code model}, a parse of {@code file}. */
	public static Set<IFile> of(IFile file, Model model) {
		Set<IFile> files = new LinkedHashSet<>();
		if (model == null) {
			return files;
		}
		URI base = DocumentParser.uriOf(file);
		for (Import imp : model.getImports()) {
			IFile target = resolve(base, imp.getImportURI());
			if (target != null && !target.equals(file)) {
				files.add(target);
			}
		}
		return files;
	}

	/** Reads and parses (syntax only: no linking, no validation) the saved text of {@code file}. */
	public static Set<IFile> read(IFile file) throws CoreException {
		String text;
		try (InputStream in = file.getContents(true)) {
			text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException e) {
			return Set.of();
		}
		IParseResult result = HaoLanguage.injector().getInstance(IParser.class).parse(new StringReader(text));
		return of(file, result.getRootASTElement() instanceof Model m ? m : null);
	}

	/** The workspace file an import string names, or null (not a file URI, or outside the workspace). */
	public static IFile resolve(URI base, String importUri) {
		if (importUri == null || importUri.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = URI.createURI(importUri);
			if (uri.isRelative() && base.isHierarchical() && !base.isRelative()) {
				uri = uri.resolve(base);
			}
		} catch (IllegalArgumentException e) {
			return null;
		}
		return fileAt(uri);
	}

	/** The workspace file at a file URI, or null. */
	public static IFile fileAt(URI uri) {
		if (uri.isPlatformResource()) {
			return ResourcesPlugin.getWorkspace().getRoot()
					.getFile(new org.eclipse.core.runtime.Path(uri.toPlatformString(true)));
		}
		if (!uri.isFile()) {
			return null;
		}
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot()
				.findFilesForLocationURI(new java.io.File(uri.toFileString()).toURI());
		return files.length == 0 ? null : files[0];
	}
}
