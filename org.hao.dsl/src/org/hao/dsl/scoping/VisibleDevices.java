package org.hao.dsl.scoping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.HaoPackage;

/**
 * Devices a search can name: those of its file, its imports and the standard library, found by name through the
 * language's scope provider (so `compare --devices` and the IDE's Compare command see exactly what `devices` does).
 */
public final class VisibleDevices {

	private final IScopeProvider scopes;

	public VisibleDevices(IScopeProvider scopes) {
		this.scopes = scopes;
	}

	/** The device called {@code name} visible from {@code context}, or null. */
	public DeviceDecl find(EObject context, String name) {
		IEObjectDescription d = scope(context).getSingleElement(QualifiedName.create(name.strip()));
		if (d == null) {
			return null;
		}
		EObject device = EcoreUtil.resolve(d.getEObjectOrProxy(), context);
		return device instanceof DeviceDecl dev && !dev.eIsProxy() ? dev : null;
	}

	/** Names of every device visible from {@code context}, in scope order without duplicates. */
	public List<String> names(EObject context) {
		LinkedHashSet<String> names = new LinkedHashSet<>();
		for (IEObjectDescription d : scope(context).getAllElements()) {
			names.add(d.getName().toString());
		}
		return new ArrayList<>(names);
	}

	private IScope scope(EObject context) {
		return scopes.getScope(context, HaoPackage.Literals.SEARCH__DEVICES);
	}
}
