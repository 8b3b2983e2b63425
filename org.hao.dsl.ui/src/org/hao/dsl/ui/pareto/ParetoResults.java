package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A results file read back for the view: the points, the chosen one, the constraints to draw. */
public record ParetoResults(String search, String device, List<Point> points, int chosen, Double minFps,
		Double maxLatencyMs, List<String> warnings, List<String> failures, boolean cancelled, boolean complete) {

	/** One point; {@code config} flattened to "a.b.c" keys for the table. */
	public record Point(double accuracy, double latencyMs, double fps, int dsp, int bram18k, int lut, double energyMj,
			Map<String, String> config) {

		/** Frames per joule (1000 / mJ per frame). */
		public double framesPerJoule() {
			return energyMj > 0 ? 1000 / energyMj : Double.POSITIVE_INFINITY;
		}

		/** Lower end of the accuracy interval (config accuracy_low), the accuracy when the file has none. */
		public double accuracyLow() {
			return configNumber("accuracy_low", accuracy);
		}

		/** Upper end of the accuracy interval (config accuracy_high), the accuracy when the file has none. */
		public double accuracyHigh() {
			return configNumber("accuracy_high", accuracy);
		}

		private double configNumber(String key, double dflt) {
			String v = config == null ? null : config.get(key);
			if (v == null || v.isEmpty()) {
				return dflt;
			}
			try {
				return Double.parseDouble(v);
			} catch (NumberFormatException e) {
				return dflt;
			}
		}
	}

	/** The latency the constraints allow (from max latency or min fps), or null. */
	public Double latencyBudgetMs() {
		Double fromFps = minFps == null || minFps <= 0 ? null : 1000 / minFps;
		if (fromFps == null) {
			return maxLatencyMs;
		}
		return maxLatencyMs == null ? fromFps : Math.min(fromFps, maxLatencyMs);
	}

	public static ParetoResults read(Path file) throws IOException {
		return readAll(file).get(0);
	}

	/**
	 * Every front of a results file: one for a search's results, one per device for a comparison (an object with a
	 * {@code results} array, whose search name and constraints sit at the top level).
	 */
	public static List<ParetoResults> readAll(Path file) throws IOException {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonObject o = JsonParser.parseReader(r).getAsJsonObject();
			if (!o.has("results")) {
				return List.of(front(o, o));
			}
			List<ParetoResults> fronts = new ArrayList<>();
			for (JsonElement e : o.getAsJsonArray("results")) {
				fronts.add(front(e.getAsJsonObject(), o));
			}
			if (fronts.isEmpty()) {
				throw new IllegalStateException("no device in the comparison");
			}
			return List.copyOf(fronts);
		} catch (RuntimeException e) {
			throw new IOException(file.getFileName() + " is not a HAO results file: " + e.getMessage(), e);
		}
	}

	/** One front: points from {@code o}, search name and constraints from {@code top} (the same object for a search). */
	private static ParetoResults front(JsonObject o, JsonObject top) {
		List<Point> points = new ArrayList<>();
		if (o.has("points") && o.get("points").isJsonArray()) {
			for (JsonElement e : o.getAsJsonArray("points")) {
				points.add(point(e.getAsJsonObject()));
			}
		}
		int chosen = -1;
		if (o.has("chosen") && o.get("chosen").isJsonObject()) {
			Point c = point(o.getAsJsonObject("chosen"));
			for (int i = 0; i < points.size(); i++) {
				if (points.get(i).accuracy() == c.accuracy() && points.get(i).latencyMs() == c.latencyMs()) {
					chosen = i;
				}
			}
		}
		JsonObject constraints = top.has("constraints") && top.get("constraints").isJsonObject()
				? top.getAsJsonObject("constraints") : new JsonObject();
		return new ParetoResults(string(top, "search"), string(o, "device"), List.copyOf(points), chosen,
				number(constraints, "min_fps"), number(constraints, "max_latency_ms"), strings(o, "warnings"),
				strings(o, "failures"), bool(o, "cancelled"), bool(o, "complete"));
	}

	private static Point point(JsonObject p) {
		Map<String, String> config = new LinkedHashMap<>();
		if (p.has("config")) {
			flatten("", p.get("config"), config);
		}
		return new Point(p.get("accuracy").getAsDouble(), p.get("latency_ms").getAsDouble(), p.get("fps").getAsDouble(),
				p.get("dsp").getAsInt(), p.get("bram18k").getAsInt(), p.get("lut").getAsInt(), p.get("energy_mj").getAsDouble(),
				config);
	}

	private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
		if (e == null || e.isJsonNull()) {
			out.put(prefix, "");
		} else if (e.isJsonObject()) {
			e.getAsJsonObject().entrySet().forEach(en -> flatten(prefix.isEmpty() ? en.getKey() : prefix + "." + en.getKey(), en.getValue(), out));
		} else if (e.isJsonArray()) {
			int i = 0;
			for (JsonElement x : e.getAsJsonArray()) {
				if (x.isJsonPrimitive()) {
					out.merge(prefix, x.getAsString(), (a, b) -> a + ", " + b);
				} else {
					flatten(prefix + "[" + i + "]", x, out);
				}
				i++;
			}
		} else {
			out.put(prefix, e.getAsString());
		}
	}

	private static String string(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
	}

	private static Double number(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsDouble() : null;
	}

	private static boolean bool(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonPrimitive() && o.get(key).getAsBoolean();
	}

	private static List<String> strings(JsonObject o, String key) {
		List<String> out = new ArrayList<>();
		if (o.has(key) && o.get(key).isJsonArray()) {
			o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
		}
		return out;
	}
}
