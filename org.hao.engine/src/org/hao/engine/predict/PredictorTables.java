package org.hao.engine.predict;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** How the predictor's CSV tables are read: one format, and the tables shipped in the engine bundle. */
final class PredictorTables {
	private PredictorTables() {
	}

	/** Header row, '#' comments, blank lines skipped, fields trimmed. */
	static CSVFormat format() {
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
				.setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();
	}

	/** What a reader does with the parsed table: check the header, read the records. */
	@FunctionalInterface
	interface TableBody {
		void read(CSVParser parser) throws IOException;
	}

	/**
	 * Parses {@code reader} in {@link #format()} and hands the parser to {@code body}; a read failure or a malformed
	 * file becomes a {@link PredictorDataException} naming {@code name}.
	 */
	static void parse(Reader reader, String name, TableBody body) {
		try (CSVParser parser = CSVParser.parse(reader, format())) {
			body.read(parser);
		} catch (IOException | UncheckedIOException e) {
			throw new PredictorDataException(name, 0, "cannot parse: " + e.getMessage());
		} catch (IllegalArgumentException | IllegalStateException e) {
			throw new PredictorDataException(name, 0, "malformed CSV: " + e.getMessage());
		}
	}

	/**
	 * Reads a table shipped in the bundle ({@code resource}, e.g. "/data/quant-drops.csv") as UTF-8.
	 *
	 * @param what the table's name in the error, e.g. "drop table"
	 * @throws IllegalStateException when the resource is missing or unreadable (a broken build)
	 */
	static <T> T readBuiltIn(String resource, String what, Function<Reader, T> read) {
		try (InputStream in = PredictorTables.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the built-in " + what + " " + resource
						+ " is not on the class path (bundle root of org.hao.engine)");
			}
			return read.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource + ": " + e, e);
		}
	}
}
