package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.hao.dsl.cli.HaoCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A board with several DPU cores: the latency is one inference on one core, the frames per second every core busy
 * (the resources count every core too), checked against the vendor's multi-thread figures. Source of the measured
 * rows: Vitis AI model zoo README (Vitis AI 1.3, commit 00638091), "Performance on ZCU102 (0432055-05)", 3 x B4096
 * at 281 MHz, end-to-end throughput with one thread and with several threads (cf_resnet50_imagenet_224_224_7.7G,
 * cf_mobilenetv2_imagenet_224_224_0.59G). End to end includes the ARM cores' pre- and post-processing, which the DPU
 * model leaves out.
 */
class MultiCoreThroughputTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({"resnet50.hao, 70.8, 164.7", "mobilenet-v2.hao, 245.1, 712"})
	void threeCoresGiveTheVendorsMultiThreadThroughput(String file, double measuredSingle, double measuredMulti)
			throws Exception {
		Path json = dir.resolve(file + ".json");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Path hao = Path.of(System.getProperty("hao.examples.dir", "../examples")).resolve("../releng/fidelity")
				.resolve(file);
		int code = HaoCli.run(
				new String[]{"estimate", hao.toString(), "--device", "ZCU102_DPU_B4096", "--json", json.toString()},
				new PrintWriter(out, true), new PrintWriter(err, true));
		assertEquals(0, code, out + "\n" + err);
		JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		double single = 1000 / o.get("latency_ms").getAsDouble();
		double multi = o.get("fps").getAsDouble();
		System.out.printf(Locale.ROOT,
				"FIGURE multi-core %s ZCU102 3 x B4096: one core %.1f fps (measured %.1f, ratio %.2f), three cores %.1f fps"
						+ " (measured %.1f, ratio %.2f)%n",
				file, single, measuredSingle, single / measuredSingle, multi, measuredMulti, multi / measuredMulti);
		assertTrue(multi > single * 1.5 && multi <= single * 3 + 1e-6, "three cores, sharing DDR: " + multi);
		assertTrue(multi / measuredMulti > 0.8 && multi / measuredMulti < 1.35,
				"predicted " + multi + " fps against the measured " + measuredMulti);
	}
}
