package org.hao.dsl.ui.highlighting;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** The editor's colour scheme (lexical and semantic). Device-independent colours need no disposal. */
public final class HaoColors {

	public static final Color KEYWORD = new Color(127, 0, 85);
	public static final Color NUMBER = new Color(0, 110, 140);
	public static final Color COMMENT = new Color(63, 127, 95);
	public static final Color STRING = new Color(42, 0, 255);
	public static final Color REFERENCE = new Color(0, 70, 170);
	public static final Color DEFINITION = new Color(0, 0, 0);

	public static final TextAttribute KEYWORD_STYLE = new TextAttribute(KEYWORD, null, SWT.BOLD);
	public static final TextAttribute NUMBER_STYLE = new TextAttribute(NUMBER);
	public static final TextAttribute COMMENT_STYLE = new TextAttribute(COMMENT);
	public static final TextAttribute STRING_STYLE = new TextAttribute(STRING);
	public static final TextAttribute DEFAULT_STYLE = new TextAttribute(null);

	private HaoColors() {
	}
}
