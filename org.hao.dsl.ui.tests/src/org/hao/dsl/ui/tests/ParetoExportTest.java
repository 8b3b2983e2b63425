package org.hao.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IFile;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.SearchInput;
import org.hao.dsl.ui.pareto.ParetoView;
import org.hao.dsl.ui.pareto.PointExport;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.export.PointChoices;
import org.hao.engine.onnx.OnnxImporter;
import org.hao.engine.results.ParetoPoint;
import org.junit.jupiter.api.Test;

/**
 * Export... on a point of the Pareto view (toy example, after a real search): every frontier point's network is
 * written as PyTorch source and an ONNX graph; the ONNX file re-imports as the point's network (MACs, weights,
 * output), and where Debian's python3-torch is installed the module runs a forward pass with the point's weight count
 * and its bit-widths in CONFIG.
 */
class ParetoExportTest {

	private static final long TIMEOUT = 180_000;

	@Test
	void exportsEveryPointOfTheFrontier() throws Exception {
		IFile file = Ui.exampleIn("pareto-export", "toy.hao");
		SearchLaunches.withoutOldResults(file);
		ParetoView view = SearchLaunches.runAndWaitForPoints(file, "toy_zu3eg", TIMEOUT);
		var spec = new ModelMapper().toSearches(SearchInput.load(file, "toy_zu3eg")).get(0);
		ExpandedNetwork base = NetworkExpander.expand(spec.network());
		Path dir = Files.createTempDirectory("pareto-export");
		Set<Long> macs = new HashSet<>();
		for (int i = 0; i < view.results().points().size(); i++) {
			ParetoPoint point = view.results().points().get(i);
			view.select(i);
			Path py = dir.resolve("point" + (i + 1) + ".py");
			Path onnx = PointExport.onnxBeside(py);
			assertTrue(view.exportSelected(py, onnx), view.statusText());
			assertTrue(view.statusText().contains("exported point " + (i + 1)), view.statusText());
			ExpandedNetwork expected = NetworkExpander.expand(spec.network(), PointChoices.of(point));
			ExpandedNetwork back = NetworkExpander
					.expand(OnnxImporter.read(onnx, OnnxImporter.Subgraphs.STAGE).network());
			// the ONNX graph holds dense weights (pruning is the CONFIG's mask in the PyTorch module)
			assertEquals(expected.layers().stream().mapToLong(l -> l.denseMacs()).sum(), back.macs(),
					"point " + (i + 1));
			assertEquals(expected.layers().stream().mapToLong(l -> l.denseWeights()).sum(), back.weights(),
					"point " + (i + 1));
			assertEquals(expected.output(), back.output());
			macs.add(back.macs());
			if (i == view.results().chosen() || i == 0) {
				runsInPyTorch(py, point.config().subgraphs().get("body").weightBits());
			}
		}
		System.out.println(
				"PARETO-EXPORT " + view.results().points().size() + " points, MACs " + macs + ", base " + base.macs());
	}

	/** Loads the module with python3-torch (when installed), runs 1 x 3 x 32 x 32 and checks shape, weights, bits. */
	private static void runsInPyTorch(Path py, int bodyWeightBits) throws Exception {
		if (!pythonHasTorch()) {
			System.out.println("PARETO-EXPORT python3-torch not installed: forward pass skipped");
			return;
		}
		String script = """
				import importlib.util, sys, torch
				spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
				m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
				net = m.Toy().eval()
				with torch.no_grad():
				    y = net(torch.zeros(m.INPUT_SHAPE))
				w = sum(p.numel() for name, p in net.named_parameters() if name.endswith("weight"))
				bits = sorted({c["weight_bits"] for c in m.CONFIG.values()})
				print(list(y.shape), w == m.ENGINE_DENSE_WEIGHTS, bits)
				""";
		Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, py.toString()).redirectErrorStream(true)
				.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertTrue(p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), output);
		String last = output.lines().reduce((a, b) -> b).orElse("");
		assertTrue(last.startsWith("[1, 10] True ["), output);
		assertTrue(last.contains(String.valueOf(bodyWeightBits)), output);
	}

	private static boolean pythonHasTorch() {
		try {
			Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
		} catch (java.io.IOException | InterruptedException e) {
			return false;
		}
	}

	@Test
	void withoutASelectedPointNothingIsWritten() throws Exception {
		ParetoView view = (ParetoView) Ui.page().showView(ParetoView.ID);
		Path py = Files.createTempDirectory("pareto-export-none").resolve("none.py");
		view.showFile(Ui.exampleIn("pareto-export-none", "toy.hao"));
		assertFalse(view.exportSelected(py, PointExport.onnxBeside(py)));
		assertFalse(Files.exists(py));
	}
}
