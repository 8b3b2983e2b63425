package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Network;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.LayerKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Every shipped example's base network (examples/*.hao, as written, INT8, unpruned) has the layers of its PyTorch
 * definition: fixtures/examples/NAME.json, written by releng/example-references from forward hooks on every Conv2d
 * and Linear of the module named in its "reference" field. In execution order, each HAO layer with MACs matches the
 * next PyTorch layer (a squeeze-excite layer the next two, its fc1 and fc2) in output shape, MACs and weights, and
 * the totals are equal. Every example has a reference.
 */
class ExamplesPyTorchTest {

	static Path references() {
		return OnnxImportTest.fixtures().getParent().resolve("examples");
	}

	@TestFactory
	Stream<DynamicTest> everyExampleEqualsItsPyTorchDefinition() throws IOException {
		return ExamplesTest.examples().stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> compare(file)));
	}

	private static void compare(Path file) throws Exception {
		String name = file.getFileName().toString().replaceFirst("\\.hao$", "");
		Path json = references().resolve(name + ".json");
		assertTrue(Files.exists(json), "no PyTorch reference for " + file + " (run releng/example-references)");
		JsonObject ref = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		Resource resource = new HaoModelLoader().load(file);
		Network network = (Network) HaoModelLoader.model(resource).getElements().stream()
				.filter(Network.class::isInstance).findFirst().orElseThrow();
		ExpandedNetwork x = NetworkExpander.expand(new ModelMapper().toNetwork(network, null));
		JsonArray torch = ref.getAsJsonArray("layers");
		List<String> mismatches = new ArrayList<>();
		int next = 0;
		for (Layer l : x.layers()) {
			if (l.denseMacs() == 0) {
				continue;
			}
			int count = l.kind() == LayerKind.SQUEEZE_EXCITE ? 2 : 1;
			if (next + count > torch.size()) {
				mismatches.add(l.name() + ": no PyTorch layer left");
				break;
			}
			long macs = 0;
			long weights = 0;
			List<Integer> out = List.of();
			String names = "";
			for (int i = 0; i < count; i++) {
				JsonObject r = torch.get(next++).getAsJsonObject();
				macs += r.get("macs").getAsLong();
				weights += r.get("weights").getAsLong();
				names += (i == 0 ? "" : "+") + r.get("name").getAsString();
				out = shape(r.getAsJsonArray("output"));
			}
			List<Integer> ours = l.kind() == LayerKind.SQUEEZE_EXCITE ? List.of(l.inChannels(), 1, 1) // fc2 gives the gate: channels x 1 x 1
					: out.size() == 1 ? List.of(l.outChannels())
					: List.of(l.outChannels(), l.outHeight(), l.outWidth());
			if (!out.equals(ours) || macs != l.macs() || weights != l.weights()) {
				mismatches.add(l.name() + " / " + names + ": PyTorch " + out + " " + macs + " MACs " + weights
						+ " weights, HAO " + ours + " " + l.macs() + " MACs " + l.weights() + " weights");
			}
		}
		assertEquals(List.of(), mismatches, name + " against " + ref.get("reference").getAsString());
		assertEquals(torch.size(), next, name + ": PyTorch layers without a HAO layer");
		assertEquals(ref.get("total_macs").getAsLong(), x.macs(), name + " total MACs");
		assertEquals(ref.get("total_weights").getAsLong(), x.weights(), name + " total weights");
		assertEquals(shape(ref.getAsJsonArray("output")).get(0), x.output().channels(), name + " output");
	}

	private static List<Integer> shape(JsonArray a) {
		List<Integer> s = new ArrayList<>();
		for (JsonElement e : a) {
			s.add(e.getAsInt());
		}
		return s;
	}
}
