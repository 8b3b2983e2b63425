package org.hao.dsl.tests;

import static org.hao.dsl.hao.HaoPackage.Literals.*;
import static org.hao.dsl.validation.HaoIssueCodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.eclipse.xtext.scoping.IScopeProvider;
import org.hao.dsl.hao.InputRef;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Op;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.HaoScopeProvider;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Activation;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Shape;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;

/** The graph syntax of docs/language.md: parsed, linked, validated and expanded with PyTorch's figures. */
class GraphSyntaxTest extends HaoTestBase {

	/** docs/language.md: a ResNet-50 bottleneck with its projection shortcut and an Inception-style block. */
	static final String GRAPH = """
			network Graph {
				input 64 x 56 x 56
				subgraph bottleneck {
					pointwise b_reduce out 64
					conv b_conv out 64 kernel 3 padding 1
					pointwise b_expand out 256 act none
					conv b_proj in input out 256 kernel 1 padding valid act none
					add b_out in b_expand, b_proj act relu
				}
				subgraph inception {
					pointwise i_1x1 out 64
					pointwise i_3x3_reduce in b_out out 96
					conv i_3x3 out 128 kernel 3 padding 1
					pointwise i_5x5_reduce in b_out out 16
					conv i_5x5 out 32 kernel 5 padding 2
					pool i_pool max in b_out kernel 3 stride 1 padding 1 ceil
					pointwise i_pool_proj out 32
					concat i_out in i_1x1, i_3x3, i_5x5, i_pool_proj
				}
				subgraph shuffle_unit {
					split left part 1 of 2
					split right in i_out part 2 of 2
					conv right_dw in right out 128 kernel 3 stride 1 groups 128 padding 1 act none
					concat joined in left, right_dw
					shuffle mixed groups 2
				}
				subgraph head {
					pool gap avg global
					fc logits out 1000
				}
			}
			""";

	@Inject
	private IScopeProvider scopes;

	@Test
	void graphNetworkIsCleanAndExpandsWithPyTorchShapes() throws Exception {
		Model m = parse(GRAPH);
		validator.assertNoIssues(m);
		Network n = (Network) m.getElements().get(0);
		ExpandedNetwork x = NetworkExpander.expand(new ModelMapper().toNetwork(n, null));
		Layer proj = layer(x, "b_proj");
		assertEquals(List.of("input"), proj.inputs());
		assertEquals(56L * 56 * 64 * 256, proj.macs());
		Layer add = layer(x, "b_out");
		assertEquals(List.of("b_expand", "b_proj"), add.inputs());
		assertEquals(Activation.RELU, add.activation());
		Layer cat = layer(x, "i_out");
		assertEquals(LayerKind.CONCAT, cat.kind());
		assertEquals(256, cat.outChannels()); // 64 + 128 + 32 + 32 (torchvision GoogLeNet inception3a)
		assertEquals(
				List.of(new Shape(64, 56, 56), new Shape(128, 56, 56), new Shape(32, 56, 56), new Shape(32, 56, 56)),
				cat.inputShapes());
		assertEquals(56L * 56 * 9 * 128, layer(x, "right_dw").macs()); // groups = channels: depthwise
		assertEquals(new Shape(1000, 1, 1), x.output());
	}

	@Test
	void inputReferencesLinkToOpsAndTheNetworkInput() throws Exception {
		Model m = parse(GRAPH);
		Network n = (Network) m.getElements().get(0);
		List<Op> ops = HaoScopeProvider.opsOf(n);
		Op proj = ops.stream().filter(o -> o.getName().equals("b_proj")).findFirst().orElseThrow();
		InputRef in = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(proj, InputRef.class).get(0);
		assertEquals(true, in.isNetworkInput());
		Op add = ops.stream().filter(o -> o.getName().equals("b_out")).findFirst().orElseThrow();
		InputRef first = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(add, InputRef.class).get(0);
		assertSame(ops.get(2), first.getOp());
		// completion offers every op of the network for an input reference (go to definition follows the link)
		List<String> names = new java.util.ArrayList<>();
		scopes.getScope(first, INPUT_REF__OP).getAllElements().forEach(d -> names.add(d.getName().toString()));
		assertEquals(ops.stream().map(Op::getName).toList(), names);
	}

	@Test
	void mismatchedAddNamesBothInputs() throws Exception {
		Model m = parse(GRAPH.replace("conv b_proj in input out 256", "conv b_proj in input out 128"));
		validator.assertError(m, ADD_OP, SHAPE_MISMATCH, "add 'b_out' of 'b_expand' with shape 256x56x56",
				"'b_proj' with shape 128x56x56");
	}

	@Test
	void mismatchedConcatNamesBothInputs() throws Exception {
		Model m = parse(
				GRAPH.replace("conv i_5x5 out 32 kernel 5 padding 2", "conv i_5x5 out 32 kernel 5" + " padding valid"));
		validator.assertError(m, CONCAT_OP, SHAPE_MISMATCH, "'i_1x1' with shape 64x56x56",
				"'i_5x5' with shape 32x52x52");
	}

	@Test
	void cycleIsAnErrorOnTheReference() throws Exception {
		Model m = parse(GRAPH.replace("pointwise b_reduce out 64", "pointwise b_reduce in b_conv out 64"));
		validator.assertError(m, INPUT_REF, FORWARD_REFERENCE, "cycle b_reduce -> b_conv -> b_reduce");
	}

	@Test
	void laterOpIsAnOrderError() throws Exception {
		Model m = parse(GRAPH.replace("pointwise i_1x1 out 64", "pointwise i_1x1 in i_pool out 64"));
		validator.assertError(m, INPUT_REF, FORWARD_REFERENCE, "which comes later");
	}

	@Test
	void deadBranchIsAWarning() throws Exception {
		Model m = parse(GRAPH.replace("concat i_out in i_1x1, i_3x3, i_5x5, i_pool_proj",
				"concat i_out in i_1x1, i_3x3, i_pool_proj"));
		validator.assertWarning(m, CONV_OP, UNUSED_OUTPUT, "'i_5x5' is never read");
	}

	@Test
	void addWithOneOperandAndBadPaddingAreReported() throws Exception {
		validator.assertError(parse(GRAPH.replace("add b_out in b_expand, b_proj", "add b_out in b_expand")), ADD_OP,
				MISSING_ATTRIBUTE, "needs two operands");
		validator.assertError(parse(GRAPH.replace("kernel 3 padding 1", "kernel 3 padding 1, 1, 1")), PADDING_SPEC,
				VALUE_OUT_OF_RANGE, "1, 2 or 4 numbers");
		validator.assertError(parse(GRAPH.replace("split left part 1 of 2", "split left part 3 of 2")), SPLIT_OP,
				VALUE_OUT_OF_RANGE, "at most the number of parts");
	}

	@Test
	void squeezeExciteRatioAndReferenceMap() throws Exception {
		Model m = parse("""
				network V3 {
					input 40 x 28 x 28
					subgraph s {
						mbconv a expand 3 kernel 5 out 40 se ratio 0.25 of expanded act hswish
						mbconv b expand 2.3 kernel 3 out 40 se
					}
				}
				""");
		validator.assertNoIssues(m);
		ExpandedNetwork x = NetworkExpander.expand(new ModelMapper().toNetwork((Network) m.getElements().get(0), null));
		assertEquals(32, layer(x, "a.se").squeezeChannels()); // _make_divisible(120 // 4, 8)
		assertEquals(Activation.HSWISH, layer(x, "a.expand").activation());
		assertEquals(92, layer(x, "b.expand").outChannels()); // round(40 x 2.3)
		assertEquals(10, layer(x, "b.se").squeezeChannels()); // 40 x 0.25 of the block input
	}

	/** The two networks docs/language.md shows (read from the checkout) are clean and have torchvision's shapes. */
	@Test
	void documentedGraphExamplesAreClean() throws Exception {
		java.nio.file.Path doc = java.nio.file.Path.of(System.getProperty("hao.examples.dir", "../examples"), "..",
				"docs", "language.md");
		String text = java.nio.file.Files.readString(doc);
		for (String network : List.of("ResNetBlock", "InceptionBlock")) {
			int start = text.indexOf("network " + network + " {");
			int end = text.indexOf("```", start);
			Model m = parse(text.substring(start, end));
			validator.assertNoIssues(m);
			ExpandedNetwork x = NetworkExpander
					.expand(new ModelMapper().toNetwork((Network) m.getElements().get(0), null));
			assertEquals(network.equals("ResNetBlock") ? new Shape(256, 56, 56) : new Shape(256, 28, 28), x.output());
		}
	}

	private static Layer layer(ExpandedNetwork x, String name) {
		return x.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
	}
}
