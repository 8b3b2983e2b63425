package org.hao.dsl.lsp;

import java.io.IOException;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.hao.dsl.scoping.HaoStdlib;

import com.google.inject.Inject;

/** Go to definition also for standard-library devices: they resolve to the library's file copy ({@link StdlibFile}). */
public class HaoDocumentSymbolService extends DocumentSymbolService {

	@Inject
	private EObjectAtOffsetHelper elementAt;

	@Override
	public List<? extends Location> getDefinitions(XtextResource resource, int offset, IResourceAccess resourceAccess,
			CancelIndicator cancelIndicator) {
		EObject target = elementAt.resolveElementAt(resource, offset);
		if (target != null && HaoStdlib.isStdlib(target.eResource())) {
			try {
				return List.of(StdlibFile.location(target));
			} catch (IOException e) {
				return List.of();
			}
		}
		return super.getDefinitions(resource, offset, resourceAccess, cancelIndicator);
	}
}
