package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.resource.Resource;
import org.hao.dsl.cli.HaoCli;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Network;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hao export --onnx}: the written graph re-imports ({@code hao import}) as the same network: the same
 * MAC layers in the same order with the same kinds, shapes, MACs and weights, and the same totals. Where Debian's
 * python3-onnx is installed, its checker also accepts the file.
 */
class OnnxExportTest {

	@Test
	void graphNetworkRoundTrips(@TempDir Path dir) throws Exception {
		roundTrip(Files.writeString(dir.resolve("graph.hao"), GraphSyntaxTest.GRAPH), "Graph", dir);
	}

	@Test
	void mobileNetV2ExampleRoundTrips(@TempDir Path dir) throws Exception {
		roundTrip(Path.of(System.getProperty("hao.examples.dir", "../examples"), "mobilenetv2-zu3eg.hao"), null, dir);
	}

	@Test
	void mnasNetWithSqueezeExciteRoundTrips(@TempDir Path dir) throws Exception {
		roundTrip(Path.of(System.getProperty("hao.examples.dir", "../examples"), "mnasnet-a1.hao"), null, dir);
	}

	private static void roundTrip(Path file, String network, Path dir) throws Exception {
		Path onnx = dir.resolve("exported.onnx");
		List<String> args = new java.util.ArrayList<>(List.of("export", file.toString(), "--onnx", onnx.toString()));
		if (network != null) {
			args.addAll(List.of("--network", network));
		}
		StringWriter err = new StringWriter();
		assertEquals(0,
				HaoCli.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err)),
				err.toString());
		Resource resource = new HaoModelLoader().load(file);
		Network n = HaoModelLoader.model(resource).getElements().stream().filter(Network.class::isInstance)
				.map(Network.class::cast).filter(x -> network == null || x.getName().equals(network)).findFirst()
				.orElseThrow();
		ExpandedNetwork original = NetworkExpander.expand(new ModelMapper().toNetwork(n, null));
		ExpandedNetwork back = NetworkExpander.expand(OnnxImporter.read(onnx, OnnxImporter.Subgraphs.STAGE).network());
		assertEquals(figures(original), figures(back));
		assertEquals(original.macs(), back.macs());
		assertEquals(original.weights(), back.weights());
		assertEquals(original.output(), back.output());
		if (PyTorchExportTest.pythonHas("onnx")) {
			Process p = new ProcessBuilder("/usr/bin/python3", "-c",
					"import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1])); print('ok')", onnx.toString())
					.redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			p.waitFor(120, TimeUnit.SECONDS);
			assertEquals("ok", out);
		}
	}

	/**
	 * Kind, output shape, MACs and weights of every layer with MACs, in execution order; convolutions of any kind are
	 * "conv" (a grouped conv with one channel per group comes back as a depthwise one, a 1x1 conv as a pointwise one).
	 */
	private static List<String> figures(ExpandedNetwork x) {
		return x.layers().stream().filter(l -> l.denseMacs() > 0).map(OnnxExportTest::figure).toList();
	}

	private static String figure(Layer l) {
		String kind = switch (l.kind()) {
			case CONV, POINTWISE, DEPTHWISE -> "conv";
			default -> l.kind().name();
		};
		return kind + " " + l.outChannels() + "x" + l.outHeight() + "x" + l.outWidth() + " " + l.macs() + " "
				+ l.weights();
	}
}
