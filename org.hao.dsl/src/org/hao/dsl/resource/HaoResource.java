package org.hao.dsl.resource;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * The resource every .hao file is loaded through (CLI, builder, editor, imports). A UTF-16 file is not parsed (it
 * would give one lexer error per character): it loads as an empty model with one error on line 1 saying to save it
 * as UTF-8. UTF-8 byte-order marks and CR-only line ends are handled by the grammar's terminals.
 */
public class HaoResource extends LazyLinkingResource {

	@Override
	protected void doLoad(InputStream inputStream, Map<?, ?> options) throws IOException {
		InputStream in = inputStream.markSupported() ? inputStream : new BufferedInputStream(inputStream);
		in.mark(TextEncodingCheck.SAMPLE);
		byte[] head = in.readNBytes(TextEncodingCheck.SAMPLE);
		in.reset();
		String utf16 = TextEncodingCheck.utf16(head, head.length);
		if (utf16 == null) {
			super.doLoad(in, options);
			return;
		}
		super.doLoad(new ByteArrayInputStream(new byte[0]), options);
		getErrors().add(new EncodingDiagnostic(utf16));
	}

	/** "UTF-16LE" / "UTF-16BE" when {@code resource} was loaded from a UTF-16 file (and so holds no model), else null. */
	public static String unreadEncoding(Resource resource) {
		if (resource == null) {
			return null;
		}
		return resource.getErrors().stream().filter(EncodingDiagnostic.class::isInstance)
				.map(d -> ((EncodingDiagnostic) d).encoding).findFirst().orElse(null);
	}

	/** An error on line 1, column 1 of the file (named in full: Resource.Diagnostic, inherited, has the same simple name). */
	static final class EncodingDiagnostic implements org.eclipse.xtext.diagnostics.Diagnostic {
		private final String encoding;

		EncodingDiagnostic(String encoding) {
			this.encoding = encoding;
		}

		@Override
		public String getMessage() {
			return TextEncodingCheck.message(encoding);
		}

		@Override
		public String getLocation() {
			return null;
		}

		@Override
		public int getLine() {
			return 1;
		}

		@Override
		public int getColumn() {
			return 1;
		}

		@Override
		public int getOffset() {
			return 0;
		}

		@Override
		public int getLength() {
			return 0;
		}

		@Override
		public int getLineEnd() {
			return 1;
		}

		@Override
		public int getColumnEnd() {
			return 1;
		}
	}
}
