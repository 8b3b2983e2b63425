package org.hao.dsl.lsp;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * LSP4J's message parser reads JSON leniently: a truncated or garbled message can come out as a "response" nobody
 * asked for and go unanswered. This one first checks that the message is one well-formed JSON object; if not, it
 * reports a JSON-RPC parse error (-32700) as an issue of a request, so the server answers with an error response
 * (carrying the message's id when one can be read from it, else null) and goes on serving.
 */
final class StrictMessageJsonHandler extends MessageJsonHandler {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+|\"[^\"]*\")");

	StrictMessageJsonHandler(Map<String, JsonRpcMethod> supportedMethods) {
		super(supportedMethods);
	}

	@Override
	public Message parseMessage(Reader reader) throws JsonParseException {
		String input;
		try {
			StringWriter text = new StringWriter();
			reader.transferTo(text);
			input = text.toString();
		} catch (IOException e) {
			throw new JsonParseException(e);
		}
		String problem = check(input);
		if (problem != null) {
			RequestMessage request = new RequestMessage();
			request.setJsonrpc("2.0");
			request.setMethod("(unparsable message)");
			Matcher id = ID.matcher(input);
			if (id.find()) {
				String raw = id.group(1);
				if (raw.startsWith("\"")) {
					request.setId(raw.substring(1, raw.length() - 1));
				} else {
					try {
						request.setId(Integer.parseInt(raw));
					} catch (NumberFormatException e) {
						request.setId(raw);
					}
				}
			}
			throw new MessageIssueException(request,
					new MessageIssue("Parse error: " + problem, ResponseErrorCode.ParseError.getValue()));
		}
		return super.parseMessage(new StringReader(input));
	}

	/** Null when {@code text} is exactly one JSON object, else what is wrong with it. */
	static String check(String text) {
		try (JsonReader reader = new JsonReader(new StringReader(text))) {
			reader.setStrictness(Strictness.STRICT);
			if (reader.peek() != JsonToken.BEGIN_OBJECT) {
				return "a JSON-RPC message must be a JSON object";
			}
			JsonParser.parseReader(reader);
			if (reader.peek() != JsonToken.END_DOCUMENT) {
				return "text after the JSON object";
			}
			return null;
		} catch (IOException | RuntimeException e) {
			return e.getMessage();
		}
	}
}
