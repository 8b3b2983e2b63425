package org.hao.dsl.ui.builder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** The HAO problem markers: validation issues and engine findings, with issue code and data for quick fixes. */
public final class HaoMarkers {

	public static final String TYPE = "org.hao.dsl.ui.problem";
	public static final String CODE = "org.hao.dsl.ui.code";
	public static final String DATA = "org.hao.dsl.ui.data";
	/** Issue code of engine findings (base configuration does not fit the device). */
	public static final String ENGINE_FINDING = "org.hao.dsl.ui.engineFinding";

	private static final String SEPARATOR = "\u0000";

	private HaoMarkers() {
	}

	public static void clear(IFile file) throws CoreException {
		file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
	}

	public static void create(IFile file, List<Issue> issues) throws CoreException {
		for (Issue issue : issues) {
			if (issue.getSeverity() == Severity.IGNORE) {
				continue;
			}
			int severity = switch (issue.getSeverity()) {
				case ERROR -> IMarker.SEVERITY_ERROR;
				case WARNING -> IMarker.SEVERITY_WARNING;
				default -> IMarker.SEVERITY_INFO;
			};
			create(file, severity, issue.getMessage(), issue.getLineNumber() == null ? 1 : issue.getLineNumber(),
					issue.getOffset() == null ? 0 : issue.getOffset(),
					issue.getLength() == null ? 0 : issue.getLength(), issue.getCode(), issue.getData());
		}
	}

	public static IMarker create(IFile file, int severity, String message, int line, int offset, int length,
			String code, String[] data) throws CoreException {
		// every attribute at once: a reader polling the file's markers never sees one without its line or offsets
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.SEVERITY, severity);
		attributes.put(IMarker.MESSAGE, message);
		attributes.put(IMarker.LINE_NUMBER, line);
		attributes.put(IMarker.CHAR_START, offset);
		attributes.put(IMarker.CHAR_END, offset + length);
		if (code != null) {
			attributes.put(CODE, code);
		}
		if (data != null && data.length > 0) {
			attributes.put(DATA, String.join(SEPARATOR, data));
		}
		return file.createMarker(TYPE, attributes);
	}

	public static String[] data(IMarker marker) {
		String joined = marker.getAttribute(DATA, null);
		return joined == null ? new String[0] : joined.split(SEPARATOR, -1);
	}
}
