package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.LayerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hao export --pytorch}: the written module loads in PyTorch (Debian's python3-torch; the test is skipped, not
 * passed, where it is not installed), runs a forward pass on 1 x C x H x W and has the engine's output shape and
 * weight count.
 */
class PyTorchExportTest {

	private static final String PYTHON = "/usr/bin/python3";

	static boolean torchAvailable() {
		return pythonHas("torch");
	}

	/** Whether Debian's python3 can import {@code module}. */
	static boolean pythonHas(String module) {
		try {
			Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
			return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (Exception e) {
			return false;
		}
	}

	@Test
	void mobileNetV2ExampleRunsInPyTorch(@TempDir Path dir) throws Exception {
		Path file = Path.of(System.getProperty("hao.examples.dir", "../examples"), "mobilenetv2-zu3eg.hao");
		check(file, dir, null);
	}

	@Test
	void graphNetworkRunsInPyTorch(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("graph.hao"), GraphSyntaxTest.GRAPH);
		check(file, dir, "Graph");
	}

	/**
	 * The Shown-by of issue 11: the MobileNetV2 example's chosen point (its bit-widths and pruning per layer in CONFIG)
	 * loads and runs in PyTorch with the dense weight count of the point's network (pruning is a mask on them).
	 */
	@Test
	void chosenPointOfTheMobileNetV2ExampleRunsInPyTorch(@TempDir Path dir) throws Exception {
		assumeTrue(torchAvailable(), "python3-torch is not installed (CI installs it)");
		Path file = Path.of(System.getProperty("hao.examples.dir", "../examples"), "mobilenetv2-zu3eg.hao");
		Path py = dir.resolve("chosen.py");
		StringWriter err = new StringWriter();
		int code = HaoCli.run(
				new String[]{"export", file.toString(), "--search", "mbv2_zu3eg_60fps", "--point", "chosen",
						"--time-limit", "60", "--pytorch", py.toString()},
				new PrintWriter(new StringWriter()), new PrintWriter(err));
		assertEquals(0, code, err.toString());
		String script = """
				import importlib.util, sys, torch
				spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
				m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
				net = m.MobileNetV2().eval()
				with torch.no_grad():
				    y = net(torch.zeros(m.INPUT_SHAPE))
				w = sum(p.numel() for name, p in net.named_parameters() if name.endswith("weight"))
				bits = sorted({c["weight_bits"] for c in m.CONFIG.values()})
				print(list(y.shape), w == m.ENGINE_DENSE_WEIGHTS, bits)
				""";
		Process p = new ProcessBuilder(PYTHON, "-c", script, py.toString()).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		p.waitFor(300, TimeUnit.SECONDS);
		assertEquals(0, p.exitValue(), output);
		String last = output.lines().reduce((a, b) -> b).orElse("");
		org.junit.jupiter.api.Assertions.assertTrue(last.startsWith("[1, 1000] True ["), output);
	}

	private static void check(Path file, Path dir, String network) throws Exception {
		assumeTrue(torchAvailable(), "python3-torch is not installed (CI installs it)");
		Path py = dir.resolve("exported.py");
		StringWriter err = new StringWriter();
		List<String> args = new java.util.ArrayList<>(List.of("export", file.toString(), "--pytorch", py.toString()));
		if (network != null) {
			args.addAll(List.of("--network", network));
		}
		int code = HaoCli.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
		assertEquals(0, code, err.toString());
		HaoModelLoader loader = new HaoModelLoader();
		Resource resource = loader.load(file);
		Network n = HaoModelLoader.model(resource).getElements().stream().filter(Network.class::isInstance)
				.map(Network.class::cast).filter(x -> network == null || x.getName().equals(network)).findFirst()
				.orElseThrow();
		ExpandedNetwork x = NetworkExpander.expand(new ModelMapper().toNetwork(n, null));
		String script = """
				import importlib.util, sys, torch
				spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
				m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
				net = getattr(m, sys.argv[2])().eval()
				with torch.no_grad():
				    y = net(torch.zeros(m.INPUT_SHAPE))
				w = sum(p.numel() for name, p in net.named_parameters() if name.endswith("weight"))
				print(list(y.shape), w)
				""";
		Process p = new ProcessBuilder(PYTHON, "-c", script, py.toString(), n.getName()).redirectErrorStream(true)
				.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		p.waitFor(300, TimeUnit.SECONDS);
		assertEquals(0, p.exitValue(), output + "\n" + Files.readString(py));
		String last = output.lines().reduce((a, b) -> b).orElse("");
		String shape = x.output().height() == 1 && x.output().width() == 1
				&& x.layers().get(x.layers().size() - 1).kind() == LayerKind.FULLY_CONNECTED
						? "[1, " + x.output().channels() + "]"
						: "[1, " + x.output().channels() + ", " + x.output().height() + ", " + x.output().width() + "]";
		assertEquals(shape + " " + x.weights(), last, output);
	}
}
