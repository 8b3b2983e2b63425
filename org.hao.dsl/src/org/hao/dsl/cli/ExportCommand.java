package org.hao.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.export.NetworkExport;
import org.hao.engine.export.OnnxWriter;
import org.hao.engine.export.PointChoices;
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
 * depth, bit-width and pruning choices (the PyTorch CONFIG lists each layer's bits and pruning). Exit 0; 3 when the
 * search gives no such point;
 * 1 when the file does not validate; 2 when the network or search is not there or the output cannot be written.
 */
@Command(name = "export", description = "Write a network of a .hao file as a PyTorch nn.Module and/or an ONNX graph"
		+ " (base configuration).")
public class ExportCommand extends ConsoleCommand {

	@Parameters(index = "0", paramLabel = "FILE.hao")
	Path file;

	@Option(names = "--search", paramLabel = "NAME", description = "export the network of this search")
	String searchName;

	@Option(names = "--network", paramLabel = "NAME", description = "export this network (default: the file's only one)")
	String networkName;

	@Option(names = "--point", paramLabel = "N|chosen", description = "with --search: run the search and export its chosen point or point N of its frontier (1 = first row)")
	String point;

	@Option(names = "--time-limit", paramLabel = "S", description = "with --point: overrides the search's time limit (seconds)")
	Double timeLimit;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "with --point: worker threads (0 = all cores)")
	int threads;

	@Option(names = "--pytorch", paramLabel = "OUT.py", description = "PyTorch module source to write")
	Path pytorch;

	@Option(names = "--onnx", paramLabel = "OUT.onnx", description = "ONNX graph to write (weights as shaped graph inputs)")
	Path onnx;

	@Override
	protected int run(PrintWriter out, PrintWriter err) {
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
		if (network == null) {
			return ExitCode.USAGE.code();
		}
		ExpandedNetwork x;
		if (point != null) {
			if (searchName == null) {
				err.println("hao: --point needs --search NAME");
				return ExitCode.USAGE.code();
			}
			Search search = hao.search(searchName, err);
			x = pointNetwork(search, err);
			if (x == null) {
				return ExitCode.ENGINE_FAILURE.code();
			}
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
			err.println("hao: " + e.getMessage());
			return ExitCode.USAGE.code();
		}
		return ExitCode.OK.code();
	}

	/** Runs the search (its first device) and expands the network of the chosen point or of point N. */
	private ExpandedNetwork pointNetwork(Search search, PrintWriter err) {
		SearchSpec spec = new ModelMapper().toSearches(search).get(0);
		CancelToken cancel = new CancelToken();
		SearchResult r;
		try (CancelOnShutdown guard = CancelOnShutdown.install(cancel)) {
			r = SearchRunner.run(spec, new SearchOptions(threads, timeLimit), err, cancel);
		}
		ParetoPoint p;
		if (point.equals("chosen")) {
			p = r.chosen();
			if (p == null) {
				err.println("hao: search " + spec.name() + " has no chosen point (none meets the constraints)");
				return null;
			}
		} else {
			int n;
			try {
				n = Integer.parseInt(point);
			} catch (NumberFormatException e) {
				err.println("hao: --point must be 'chosen' or a row number, was '" + point + "'");
				return null;
			}
			if (n < 1 || n > r.points().size()) {
				err.println(
						"hao: search " + spec.name() + " has " + r.points().size() + " frontier points, no point " + n);
				return null;
			}
			p = r.points().get(n - 1);
		}
		return NetworkExpander.expand(spec.network(), PointChoices.of(p));
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
		err.println("hao: " + file + ": "
				+ (networkName == null ? "choose a network with --network or --search: "
						: "no network named '" + networkName + "'; networks: ")
				+ String.join(", ", all.stream().map(Network::getName).toList()));
		return null;
	}
}
