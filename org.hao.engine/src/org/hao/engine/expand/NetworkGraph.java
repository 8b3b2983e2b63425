package org.hao.engine.expand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hao.engine.model.Add;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.SubgraphSpec;

/**
 * The data-flow graph of a network description by op names: which ops each op reads (its named inputs, or the op
 * written before it), cycles, and ops whose output nobody reads. Works on names only, so it answers for networks
 * whose shapes do not fit.
 */
public final class NetworkGraph {
	private NetworkGraph() {
	}

	/** Every op in written order. */
	public static List<OpSpec> ops(NetworkSpec network) {
		return network.subgraphs().stream().flatMap(s -> s.ops().stream()).toList();
	}

	/** The names of every op. */
	public static Set<String> opNames(NetworkSpec network) {
		Set<String> names = new LinkedHashSet<>();
		ops(network).forEach(op -> names.add(op.name()));
		return names;
	}

	/**
	 * The op names (or {@link OpSpec#NETWORK_INPUT}) each op reads, in written order: its inputs (an ADD also its
	 * 'from'); with no inputs the op written before it comes first (the network input for the first op).
	 */
	public static Map<String, List<String>> reads(NetworkSpec network) {
		Map<String, List<String>> reads = new HashMap<>();
		String previous = OpSpec.NETWORK_INPUT;
		for (OpSpec op : ops(network)) {
			List<String> in = new ArrayList<>();
			if (op.inputs().isEmpty()) {
				in.add(previous);
			}
			in.addAll(op instanceof Add a ? a.operands() : op.inputs());
			reads.putIfAbsent(op.name(), List.copyOf(in));
			previous = op.name();
		}
		return reads;
	}

	/**
	 * A cycle through {@code op} as a list of names starting and ending with {@code op} (a reads b reads ... reads
	 * a), or an empty list when there is none.
	 */
	public static List<String> cycleThrough(NetworkSpec network, String op) {
		Map<String, List<String>> reads = reads(network);
		List<String> path = new ArrayList<>();
		path.add(op);
		return find(reads, op, op, path, new LinkedHashSet<>()) ? path : List.of();
	}

	private static boolean find(Map<String, List<String>> reads, String target, String at, List<String> path,
			Set<String> seen) {
		for (String next : reads.getOrDefault(at, List.of())) {
			if (next.equals(target)) {
				path.add(next);
				return true;
			}
			if (seen.add(next)) {
				path.add(next);
				if (find(reads, target, next, path, seen)) {
					return true;
				}
				path.remove(path.size() - 1);
			}
		}
		return false;
	}

	/**
	 * Ops whose output no op reads, except the network's last op (its output): dead branches, in written order.
	 */
	public static List<String> unusedOps(NetworkSpec network) {
		Set<String> read = new LinkedHashSet<>();
		reads(network).values().forEach(read::addAll);
		List<OpSpec> ops = ops(network);
		List<String> unused = new ArrayList<>();
		for (int i = 0; i < ops.size() - 1; i++) {
			if (!read.contains(ops.get(i).name())) {
				unused.add(ops.get(i).name());
			}
		}
		return unused;
	}

	/** The subgraph that holds op {@code name}, or null. */
	public static SubgraphSpec subgraphOf(NetworkSpec network, String name) {
		for (SubgraphSpec s : network.subgraphs()) {
			if (s.ops().stream().anyMatch(op -> op.name().equals(name))) {
				return s;
			}
		}
		return null;
	}
}
