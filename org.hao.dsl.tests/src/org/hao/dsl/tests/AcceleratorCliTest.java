package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Accelerators from the CLI: the DPU boards of the library, estimate --json, devices, calibrate (real SCIP, OSGi). */
class AcceleratorCliTest extends CliTestBase {

	private static Path examples() {
		return Path.of(System.getProperty("hao.examples.dir", "../examples"));
	}

	private static Path fidelity() {
		return examples().resolve("../releng/fidelity");
	}

	@Test
	void estimateOnADpuBoardWritesTheFiguresScriptsNeed() throws Exception {
		Path json = dir.resolve("e.json");
		int code = run("estimate", examples().resolve("mobilenetv2-zu3eg.hao").toString(), "--device",
				"Ultra96_DPU_B1600", "--json", json.toString());
		assertEquals(0, code, out + "\n" + err);
		JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		for (String k : new String[]{"network", "device", "accelerator", "latency_ms", "fps", "macs", "weights", "dsp",
				"bram18k", "lut", "energy_mj", "accuracy", "layers"}) {
			assertTrue(o.has(k), "missing " + k);
		}
		assertEquals("Ultra96_DPU_B1600", o.get("device").getAsString());
		JsonObject acc = o.getAsJsonObject("accelerator");
		assertEquals("overlay", acc.get("architecture").getAsString());
		assertEquals("DPU B1600", acc.get("name").getAsString());
		assertEquals(8, acc.getAsJsonObject("conv_engine").get("pp").getAsInt());
		assertEquals(10, acc.getAsJsonObject("conv_engine").get("icp").getAsInt());
		assertEquals(202, o.get("dsp").getAsInt()); // PG338 Table 9, B1600 low DSP usage
		assertEquals(300_774_272L, o.get("macs").getAsLong());
		JsonArray layers = o.getAsJsonArray("layers");
		long macs = 0;
		for (var e : layers) {
			JsonObject l = e.getAsJsonObject();
			for (String k : new String[]{"name", "kind", "input_shapes", "output_shape", "macs", "weights",
					"latency_ms", "engine"}) {
				assertTrue(l.has(k), "layer lacks " + k);
			}
			macs += l.get("macs").getAsLong();
		}
		assertEquals(300_774_272L, macs);
		assertEquals(1000 / o.get("latency_ms").getAsDouble(), o.get("fps").getAsDouble(), 1e-6);
	}

	@Test
	void devicesListsTheLibraryWithSources() {
		assertEquals(0, run("devices"));
		String text = out.toString();
		for (String board : new String[]{"Ultra96_DPU_B1600", "ZCU102_DPU_B4096", "ZCU104_DPU_B4096",
				"KV260_DPU_B4096"}) {
			assertTrue(text.contains(board), board + " missing:\n" + text);
		}
		assertTrue(text.contains("[PG338-T9]") && text.contains("CALIBRATED") && text.contains("[DS891]"), text);
		assertTrue(text.contains("overlay DPU B4096 (conv 8x16x16, depthwise 8x16, 3 cores)"), text);
		// the DPU catalogue: B512 ... B4096 with their engines and resources
		assertTrue(text.contains("DPU B512") && text.contains("conv 4x8x8") && text.contains("DPU B3136"), text);
	}

	/** The shipped calibration: every row fitted and predicted leave-one-out; rank order right on each board. */
	@Test
	void calibrateFitsTheShippedMeasurements() throws Exception {
		Path devices = dir.resolve("calibrated.hao");
		int code = run("calibrate", fidelity().resolve("calibration.csv").toString(), "-o", devices.toString());
		String text = out.toString();
		System.out.println(text);
		assertEquals(0, code, text + err);
		assertTrue(text.contains("leave-one-out: MAPE"), text);
		assertTrue(text.contains("rank order on ZCU102_DPU_B4096 (leave-one-out): right"), text);
		assertTrue(text.contains("rank order on ZCU104_DPU_B4096 (leave-one-out): right"), text);
		// the written devices are valid .hao and estimate again
		assertEquals(0, run("check", devices.toString()), out + "\n" + err);
	}

	/** A search's `architecture per-subgraph` on a device without a reconfiguration time is an error of `check`. */
	@Test
	void perSubgraphSearchNeedsTheDevicesReconfigurationTime() throws Exception {
		Path f = dir.resolve("persub.hao");
		Files.writeString(f,
				"device NoReconf fpga { dsp 360 bram18k 432 lut 70560 ff 141120 clock 200 MHz bandwidth 4.26 GB/s\n"
						+ "  packing { 16: 1, 8: 2 } power { static 1 W mac 1 pJ ddr 30 pJ/B } }\n"
						+ "network N { input 3 x 32 x 32 subgraph s { conv c out 16 kernel 3 stride 2 } }\n"
						+ "search s1 { network N device NoReconf\n  architecture per-subgraph }\n");
		assertEquals(1, run("check", f.toString()));
		assertTrue(
				out.toString().contains(f + ":5:")
						&& out.toString().contains("error: architecture per-subgraph reconfigures" + " 'NoReconf'"),
				out.toString());
		// with the library's ZU3EG (which gives 5.6 MB at 800 MB/s) it is valid, and estimate uses the search's architecture
		Files.writeString(f, Files.readString(f).replace("device NoReconf\n", "device ZU3EG\n"));
		Path json = dir.resolve("p.json");
		assertEquals(0, run("estimate", f.toString(), "--json", json.toString()), out + "\n" + err);
		assertTrue(Files.readString(json).contains("\"architecture\": \"per-subgraph\""), Files.readString(json));
	}

	/** `estimate --device` on a DPU board keeps the board's DPU, whatever architecture the search asks for. */
	@Test
	void aDeviceGivenOnTheCommandLineKeepsItsPinnedOverlay() throws Exception {
		Path f = dir.resolve("dataflow.hao");
		Files.writeString(f, "network N { input 3 x 32 x 32 subgraph s { conv c out 16 kernel 3 stride 2 } }\n"
				+ "search s1 { network N device ZU3EG\n  architecture dataflow }\n");
		Path json = dir.resolve("d.json");
		assertEquals(0, run("estimate", f.toString(), "--json", json.toString()), out + "\n" + err);
		assertTrue(Files.readString(json).contains("\"architecture\": \"dataflow\""), Files.readString(json));
		assertEquals(0, run("estimate", f.toString(), "--device", "Ultra96_DPU_B1600", "--json", json.toString()),
				out + "\n" + err);
		JsonObject acc = JsonParser.parseString(Files.readString(json)).getAsJsonObject()
				.getAsJsonObject("accelerator");
		assertEquals("overlay", acc.get("architecture").getAsString());
		assertEquals("DPU B1600", acc.get("name").getAsString());
	}

	@Test
	void badCalibrationRowsAreReportedWithTheirLine() throws Exception {
		Path csv = dir.resolve("bad.csv");
		Files.copy(fidelity().resolve("mobilenet-v1.hao"), dir.resolve("mobilenet-v1.hao"));
		Files.writeString(csv,
				"id,model,network,device,measured_ms,source\n"
						+ "a,mobilenet-v1.hao,MobileNetV1,ZCU102_DPU_B4096,3.27,x\n"
						+ "b,mobilenet-v1.hao,NoSuchNet,ZCU102_DPU_B4096,3.27,x\n"
						+ "c,mobilenet-v1.hao,MobileNetV1,ZU3EG,3.27,x\n"
						+ "d,mobilenet-v1.hao,MobileNetV1,ZCU102_DPU_B4096,fast,x\n");
		assertEquals(1, run("calibrate", csv.toString()));
		String e = err.toString();
		assertTrue(e.contains(csv + ":3: error: no network or search named 'NoSuchNet'"), e);
		assertTrue(e.contains(csv + ":4: error: ") && e.contains("no fixed accelerator"), e);
		assertTrue(e.contains(csv + ":5: error: measured_ms 'fast' is not a number"), e);
	}

	/**
	 * The published board power through hao calibrate --power: the idle and engine power it fits are the library's
	 * (cost-model.md section 6), and it says the per-MAC and per-byte energy are not determined by these rows.
	 */
	@Test
	void calibratePowerFitsThePublishedBoardPower() {
		assertEquals(0, run("calibrate", "--power", fidelity().resolve("power.csv").toString()), out + "\n" + err);
		String text = out.toString();
		for (String device : new String[]{"KV260_DPU_B4096", "ZCU102_DPU_B4096"}) {
			assertTrue(text.contains(device + " (board scope, 4 rows"), text);
		}
		assertTrue(text.contains("engines      0.0000 W    FITTED"), text); // KV260: the DPU adds what its MACs cost
		assertTrue(text.contains("engines      1.5021 W    FITTED"), text); // ZCU102: the library's 1.50 W per core
		assertTrue(text.contains("mac          2.0000 pJ   kept    (not determined by these rows"), text);
		assertTrue(text.contains("KV260-MNV1, KV260-MNV2, KV260-ResNet50 give the same power"), text);
		assertTrue(text.contains("power { scope board  static 9.6 W  engines 1.5021 W  mac 2 pJ  ddr 120 pJ/B }"),
				text);
	}

	@Test
	void badPowerRowsAreReportedWithTheirLine() throws Exception {
		Path csv = dir.resolve("power.csv");
		Files.copy(fidelity().resolve("mobilenet-v1.hao"), dir.resolve("mobilenet-v1.hao"));
		Files.writeString(csv,
				"id,model,network,device,busy,measured_w,source\n" + "a,mobilenet-v1.hao,-,KV260_DPU_B4096,0,9.15,x\n"
						+ "b,mobilenet-v1.hao,-,KV260_DPU_B4096,1,10.1,x\n"
						+ "c,mobilenet-v1.hao,MobileNetV1,KV260_DPU_B4096,two,10.1,x\n"
						+ "d,mobilenet-v1.hao,MobileNetV1,KV260_DPU_B4096,4,10.1,x\n"
						+ "e,mobilenet-v1.hao,MobileNetV1,KV260_DPU_B4096,1,-3,x\n");
		assertEquals(1, run("calibrate", "--power", csv.toString()));
		String e = err.toString();
		assertTrue(e.contains(csv + ":3: error: a row with busy engines needs the network they run"), e);
		assertTrue(e.contains(csv + ":4: error: busy 'two' is not a whole number of engines"), e);
		assertTrue(e.contains(csv + ":5: error: 4 busy engines, but KV260_DPU_B4096 has 1"), e);
		assertTrue(e.contains(csv + ":6: error: measured_w must be a positive number of watts"), e);
		assertEquals(2, run("calibrate", "--power", csv.toString(), "-o", dir.resolve("x.hao").toString()));
	}

	/** One busy core of a three-core DPU board has the DDR to itself: its rates are not those of three sharing it. */
	@Test
	void onlyTheBusyCoresShareTheDdr() throws Exception {
		Path csv = dir.resolve("cores.csv");
		Files.copy(fidelity().resolve("resnet50.hao"), dir.resolve("resnet50.hao"));
		Files.writeString(csv,
				"id,model,network,device,busy,measured_w,source\n" + "idle,resnet50.hao,-,ZCU102_DPU_B4096,0,9.6,x\n"
						+ "one,resnet50.hao,ResNet50,ZCU102_DPU_B4096,1,12.0,x\n"
						+ "three,resnet50.hao,ResNet50,ZCU102_DPU_B4096,3,16.4,x\n");
		assertEquals(0, run("calibrate", "--power", csv.toString()), out + "\n" + err);
		double one = rate(out.toString(), "one");
		double three = rate(out.toString(), "three");
		assertTrue(one > three * 1.2, "MB/s per engine: one busy " + one + ", three busy " + three);
	}

	/** The MB/s column of a row of calibrate --power's table. */
	private static double rate(String text, String id) {
		for (String line : text.split("\n")) {
			String[] f = line.trim().split("\\s+");
			if (f.length > 4 && f[0].equals(id)) {
				return Double.parseDouble(f[4]);
			}
		}
		throw new AssertionError("no row " + id + " in\n" + text);
	}

	/** CSV slips a spreadsheet makes: another separator, capitalised headers, a decimal comma, a repeated id. */
	@Test
	void measurementCsvSlipsAreNamed() throws Exception {
		Files.copy(fidelity().resolve("mobilenet-v1.hao"), dir.resolve("mobilenet-v1.hao"));
		Path semicolons = dir.resolve("semicolons.csv");
		Files.writeString(semicolons, "id;model;network;device;busy;measured_w;source\n");
		assertEquals(1, run("calibrate", "--power", semicolons.toString()));
		assertTrue(err.toString().contains("the columns are separated by ';'"), err.toString());
		Path upper = dir.resolve("upper.csv");
		Files.writeString(upper, "ID,model,network,device,busy,measured_w,source\n");
		assertEquals(1, run("calibrate", "--power", upper.toString()));
		assertTrue(err.toString().contains("missing column 'id' (found 'ID': column names are lower case)"),
				err.toString());
		Path slips = dir.resolve("slips.csv");
		Files.writeString(slips,
				"id,model,network,device,busy,measured_w,source\n" + "a,mobilenet-v1.hao,-,KV260_DPU_B4096,0,9,15,x\n"
						+ "b,mobilenet-v1.hao,-,KV260_DPU_B4096,0,9.15,x\n"
						+ "b,mobilenet-v1.hao,MobileNetV1,KV260_DPU_B4096,1,10.1,x\n");
		assertEquals(1, run("calibrate", "--power", slips.toString()));
		String e = err.toString();
		assertTrue(e.contains(slips + ":2: error: expected 7 columns, found 8 (a decimal comma?"), e);
		assertTrue(e.contains(slips + ":4: error: id 'b' is also on line 3"), e);
	}
}
