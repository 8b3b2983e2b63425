package org.hao.engine.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hao.engine.io.AtomicFiles;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;

/**
 * The one JSON mapping of the results model: record components in snake_case ({@code latencyMs} is
 * {@code latency_ms}), nulls written (every field is always present), pretty printed. A number that is not finite
 * (frames per joule of a device without power figures, the latency of a layer that does not fit) is written as
 * {@code null}, which every JSON reader accepts (RFC 8259 has no NaN or Infinity), and read back as NaN. Used by the
 * CLI, the reports and the IDE to write and to read.
 */
public final class ResultsJson {
	/**
	 * Version of the results format, written as {@code format_version}. 1: the first typed format (2026-11-30; before
	 * it, untyped maps without a version). 2: a point's {@code average_watts} (issue 16; a version-1 file reads with 0).
	 * 3: a number that is not finite is {@code null} (versions 1 and 2 wrote {@code Infinity} / {@code NaN}, which are
	 * not JSON; such files still read).
	 */
	public static final int FORMAT_VERSION = 3;

	/** A primitive double: written as null when not finite, read back from null as NaN. */
	private static final TypeAdapter<Double> PRIMITIVE = finiteOrNull(Double.NaN);
	/** A boxed Double (null means absent, e.g. no latency bound): null stays null. */
	private static final TypeAdapter<Double> BOXED = finiteOrNull(null);

	private static TypeAdapter<Double> finiteOrNull(Double fromNull) {
		return new TypeAdapter<>() {
			@Override
			public void write(JsonWriter out, Double value) throws IOException {
				if (value == null || !Double.isFinite(value)) {
					out.nullValue();
				} else {
					out.value(value);
				}
			}

			@Override
			public Double read(JsonReader in) throws IOException {
				if (in.peek() == JsonToken.NULL) {
					in.nextNull();
					return fromNull;
				}
				return in.nextDouble();
			}
		};
	}

	private static final Gson GSON = new GsonBuilder()
			.setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).setPrettyPrinting().serializeNulls()
			.registerTypeAdapter(double.class, PRIMITIVE).registerTypeAdapter(Double.class, BOXED).disableHtmlEscaping()
			.setStrictness(Strictness.LENIENT).create();

	private ResultsJson() {
	}

	/** The mapping, for writers of other documents built from these records (estimates, accelerator configs). */
	public static Gson gson() {
		return GSON;
	}

	public static String toJson(Object document) {
		return GSON.toJson(document);
	}

	/** Writes atomically: a crash or cancel never leaves half a file, and an existing file is kept until then. */
	public static void write(Object document, Path file) throws IOException {
		AtomicFiles.write(file, toJson(document));
	}

	/**
	 * Reads a results file or a comparison file; a search's file comes back as a comparison of one device (its search,
	 * file, objective and constraints at the top).
	 *
	 * @throws IOException when the file cannot be read or is not a HAO results file (the message says why)
	 */
	public static CompareDocument read(Path file) throws IOException {
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonObject o = JsonParser.parseReader(r).getAsJsonObject();
			if (o.has("results")) {
				CompareDocument c = GSON.fromJson(o, CompareDocument.class);
				if (c.results().isEmpty()) {
					throw new JsonParseException("no device in the comparison");
				}
				return c;
			}
			ResultsDocument d = GSON.fromJson(o, ResultsDocument.class);
			if (d.device() == null) {
				throw new JsonParseException("no device");
			}
			return new CompareDocument(d.formatVersion(), d.search(), d.file(), d.objective(), d.constraints(),
					List.of(d.device()), List.of(d));
		} catch (RuntimeException e) {
			throw new IOException(file.getFileName() + " is not a HAO results file: " + e.getMessage(), e);
		}
	}
}
