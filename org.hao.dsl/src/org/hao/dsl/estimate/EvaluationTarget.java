package org.hao.dsl.estimate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.model.Constraints;

/**
 * Where a network is evaluated: the one rule the editor's inline estimates, the language server, the builder's
 * findings and {@code hao estimate} share. A search's network runs on each of its devices with the search's
 * architecture and resource caps (as the search itself); a network no search names runs on the standard library's
 * {@link #DEFAULT_DEVICE} (the same device a {@code .hao} file gets by naming it).
 *
 * @param network the network
 * @param search the search it is evaluated for, or null
 * @param device the device (of the search, of {@code --device}, or the default)
 * @param searchCaps whether the search's resource caps apply: they do on the search's own devices; on another device
 *        ({@code hao estimate --device}) they were written for a different chip and do not
 */
public record EvaluationTarget(Network network, Search search, DeviceDecl device, boolean searchCaps) {

	/** The network on {@code device} for {@code search} (null: none) with the search's caps. */
	public EvaluationTarget(Network network, Search search, DeviceDecl device) {
		this(network, search, device, true);
	}

	/** The device of a network that no search names: the HAO paper's target, from stdlib/devices.hao. */
	public static final String DEFAULT_DEVICE = "ZU3EG";

	/** The network on its target: engine device (with the search's architecture) and the search's caps. */
	public NetworkEstimate estimate(ModelMapper mapper) {
		return Estimator.estimate(mapper.toNetwork(network, null),
				search == null ? mapper.toDevice(device) : mapper.searchDevice(search, device), constraints(mapper));
	}

	/** The search's constraints (its resource caps bound the accelerator), none without a search or its caps. */
	public Constraints constraints(ModelMapper mapper) {
		return search == null || !searchCaps ? Constraints.NONE : mapper.toConstraints(search);
	}

	/** The target of the inline estimates of {@code n}: its first search whose first device resolves, else the default. */
	public static EvaluationTarget inline(Model model, Network n) {
		for (Element e : model.getElements()) {
			if (e instanceof Search s && ModelMapper.networkOf(s) == n && !s.getDevices().isEmpty()
					&& !s.getDevices().get(0).eIsProxy()) {
				return new EvaluationTarget(n, s, s.getDevices().get(0));
			}
		}
		return new EvaluationTarget(n, null, defaultDevice(n.eResource()));
	}

	/** The search's network on each of its resolved devices. */
	public static List<EvaluationTarget> of(Search s) {
		List<EvaluationTarget> out = new ArrayList<>();
		Network n = ModelMapper.networkOf(s);
		for (DeviceDecl d : s.getDevices()) {
			if (n != null && !d.eIsProxy()) {
				out.add(new EvaluationTarget(n, s, d));
			}
		}
		return out;
	}

	/**
	 * {@link #DEFAULT_DEVICE} of the standard library, loaded into {@code context}'s resource set.
	 *
	 * @throws IllegalStateException when the library lacks it (a broken build)
	 */
	public static DeviceDecl defaultDevice(Resource context) {
		HaoStdlib stdlib = ((XtextResource) context).getResourceServiceProvider().get(HaoStdlib.class);
		Resource lib = stdlib.ensureLoaded(context.getResourceSet());
		for (var o : lib.getContents()) {
			if (o instanceof Model m) {
				for (Element e : m.getElements()) {
					if (e instanceof DeviceDecl d && DEFAULT_DEVICE.equals(d.getName())) {
						return d;
					}
				}
			}
		}
		throw new IllegalStateException("the standard library has no device " + DEFAULT_DEVICE);
	}
}
