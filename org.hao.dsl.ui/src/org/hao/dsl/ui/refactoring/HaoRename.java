package org.hao.dsl.ui.refactoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.refactoring.IRenameNameValidator;
import org.eclipse.xtext.ide.refactoring.IRenameStrategy2;
import org.eclipse.xtext.ide.refactoring.RenameChange;
import org.eclipse.xtext.ide.refactoring.RenameContext;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.ui.HaoLanguage;

import com.google.inject.Injector;
import org.hao.dsl.ElementLabels;

/**
 * Rename: the text edits that rename an element and every reference to it across the workspace, computed with
 * Xtext ide's rename services (the name validator, {@link IRenameStrategy2} and the {@link IChangeSerializer}, which
 * the language server's rename uses too) on a {@link WorkspaceModel}. The result is checked before anyone applies
 * it: a name the grammar does not accept, an element of the read-only device library, or a rename that would add an
 * error to a file (a name clash: two networks called the same) is refused with a message, and nothing is edited.
 */
public final class HaoRename {

	/** One replacement in a file's text. */
	public record Edit(int offset, int length, String text) {
	}

	/**
	 * @param edits per file, in offset order; empty when refused
	 * @param problem why the rename is refused, or null
	 */
	public record Plan(String oldName, String newName, Map<IFile, List<Edit>> edits, String problem) {

		public boolean ok() {
			return problem == null;
		}

		public int editCount() {
			return edits.values().stream().mapToInt(List::size).sum();
		}
	}

	/** The grammar's ID terminal without the ^ escape (org.eclipse.xtext.common.Terminals). */
	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private HaoRename() {
	}

	/** Plans renaming {@code element} (of any parse of its file) to {@code newName}. */
	public static Plan plan(IFile home, EObject element, String newName) throws CoreException {
		String oldName = ElementLabels.name(element);
		if (HaoReferences.inLibrary(element)) {
			return refused(oldName, newName,
					ElementLabels.describe(element) + " is defined in the standard device library, which is read-only");
		}
		if (home == null) {
			return refused(oldName, newName, ElementLabels.describe(element) + " is not defined in a workspace file");
		}
		if (newName == null || newName.equals(oldName)) {
			return refused(oldName, newName, "the new name is the old name");
		}
		if (!NAME.matcher(newName).matches()) {
			return refused(oldName, newName,
					"'" + newName + "' is not a name: letters, digits and _, not starting with a digit");
		}
		if (GrammarUtil.getAllKeywords(HaoLanguage.injector().getInstance(IGrammarAccess.class).getGrammar())
				.contains(newName)) {
			// Xtext would write it escaped (^network): legal, but not what anyone means
			return refused(oldName, newName, "'" + newName + "' is a keyword of the language");
		}
		WorkspaceModel model = WorkspaceModel.around(home);
		EObject target = HaoReferences.sameIn(model, element);
		if (target == null || target.eIsProxy()) {
			return refused(oldName, newName, "'" + oldName + "' is no longer in " + home.getName());
		}
		Injector injector = HaoLanguage.injector();
		Issues issues = new Issues();
		injector.getInstance(IRenameNameValidator.class).validate(target, newName, issues);
		if (issues.hasErrors()) {
			return refused(oldName, newName, "'" + newName + "' is not a valid name: " + issues.first());
		}
		IChangeSerializer serializer = injector.getInstance(IChangeSerializer.class);
		RenameContext context = new RenameContext(List.of(new RenameChange(newName, EcoreUtil.getURI(target))),
				model.resourceSet(), serializer, issues);
		injector.getInstance(IRenameStrategy2.class).applyRename(context);
		Map<IFile, List<Edit>> edits = new LinkedHashMap<>();
		List<String> outside = new ArrayList<>();
		serializer.applyModifications(change -> {
			if (change instanceof ITextDocumentChange text && !text.getReplacements().isEmpty()) {
				IFile file = model.fileOf(text.getOldURI());
				if (file == null) {
					outside.add(String.valueOf(text.getOldURI()));
					return;
				}
				List<Edit> list = edits.computeIfAbsent(file, f -> new ArrayList<>());
				for (ITextReplacement r : text.getReplacements()) {
					list.add(new Edit(r.getOffset(), r.getLength(), r.getReplacementText()));
				}
			}
		});
		if (issues.hasErrors()) {
			return refused(oldName, newName, issues.first());
		}
		if (!outside.isEmpty()) {
			return refused(oldName, newName, "the rename would change files outside the workspace: " + outside);
		}
		edits.values().forEach(l -> l.sort(Comparator.comparingInt(Edit::offset)));
		String clash = newErrors(model, edits);
		if (clash != null) {
			return refused(oldName, newName, clash);
		}
		return new Plan(oldName, newName, edits, null);
	}

	private static Plan refused(String oldName, String newName, String why) {
		return new Plan(oldName, newName, Map.of(), why);
	}

	/** The first error the renamed texts have that the current ones do not (e.g. a duplicate name), or null. */
	private static String newErrors(WorkspaceModel renamed, Map<IFile, List<Edit>> edits) {
		// the rename strategy changed the names in renamed's resource set: load both versions afresh
		WorkspaceModel before = WorkspaceModel.load(renamed.texts());
		Map<IFile, String> texts = new LinkedHashMap<>(renamed.texts());
		edits.forEach((file, list) -> texts.put(file, apply(texts.get(file), list)));
		WorkspaceModel after = WorkspaceModel.load(texts);
		for (IFile file : before.files()) {
			List<Issue> was = before.errors(file);
			List<Issue> now = after.errors(file);
			if (now.size() > was.size()) {
				Issue first = now.stream()
						.filter(i -> was.stream().noneMatch(w -> w.getMessage().equals(i.getMessage()))).findFirst()
						.orElse(now.get(0));
				return "after the rename " + file.getName() + ":" + first.getLineNumber() + " would have an error: "
						+ first.getMessage();
			}
		}
		return null;
	}

	/** Applies edits (sorted by offset, not overlapping) to a text. */
	public static String apply(String text, List<Edit> edits) {
		StringBuilder b = new StringBuilder(text);
		for (int i = edits.size() - 1; i >= 0; i--) {
			Edit e = edits.get(i);
			b.replace(e.offset(), e.offset() + e.length(), e.text());
		}
		return b.toString();
	}
}
