package org.hao.dsl.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Space;

/**
 * Names inside a network are plain (not qualified): a residual {@code add ... from X} and an input reference
 * {@code in X} see every op of its
 * network, a space sees the subgraphs and ops of the network it is {@code for}.
 */
public class HaoScopeProvider extends AbstractHaoScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == HaoPackage.Literals.ADD_OP__FROM || reference == HaoPackage.Literals.INPUT_REF__OP) {
			Network network = EcoreUtil2.getContainerOfType(context, Network.class);
			return network == null ? IScope.NULLSCOPE : Scopes.scopeFor(opsOf(network));
		}
		if (reference == HaoPackage.Literals.SUBGRAPH_CHOICES__SUBGRAPHS) {
			Network network = networkOfSpace(context);
			return network == null ? IScope.NULLSCOPE : Scopes.scopeFor(network.getSubgraphs());
		}
		if (reference == HaoPackage.Literals.LAYER_CHOICES__OPS) {
			Network network = networkOfSpace(context);
			return network == null ? IScope.NULLSCOPE : Scopes.scopeFor(opsOf(network));
		}
		return super.getScope(context, reference);
	}

	public static List<Op> opsOf(Network network) {
		return network.getSubgraphs().stream().flatMap(s -> s.getOps().stream()).toList();
	}

	private static Network networkOfSpace(EObject context) {
		Space space = EcoreUtil2.getContainerOfType(context, Space.class);
		if (space == null || space.getNetwork() == null || space.getNetwork().eIsProxy()) {
			return null;
		}
		return space.getNetwork();
	}
}
