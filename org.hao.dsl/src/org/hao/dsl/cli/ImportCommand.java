package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.hao.engine.onnx.HaoText;
import org.hao.engine.onnx.ImportedNetwork;
import org.hao.engine.onnx.OnnxImportException;
import org.hao.engine.onnx.OnnxImporter;
import org.hao.engine.io.AtomicFiles;
import org.hao.engine.io.IoReason;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hao import MODEL.onnx [-o FILE.hao] [--subgraphs stage|none]}: an ONNX classifier as a .hao network
 * ({@link OnnxImporter}). Writes FILE.hao (atomically; then prints {@link #summary} on standard output) or prints the
 * network to standard output. Exit 0; 2 when the model cannot
 * be read or has an unsupported node (named with its op type on stderr); 1 when the written network does not
 * validate.
 */
@Command(name = "import", description = "Turn an ONNX model into a .hao network (Conv, Gemm, pools, Add, Concat,"
		+ " squeeze-excite, activations; opsets 11-18).")
public class ImportCommand extends ConsoleCommand {

	@Parameters(index = "0", paramLabel = "MODEL.onnx", description = "ONNX model (weights as initializers or graph inputs)")
	Path model;

	@Option(names = {"-o", "--output"}, paramLabel = "FILE.hao", description = "write here instead of standard output")
	Path output;

	@Option(names = "--subgraphs", paramLabel = "stage|none", defaultValue = "stage", description = "subgraphs: one per resolution stage (default) or none (one subgraph)")
	String subgraphs;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		OnnxImporter.Subgraphs mode;
		try {
			mode = OnnxImporter.Subgraphs.valueOf(subgraphs.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			err.println("hao: --subgraphs must be 'stage' or 'none', was '" + subgraphs + "'");
			return ExitCode.USAGE.code();
		}
		if (!new OutputFiles().input(model).output("-o", output).writable(err)) {
			return ExitCode.USAGE.code();
		}
		HaoModelLoader.checkReadable(model); // a named pipe would block the read; exit 2 with the reason otherwise
		ImportedNetwork imported;
		try {
			imported = OnnxImporter.read(model, mode);
		} catch (OnnxImportException e) {
			err.println("hao: " + model + ": " + e.getMessage());
			return ExitCode.USAGE.code();
		} catch (IOException e) {
			err.println("hao: cannot read " + model + ": " + IoReason.of(e));
			return ExitCode.USAGE.code();
		}
		String text = text(imported, model.getFileName().toString());
		if (output == null) {
			out.print(text);
			out.flush();
		} else {
			try {
				AtomicFiles.write(output, text);
			} catch (IOException e) {
				err.println("hao: cannot write " + output + ": " + IoReason.of(e));
				return ExitCode.USAGE.code();
			}
			out.println(summary(imported, output));
			out.flush();
		}
		return (validates(text, err) ? ExitCode.OK : ExitCode.FAILED).code();
	}

	/** {@code wrote net.hao: network N, 52 ops in 5 subgraphs (ONNX opset 13)}. */
	static String summary(ImportedNetwork imported, Path written) {
		var network = imported.network();
		int ops = network.subgraphs().stream().mapToInt(s -> s.ops().size()).sum();
		int subgraphs = network.subgraphs().size();
		return "wrote " + written + ": network " + network.name() + ", " + ops + (ops == 1 ? " op" : " ops") + " in "
				+ subgraphs + (subgraphs == 1 ? " subgraph" : " subgraphs") + " (ONNX opset " + imported.opset() + ")";
	}

	/** The .hao text of an imported network with a header naming its source and the import's notes. */
	public static String text(ImportedNetwork imported, String source) {
		List<String> header = new ArrayList<>();
		header.add("Imported by 'hao import' from " + source + " (ONNX opset " + imported.opset() + ").");
		java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		imported.notes().forEach(n -> counts.merge(n, 1, Integer::sum));
		counts.forEach((note, count) -> header.add("  " + count + " x " + note));
		Set<String> keywords = keywords();
		return HaoText.network(imported.network(), header, keywords::contains);
	}

	/** Every keyword of the language (names equal to one must be escaped). */
	public static Set<String> keywords() {
		IGrammarAccess grammar = HaoModelLoader.injector().getInstance(IGrammarAccess.class);
		return GrammarUtil.getAllKeywords(grammar.getGrammar());
	}

	/**
	 * Parses and validates the written text in memory (no temp file); prints its errors (a fault of the importer) on
	 * stderr.
	 */
	private static boolean validates(String text, PrintWriter err) {
		try {
			HaoModelLoader loader = new HaoModelLoader();
			var issues = loader.validate(loader.parse(text, "imported.hao")).stream()
					.filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
			issues.forEach(i -> err.println(
					"hao: the imported network does not validate: line " + i.getLineNumber() + ": " + i.getMessage()));
			return issues.isEmpty();
		} catch (IOException e) {
			err.println("hao: cannot check the imported network: " + e.getMessage());
			return false;
		}
	}
}
