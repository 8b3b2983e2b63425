package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.hao.dsl.cli.HaoCli;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.cli.ImportCommand;
import org.hao.dsl.hao.Network;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.bench.Examples;
import org.hao.engine.expand.NetworkGraph;
import org.hao.engine.model.LayerKind;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.hao.engine.onnx.ImportedNetwork;
import org.hao.engine.onnx.OnnxImportException;
import org.hao.engine.onnx.OnnxImporter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code hao import} on the torchvision fixtures (releng/export-onnx-fixtures): the imported .hao file parses and
 * validates, and every Conv2d / Linear of PyTorch's forward hooks has a layer with the same output shape, MACs and
 * weights (a squeeze-excite layer stands for its two 1x1 convolutions fc1 and fc2), and the totals are equal.
 */
class OnnxImportTest {

	/**
	 * The 14 classifiers of releng/export-onnx-fixtures; shufflenet_v2_x1_0 computes its channel split at run time
	 * (Shape, Gather, Div, Slice; folded by the importer's shape arithmetic).
	 */
	static final List<String> IMPORTED = List.of("mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
			"mnasnet1_0", "mnasnet0_5", "efficientnet_b0", "resnet18", "resnet50", "shufflenet_v2_x1_0",
			"squeezenet1_1", "googlenet", "densenet121", "regnet_x_400mf", "vgg16");

	static Path fixtures() {
		Path dir = Path.of(System.getProperty("hao.fixtures.dir", "fixtures/onnx")).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(dir), "fixtures not found: " + dir);
		return dir;
	}

	@TestFactory
	Stream<DynamicTest> everyLayerEqualsPyTorch() {
		return IMPORTED.stream().map(name -> DynamicTest.dynamicTest(name, () -> compare(name, name + ".onnx")));
	}

	/** The same model exported with its weights as initializers (not graph inputs) imports the same. */
	@Test
	void modelWithInitializers() throws Exception {
		compare("squeezenet1_1", "squeezenet1_1-weights.onnx");
	}

	/**
	 * ShuffleNetV2 at both ends of the importer's opset range: opset 11 from torch.onnx (Unsqueeze axes as
	 * attributes), opset 18 (ReduceMean axes as an input), weights as graph inputs; every layer equals PyTorch's.
	 */
	@TestFactory
	Stream<DynamicTest> opsets11And18() {
		return Stream.of(11, 18).map(opset -> DynamicTest.dynamicTest("opset " + opset, () -> {
			String file = "shufflenet_v2_x1_0-opset" + opset + ".onnx";
			assertEquals(opset, OnnxImporter.read(fixtures().resolve(file), OnnxImporter.Subgraphs.STAGE).opset());
			compare("shufflenet_v2_x1_0", file);
		}));
	}

	/** ShuffleNetV2's channel split: each half is a split op, the shuffle a shuffle op, and no op is left over. */
	@Test
	void shuffleNetSplitsAndShufflesAreOps() throws Exception {
		ImportedNetwork imported = OnnxImporter.read(fixtures().resolve("shufflenet_v2_x1_0.onnx"),
				OnnxImporter.Subgraphs.STAGE);
		String text = ImportCommand.text(imported, "shufflenet_v2_x1_0.onnx");
		assertTrue(text.contains("split stage2_1_1 part 1 of 2"), text);
		assertTrue(text.contains("split stage2_1_2 in stage2_0_shuffle part 2 of 2"), text);
		assertTrue(text.contains("concat stage2_1 in stage2_1_1, stage2_1_branch2_5"), text);
		assertTrue(text.contains("shuffle stage2_1_shuffle groups 2"), text);
		assertEquals(List.of(), NetworkGraph.unusedOps(imported.network()));
	}

	/**
	 * A classifier whose Linear is written as MatMul (x times W transposed) + Add (bias), weights as initializers,
	 * opset 13 (built with onnx.helper from a PyTorch module's weights): the head is one fully connected layer with
	 * PyTorch's figures, the bias Add folded.
	 */
	@Test
	void matMulPlusAddHeadIsAFullyConnectedLayer() throws Exception {
		compare("linear_head", "linear_head-matmul.onnx");
		ImportedNetwork imported = OnnxImporter.read(fixtures().resolve("linear_head-matmul.onnx"),
				OnnxImporter.Subgraphs.NONE);
		Layer fc = NetworkExpander.expand(imported.network()).layers().stream().filter(l -> l.sourceOp().equals("fc"))
				.findFirst().orElseThrow();
		assertEquals(LayerKind.FULLY_CONNECTED, fc.kind());
		assertEquals(32 * 10, fc.weights());
	}

	static void compare(String name, String file) throws Exception {
		ImportedNetwork imported = OnnxImporter.read(fixtures().resolve(file), OnnxImporter.Subgraphs.STAGE);
		String text = ImportCommand.text(imported, file);
		Path hao = Files.createTempFile(name, ".hao");
		ExpandedNetwork x;
		try {
			Files.writeString(hao, text);
			HaoModelLoader loader = new HaoModelLoader();
			Resource resource = loader.load(hao);
			List<String> errors = loader.validate(resource).stream().filter(i -> i.getSeverity() == Severity.ERROR)
					.map(i -> i.getLineNumber() + ": " + i.getMessage()).toList();
			assertEquals(List.of(), errors, text);
			Network network = (Network) HaoModelLoader.model(resource).getElements().get(0);
			x = NetworkExpander.expand(new ModelMapper().toNetwork(network, null));
		} finally {
			Files.delete(hao);
		}
		JsonObject ref = JsonParser.parseString(Files.readString(fixtures().resolve(name + ".json"))).getAsJsonObject();
		Map<String, Layer> byOp = new HashMap<>();
		x.layers().forEach(l -> byOp.put(l.sourceOp(), l));
		Map<String, long[]> se = new HashMap<>();
		List<String> mismatches = new ArrayList<>();
		for (JsonElement e : ref.getAsJsonArray("layers")) {
			JsonObject r = e.getAsJsonObject();
			// the importer's rule for op names: module path, other characters as '_'
			String op = r.get("name").getAsString().replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_");
			long macs = r.get("macs").getAsLong();
			long weights = r.get("weights").getAsLong();
			Layer l = byOp.get(op);
			if (l == null && (op.endsWith("_fc1") || op.endsWith("_fc2"))) {
				String owner = op.substring(0, op.length() - 4);
				Layer s = byOp.get(owner);
				assertNotNull(s, "no squeeze-excite op " + owner + " for " + op);
				assertEquals(LayerKind.SQUEEZE_EXCITE, s.kind(), owner);
				long[] sum = se.computeIfAbsent(owner, k -> new long[2]);
				sum[0] += macs;
				sum[1] += weights;
				continue;
			}
			assertNotNull(l, name + ": no layer for PyTorch's " + r.get("name").getAsString());
			List<Integer> out = new ArrayList<>();
			r.getAsJsonArray("output").forEach(d -> out.add(d.getAsInt()));
			List<Integer> ours = out.size() == 1 ? List.of(l.outChannels())
					: List.of(l.outChannels(), l.outHeight(), l.outWidth());
			if (!out.equals(ours) || macs != l.macs() || weights != l.weights()) {
				mismatches.add(op + ": PyTorch " + out + " " + macs + " MACs " + weights + " weights, HAO " + ours + " "
						+ l.macs() + " MACs " + l.weights() + " weights");
			}
		}
		se.forEach((owner, sum) -> {
			Layer s = byOp.get(owner);
			if (sum[0] != s.macs() || sum[1] != s.weights()) {
				mismatches.add(owner + " (squeeze-excite): PyTorch " + sum[0] + " MACs " + sum[1] + " weights, HAO "
						+ s.macs() + " MACs " + s.weights() + " weights");
			}
		});
		assertEquals(List.of(), mismatches, name);
		assertEquals(ref.get("total_macs").getAsLong(), x.macs(), name + " total MACs");
		assertEquals(ref.get("total_weights").getAsLong(), x.weights(), name + " total weights");
		List<Integer> out = new ArrayList<>();
		ref.getAsJsonArray("output").forEach(d -> out.add(d.getAsInt()));
		assertEquals(out, List.of(x.output().channels()), name + " output");
	}

	/**
	 * The predictor sees an imported MobileNetV2 (plain pointwise / depthwise ops) as the MBConv-written one: the same
	 * size features and nearly the same inverted-residual share (only the first block, which has no expand layer,
	 * is not recognised as one in the graph).
	 */
	@Test
	void predictorFeaturesOfAnImportedNetworkMatchTheWrittenOne() throws Exception {
		ImportedNetwork imported = OnnxImporter.read(fixtures().resolve("mobilenet_v2.onnx"),
				OnnxImporter.Subgraphs.STAGE);
		Features graph = AccuracyPredictor.featuresOf(NetworkExpander.expand(imported.network()));
		Features written = AccuracyPredictor.featuresOf(NetworkExpander.expand(Examples.mobileNetV2(null)));
		assertEquals(written.macsM(), graph.macsM(), 1e-9);
		assertEquals(written.paramsM(), graph.paramsM(), 1e-9);
		assertEquals(written.invertedResidual(), graph.invertedResidual(), 0.04); // block 1: 10 M of 301 M MACs
		assertTrue(graph.invertedResidual() > 0.85, "share " + graph.invertedResidual());
	}

	/**
	 * An op the importer does not read (Resize, from torch.nn.Upsample) is an error naming the node and its op type;
	 * the CLI exits with 2 and writes nothing.
	 */
	@Test
	void unsupportedNodeIsAnErrorWithExitTwo(@TempDir Path dir) {
		OnnxImportException e = org.junit.jupiter.api.Assertions.assertThrows(OnnxImportException.class,
				() -> OnnxImporter.read(fixtures().resolve("upsampler-unsupported.onnx"),
						OnnxImporter.Subgraphs.STAGE));
		assertEquals("node '/up/Resize' (Resize): op type not supported", e.getMessage());
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = HaoCli.run(new String[]{"import", fixtures().resolve("upsampler-unsupported.onnx").toString(), "-o",
				dir.resolve("s.hao").toString()}, new PrintWriter(out), new PrintWriter(err));
		assertEquals(2, code, err.toString());
		assertTrue(err.toString().contains(e.getMessage()), err.toString());
		assertTrue(!Files.exists(dir.resolve("s.hao")), "nothing written");
	}

	/** A split into unequal parts (torch.split into 8 and 24 channels) is an error naming the node, not read as halves. */
	@Test
	void unequalSplitIsAnError() {
		OnnxImportException e = org.junit.jupiter.api.Assertions.assertThrows(OnnxImportException.class,
				() -> OnnxImporter.read(fixtures().resolve("split-unequal.onnx"), OnnxImporter.Subgraphs.STAGE));
		assertEquals("node '/Split' (Split): split of 32 channels into [8, 24]: only equal parts that cover the"
				+ " channels are supported", e.getMessage());
	}

	@Test
	void cliWritesTheNetworkAndNoneKeepsOneSubgraph(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("resnet18.hao");
		StringWriter err = new StringWriter();
		int code = HaoCli.run(new String[]{"import", fixtures().resolve("resnet18.onnx").toString(), "-o",
				file.toString(), "--subgraphs", "none"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
		assertEquals(0, code, err.toString());
		String text = Files.readString(file);
		assertTrue(text.contains("subgraph body {"), text);
		assertTrue(text.contains("conv layer2_0_downsample_0 in layer1_1 out 128 kernel 1 stride 2 padding 0 act none"),
				text);
		assertEquals(1, text.split("subgraph ").length - 1, text);
	}
}
