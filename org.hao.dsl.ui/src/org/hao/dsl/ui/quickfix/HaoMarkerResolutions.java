package org.hao.dsl.ui.quickfix;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.hao.dsl.ui.builder.HaoMarkers;
import org.hao.dsl.ui.HaoUiPlugin;

/** Quick fixes in the Problems view: the same text fixes as Ctrl+1, applied through the file buffer. */
public class HaoMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return QuickFixes.hasFixes(marker.getAttribute(HaoMarkers.CODE, null), HaoMarkers.data(marker));
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = marker.getResource().getFullPath();
		try {
			manager.connect(path, LocationKind.IFILE, null);
			try {
				ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
				int start = marker.getAttribute(IMarker.CHAR_START, 0);
				int end = marker.getAttribute(IMarker.CHAR_END, start);
				return QuickFixes.fixes(marker.getAttribute(HaoMarkers.CODE, null), HaoMarkers.data(marker), start,
						end - start, buffer.getDocument()).stream()
						.map(fix -> (IMarkerResolution) new IMarkerResolution() {
							@Override
							public String getLabel() {
								return fix.label();
							}

							@Override
							public void run(IMarker m) {
								apply(path, fix);
							}
						}).toArray(IMarkerResolution[]::new);
			} finally {
				manager.disconnect(path, LocationKind.IFILE, null);
			}
		} catch (Exception e) {
			HaoUiPlugin.log("quick fixes for " + path, e);
			return new IMarkerResolution[0];
		}
	}

	private static void apply(IPath path, QuickFixes.Fix fix) {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		try {
			manager.connect(path, LocationKind.IFILE, null);
			try {
				ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
				fix.apply(buffer.getDocument());
				if (!buffer.isShared()) {
					buffer.commit(null, true);
				}
			} finally {
				manager.disconnect(path, LocationKind.IFILE, null);
			}
		} catch (Exception e) {
			HaoUiPlugin.log("quick fix " + fix.label() + " on " + path, e);
		}
	}
}
