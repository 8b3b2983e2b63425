package org.hao.dsl.ui;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.ISynchronizable;

/** Text and version of a document read together, so a parse is always tied to the exact text it saw. */
public record DocumentText(String text, long stamp) {

	public static DocumentText read(IDocument document) {
		Object lock = document instanceof ISynchronizable s ? s.getLockObject() : null;
		if (lock == null) {
			return new DocumentText(document.get(), stamp(document));
		}
		synchronized (lock) {
			return new DocumentText(document.get(), stamp(document));
		}
	}

	public static long stamp(IDocument document) {
		return document instanceof IDocumentExtension4 d ? d.getModificationStamp()
				: IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	}
}
