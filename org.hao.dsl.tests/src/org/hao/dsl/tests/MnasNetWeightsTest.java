package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.emf.ecore.resource.Resource;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Network;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 11): examples/mnasnet-a1.hao came out at 5.10 M weights because squeeze-excite took a quarter
 * of the expanded width; MnasNet's SE takes a quarter of the block input (TF mnasnet_model.py), published 3.9 M.
 */
class MnasNetWeightsTest {

	@Test
	void mnasNetA1HasItsPublishedWeights() throws Exception {
		Path file = Path.of(System.getProperty("hao.examples.dir", "../examples"), "mnasnet-a1.hao");
		HaoModelLoader loader = new HaoModelLoader();
		Resource resource = loader.load(file);
		Network network = (Network) HaoModelLoader.model(resource).getElements().stream()
				.filter(Network.class::isInstance).findFirst().orElseThrow();
		ExpandedNetwork x = NetworkExpander.expand(new ModelMapper().toNetwork(network, null));
		System.out.println("FIGURE mnasnet-a1 weights " + x.weights() + " MACs " + x.macs());
		assertTrue(x.weights() > 3_800_000 && x.weights() < 3_900_000, "weights " + x.weights());
		// first SE block: 24 -> 72 channels; hidden = 24 / 4 = 6 (not make_divisible(72 / 4) = 24)
		Layer se = x.layers().stream().filter(l -> l.kind() == LayerKind.SQUEEZE_EXCITE).findFirst().orElseThrow();
		assertEquals(72, se.inChannels());
		assertEquals(6, se.squeezeChannels());
	}
}
