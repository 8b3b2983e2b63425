package org.hao.dsl.ui.refactoring;

import org.eclipse.core.resources.IFile;

/**
 * One occurrence of a name in a workspace file.
 *
 * @param offset/length the name's characters in the file's text (0-based)
 * @param line 1-based line number
 * @param lineText the line, trimmed
 * @param declaration whether this is the definition (else a reference to it)
 */
public record Reference(IFile file, int offset, int length, int line, String lineText, boolean declaration) {

	static Reference at(IFile file, String text, int offset, int length, boolean declaration) {
		int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
		if (offset == 0) {
			start = 0;
		}
		int end = text.indexOf('\n', offset);
		String line = text.substring(start, end < 0 ? text.length() : end).strip();
		int number = 1;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				number++;
			}
		}
		return new Reference(file, offset, length, number, line, declaration);
	}
}
