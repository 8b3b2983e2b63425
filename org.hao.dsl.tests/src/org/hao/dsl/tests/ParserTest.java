package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.dsl.hao.AddOp;
import org.hao.dsl.hao.ConvOp;
import org.hao.dsl.hao.ExecMode;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.MBConvOp;
import org.hao.dsl.hao.MinFps;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.PruneChoice;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Space;
import org.hao.dsl.hao.SubgraphChoices;
import org.junit.jupiter.api.Test;

class ParserTest extends HaoTestBase {

	@Test
	void parsesAllKindsOfElements() throws Exception {
		Model model = parse(VALID);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		assertEquals(4, model.getElements().size());
		FpgaDevice device = (FpgaDevice) model.getElements().get(0);
		assertEquals(100, device.getDsp());
		assertEquals(2.5, device.getBandwidthGBps());
		assertEquals(0.8, device.getUtilizationCap());
		assertEquals(2, device.getPacking().size());
		assertEquals(30.0, device.getPower().getPicojoulesPerDdrByte());

		Network net = (Network) model.getElements().get(1);
		assertEquals(32, net.getInput().getWidth());
		assertEquals(ExecMode.SEQUENTIAL, net.getSubgraphs().get(0).getMode());
		assertEquals(ExecMode.PIPELINED, net.getSubgraphs().get(1).getMode());
		ConvOp c1 = (ConvOp) net.getSubgraphs().get(0).getOps().get(0);
		assertEquals(2, c1.getStride());
		AddOp add = (AddOp) net.getSubgraphs().get(1).getOps().get(1);
		assertSame(c1, add.getFrom(), "residual resolves to the op in another subgraph");
		MBConvOp m1 = (MBConvOp) net.getSubgraphs().get(2).getOps().get(0);
		assertTrue(m1.isSe());
		assertEquals(2, m1.getRepeat());

		Space space = (Space) model.getElements().get(2);
		assertSame(net, space.getNetwork());
		SubgraphChoices entry = (SubgraphChoices) space.getEntries().get(0);
		assertSame(net.getSubgraphs().get(2), entry.getSubgraphs().get(0));
		PruneChoice prune = (PruneChoice) entry.getChoices().get(5);
		assertEquals(List.of(0.0, 0.5), prune.getRatios());

		Search search = (Search) model.getElements().get(3);
		assertSame(space, search.getSpace());
		assertSame(device, search.getDevices().get(0));
		assertEquals(10.0, ((MinFps) search.getConstraints().get(0)).getValue());
		assertEquals(5.0, search.getTimeLimitSeconds());
	}

	@Test
	void attributesMayComeInAnyOrderAndOptionalOnesAreNull() throws Exception {
		Model model = parse("""
				network N {
					input 3 x 8 x 8
					subgraph s {
						conv c stride 1 kernel 3 out 4
						mbconv m out 8 kernel 5 expand 2
					}
				}
				""");
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		Network n = (Network) model.getElements().get(0);
		ConvOp c = (ConvOp) n.getSubgraphs().get(0).getOps().get(0);
		assertEquals(4, c.getOutChannels());
		MBConvOp m = (MBConvOp) n.getSubgraphs().get(0).getOps().get(1);
		assertNull(m.getStride(), "omitted stride is null, so 'missing' and '0' differ");
		assertNull(m.getRepeat());
		assertFalse(m.isSe());
	}

	@Test
	void negativeNumbersParseSoTheValidatorCanNameThem() throws Exception {
		Model model = parse("network N { input 3 x -8 x 8 }");
		assertTrue(model.eResource().getErrors().isEmpty(), () -> model.eResource().getErrors().toString());
		assertEquals(-8, ((Network) model.getElements().get(0)).getInput().getHeight());
	}

	@Test
	void syntaxErrorIsReportedWithItsLine() throws Exception {
		Model model = parse("network N {\n  input 3 x 8 x 8\n  subgraph s { conv c out }\n}\n");
		assertFalse(model.eResource().getErrors().isEmpty());
		assertEquals(3, model.eResource().getErrors().get(0).getLine());
	}

	@Test
	void devicesCanBeListedForAComparison() throws Exception {
		Model model = parse(VALID.replace("device Small\n", "devices Small, ZU3EG, Adreno640\n"));
		validator.assertNoErrors(model);
		Search search = (Search) model.getElements().get(3);
		assertEquals(List.of("Small", "ZU3EG", "Adreno640"),
				search.getDevices().stream().map(d -> d.getName()).toList());
	}
}
