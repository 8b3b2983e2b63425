package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.export.NetworkExport;
import org.hao.engine.export.OnnxWriter;
import org.hao.engine.export.PointChoices;
import org.hao.engine.io.IoReason;
import org.hao.engine.io.WriteFailedException;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;
import org.hao.engine.export.PyTorchWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hao export FILE [--search NAME | --network NAME] [--pytorch OUT.py] [--onnx OUT.onnx]}: a network of the
 * file (its base configuration: as written, INT8, unpruned) as PyTorch {@code nn.Module} source
 * ({@link PyTorchWriter}) and / or an ONNX graph ({@link OnnxWriter}); with {@code --search NAME --point N|chosen}
 * the search runs first and the chosen point (or frontier row N) is exported with its kernel, expansion, width,
 * depth, bit-width and pruning choices (the PyTorch CONFIG lists each layer's bits and pruning). Prints one line per
 * file written (the file, the network, which configuration with its accuracy and latency, layers and subgraphs).
 * Exit 0; 1 when the file does not validate or the search has no chosen point (none meets the constraints); 3 when
 * the search gives no frontier point at all; 2 when the network or search is not there, {@code --point N} is beyond the frontier's points (the
 * message gives how many there are) or the output cannot be written; 130 when the search was cancelled.
 */
@Command(name = "export", description = "Write a network of a .hao file as a PyTorch nn.Module and/or an ONNX graph"
		+ " (base configuration).")
public class ExportCommand extends ConsoleCommand {

	@Parameters(index = "0", paramLabel = "FILE.hao", description = "the .hao file with the network")
	Path file;

	@Option(names = "--search", paramLabel = "NAME", description = "export the network of this search")
	String searchName;

	@Option(names = "--network", paramLabel = "NAME", description = "export this network (default: the file's only one)")
	String networkName;

	@Option(names = "--point", paramLabel = "N|chosen", description = "with --search: run the search and export its chosen point or point N of its frontier (1 = first row)")
	String point;

	@Option(names = "--time-limit", paramLabel = "S", converter = PositiveNumbers.Seconds.class, description = "with --point: overrides the search's time limit (seconds, more than 0)")
	Double timeLimit;

	@Option(names = "--threads", paramLabel = "N", converter = PositiveNumbers.Count.class, description = "with --point: worker threads (at least 1; default: all cores)")
	Integer threads;

	@Option(names = "--pytorch", paramLabel = "OUT.py", description = "PyTorch module source to write")
	Path pytorch;

	@Option(names = "--onnx", paramLabel = "OUT.onnx", description = "ONNX graph to write (weights as shaped graph inputs)")
	Path onnx;

	@Override
	protected int run(PrintWriter out, PrintWriter err) throws HaoModelLoader.LoadException {
		if (pytorch == null && onnx == null) {
			err.println("hao: export needs --pytorch OUT.py and/or --onnx OUT.onnx");
			return ExitCode.USAGE.code();
		}
		ValidatedFile hao = ValidatedFile.load(file, out);
		if (hao == null) {
			out.flush();
			return ExitCode.FAILED.code();
		}
		Network network = network(hao, err);
		if (network == null || !new OutputFiles().inputs(hao.files()).output("--pytorch", pytorch)
				.output("--onnx", onnx).writable(err)) {
			return ExitCode.USAGE.code();
		}
		ExpandedNetwork x;
		String which = "base configuration";
		if (point != null) {
			if (searchName == null) {
				err.println("hao: --point needs --search NAME");
				return ExitCode.USAGE.code();
			}
			Search search = hao.search(searchName, err);
			Exported p = pointNetwork(search, err);
			if (p.network() == null) {
				return p.failure().code();
			}
			x = p.network();
			which = p.which();
		} else {
			try {
				x = NetworkExpander.expand(new ModelMapper().toNetwork(network, null));
			} catch (MappingException | IllegalArgumentException e) {
				err.println("hao: network " + network.getName() + ": " + e.getMessage());
				return ExitCode.USAGE.code();
			}
		}
		try {
			NetworkExport.write(x, network.getName(), pytorch, onnx);
		} catch (IOException e) {
			err.println(
					"hao: " + (e instanceof WriteFailedException ? e.getMessage() : "cannot write: " + IoReason.of(e)));
			return ExitCode.USAGE.code();
		}
		for (Path written : new Path[]{pytorch, onnx}) {
			if (written != null) {
				out.println("wrote " + written + ": network " + network.getName() + ", " + which + ", "
						+ x.layers().size() + " layers in " + x.subgraphs().size() + " subgraphs");
			}
		}
		out.flush();
		return ExitCode.OK.code();
	}

	/** The network of a point (null, with the exit code, after printing why there is none) and how to name it. */
	private record Exported(ExpandedNetwork network, String which, ExitCode failure) {
		static Exported failed(ExitCode code) {
			return new Exported(null, null, code);
		}
	}

	/** Runs the search (its first device) and expands the network of the chosen point or of point N. */
	private Exported pointNetwork(Search search, PrintWriter err) {
		if (search == null) {
			return Exported.failed(ExitCode.USAGE);
		}
		int n = 0;
		if (!point.equals("chosen")) {
			try {
				n = Integer.parseInt(point);
			} catch (NumberFormatException e) {
				err.println("hao: --point must be 'chosen' or a row number, was '" + point + "'");
				return Exported.failed(ExitCode.USAGE);
			}
		}
		SearchSpec spec = new ModelMapper().toSearches(search).get(0);
		CancelToken cancel = new CancelToken();
		SearchResult r;
		try (CancelOnShutdown guard = CancelOnShutdown.install(cancel)) {
			r = SearchRunner.run(spec, new SearchOptions(threads == null ? 0 : threads, timeLimit), err, cancel);
		}
		if (r.cancelled()) {
			err.println("hao: search " + spec.name() + " cancelled; nothing exported");
			return Exported.failed(ExitCode.CANCELLED);
		}
		ParetoPoint p;
		String which;
		if (point.equals("chosen")) {
			p = r.chosen();
			if (p == null) {
				err.println("hao: search " + spec.name() + " has no chosen point (none meets the constraints)");
				return Exported.failed(ExitCode.FAILED);
			}
			which = "chosen point";
		} else {
			if (n < 1 || n > r.points().size()) {
				err.println("hao: --point " + n + ": search " + spec.name() + " has "
						+ (r.points().isEmpty() ? "no frontier points" : r.points().size() + (r.points().size() == 1
								? " frontier point (1)" : " frontier points (1-" + r.points().size() + ")")));
				// no frontier at all: the engine found nothing (as search's exit 3); else the number is wrong
				return Exported.failed(r.points().isEmpty() ? ExitCode.ENGINE_FAILURE : ExitCode.USAGE);
			}
			p = r.points().get(n - 1);
			which = "point " + n;
		}
		which += String.format(Locale.ROOT, " (accuracy %.2f%%, %.3f ms)", p.accuracy(), p.latencyMs());
		return new Exported(NetworkExpander.expand(spec.network(), PointChoices.of(p)), which, null);
	}

	private Network network(ValidatedFile hao, PrintWriter err) {
		if (searchName != null) {
			Search s = hao.search(searchName, err);
			return s == null ? null : ModelMapper.networkOf(s);
		}
		List<Network> all = hao.model.getElements().stream().filter(Network.class::isInstance).map(Network.class::cast)
				.toList();
		for (Network n : all) {
			if (n.getName().equals(networkName) || networkName == null && all.size() == 1) {
				return n;
			}
		}
		if (all.isEmpty()) {
			err.println("hao: " + file + ": no network in this file");
			return null;
		}
		err.println("hao: " + file + ": "
				+ (networkName == null ? "choose a network with --network or --search: "
						: "no network named '" + networkName + "'; networks: ")
				+ String.join(", ", all.stream().map(Network::getName).toList()));
		return null;
	}
}
