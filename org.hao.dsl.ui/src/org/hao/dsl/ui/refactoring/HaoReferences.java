package org.hao.dsl.ui.refactoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.findReferences.TargetURIs;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.dsl.ui.HaoLanguage;
import org.hao.dsl.ui.ParsedDocument;
import org.hao.dsl.ui.navigation.Declarations;

import com.google.inject.Injector;
import org.hao.dsl.ElementLabels;

/**
 * Find references: every place in the workspace that names an element (network, op, subgraph, device, space,
 * search), found with Xtext's {@link IReferenceFinder} over the element's file and its importers
 * ({@link WorkspaceModel}), as the language server's references request does.
 */
public final class HaoReferences {

	private HaoReferences() {
	}

	/**
	 * The named element under {@code offset} of an editor's parse: the definition whose name is there, or the
	 * element a reference there points to; null when there is none.
	 */
	public static EObject targetAt(ParsedDocument parsed, int offset) {
		EObject e = Declarations.elementAt(parsed, offset);
		while (e != null && ElementLabels.name(e) == null) {
			e = e.eContainer();
		}
		return e == null || e.eIsProxy() ? null : e;
	}

	/** Whether the element lives in the read-only device library. */
	public static boolean inLibrary(EObject e) {
		return e.eResource() != null && HaoStdlib.STDLIB_URI.equals(e.eResource().getURI());
	}

	/** The element of {@code model} with the URI of {@code element} (an element of another parse of the same file). */
	public static EObject sameIn(WorkspaceModel model, EObject element) {
		try {
			return model.resourceSet().getEObject(EcoreUtil.getURI(element), true);
		} catch (RuntimeException e) {
			// the file is gone, or nothing in the model loaded the device library
			return null;
		}
	}

	/**
	 * The definition (first, when {@code withDeclaration}) and every reference to {@code target}, an element of
	 * {@code model}, sorted by file and offset.
	 */
	public static List<Reference> find(WorkspaceModel model, EObject target, boolean withDeclaration) {
		Injector injector = HaoLanguage.injector();
		ILocationInFileProvider locations = injector.getInstance(ILocationInFileProvider.class);
		IReferenceFinder finder = injector.getInstance(IReferenceFinder.class);
		TargetURIs targets = injector.getInstance(TargetURIs.class);
		targets.addURI(EcoreUtil2.getPlatformResourceOrNormalizedURI(target));
		List<Reference> found = new ArrayList<>();
		for (IFile file : model.files()) {
			XtextResource resource = model.resource(file);
			String text = model.text(file);
			finder.findReferences(targets, resource, new IReferenceFinder.Acceptor() {
				@Override
				public void accept(EObject source, URI sourceURI, EReference reference, int index,
						EObject targetOrProxy, URI targetURI) {
					ITextRegion r = locations.getSignificantTextRegion(source, reference, index);
					if (r != null && r.getLength() > 0) {
						found.add(Reference.at(file, text, r.getOffset(), r.getLength(), false));
					}
				}

				@Override
				public void accept(IReferenceDescription description) {
					EObject source = resource.getResourceSet().getEObject(description.getSourceEObjectUri(), true);
					if (source != null) {
						accept(source, description.getSourceEObjectUri(), description.getEReference(),
								description.getIndexInList(), null, description.getTargetEObjectUri());
					}
				}
			}, new NullProgressMonitor());
		}
		IFile home = target.eResource() == null ? null : model.fileOf(target.eResource().getURI());
		if (withDeclaration && home != null) {
			ITextRegion name = locations.getSignificantTextRegion(target);
			found.add(Reference.at(home, model.text(home), name.getOffset(), name.getLength(), true));
		}
		List<IFile> order = new ArrayList<>(model.files());
		found.sort(
				Comparator.<Reference>comparingInt(r -> order.indexOf(r.file())).thenComparingInt(Reference::offset));
		return found.stream().distinct().toList();
	}
}
