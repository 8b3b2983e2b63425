package org.hao.dsl.ui.pareto;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.results.BitsConfig;
import org.hao.engine.results.LayerConfig;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.results.PointConfig;
import org.hao.engine.results.PredictionInfo;
import org.hao.engine.results.PruningConfig;
import org.hao.engine.results.SubgraphConfig;

/**
 * A point's configuration (the results model's {@link PointConfig}) as the tree the Pareto view shows: the device
 * (comparisons), the network with one node per subgraph (its chosen options and cost) holding that subgraph's layers
 * (shape, bits, engine, cost), the accelerator with its engines, buffer and resources, and the accuracy prediction. Units: ms, MHz, KiB, DSP slices, BRAM18K blocks, LUTs; numbers in {@link Locale#ROOT}.
 */
public final class ConfigTree {

	/** One row: a label, its value (may be empty) and the rows below it. */
	public record Node(String label, String value, List<Node> children) {

		static Node leaf(String label, String value) {
			return new Node(label, value, List.of());
		}

		/** The child with this label, or null. */
		public Node child(String label) {
			return children.stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
		}
	}

	private ConfigTree() {
	}

	/** The rows of {@code p}'s configuration; {@code device} (a comparison's front) first when not null. */
	public static List<Node> of(ParetoPoint p, String device) {
		List<Node> roots = new ArrayList<>();
		if (device != null) {
			roots.add(Node.leaf("device", device));
		}
		PointConfig c = p.config();
		if (c == null) {
			return roots;
		}
		roots.add(network(c));
		if (c.accelerator() != null) {
			roots.add(accelerator(c.accelerator()));
		}
		if (c.prediction() != null) {
			roots.add(prediction(c.prediction()));
		}
		return roots;
	}

	static Node accelerator(AcceleratorConfig a) {
		List<Node> rows = new ArrayList<>();
		add(rows, "architecture", a.architecture());
		if (a.name() != null && !a.name().equals(a.architecture())) {
			add(rows, "name", a.name());
		}
		add(rows, "chosen by", a.chosenBy());
		if (a.clockMhz() != null) {
			add(rows, "clock", fmt("%.0f MHz", a.clockMhz()));
		}
		add(rows, "cores", a.cores());
		if (a.datapathBits() != null) {
			add(rows, "datapath", a.datapathBits() + " bit");
		}
		if (a.convEngine() != null) {
			var e = a.convEngine();
			add(rows, "conv engine", e.pp() + "x" + e.icp() + "x" + e.ocp() + " (PPxICPxOCP)"
					+ resources(e.dsp(), e.bram18k(), e.lut()));
		}
		if (a.depthwiseEngine() != null) {
			var e = a.depthwiseEngine();
			add(rows, "depthwise engine",
					e.pp() + "x" + e.cp() + " (PPxCP)" + resources(e.dsp(), e.bram18k(), e.lut()));
		}
		if (a.featureBuffer() != null) {
			var b = a.featureBuffer();
			add(rows, "feature buffer", b.kib() + " KiB" + resources(b.dsp(), b.bram18k(), b.lut()));
		}
		if (a.layerOverheadCycles() != null) {
			add(rows, "overhead per layer", fmt("%.0f cycles", a.layerOverheadCycles()));
		}
		if (a.ddrEfficiency() != null) {
			add(rows, "DDR efficiency", fmt("%.2f", a.ddrEfficiency()));
		}
		if (a.depthwiseEfficiency() != null) {
			add(rows, "depthwise efficiency", fmt("%.2f", a.depthwiseEfficiency()));
		}
		if (a.throughputMs() != null) {
			add(rows, "time between frames", fmt("%.3f ms", a.throughputMs()));
		}
		if (a.reconfiguration() != null) {
			var r = a.reconfiguration();
			add(rows, "reconfiguration",
					fmt("%d per frame x %.1f ms = %.1f ms per frame", r.perFrame(), r.ms(), r.msPerFrame()));
		}
		if (a.engines() != null && !a.engines().isEmpty()) {
			List<Node> engines = new ArrayList<>();
			for (AcceleratorConfig.LayerEngine e : a.engines()) {
				engines.add(Node.leaf(e.layer(),
						e.pa() + "x" + e.pe() + " (PAxPE)" + resources(e.dsp(), e.bram18k(), e.lut())));
			}
			rows.add(new Node("engines", engines.size() + " (one per layer)", engines));
		}
		if (!"mobile GPU".equals(a.architecture())) {
			add(rows, "resources", a.dsp() + " DSP, " + a.bram18k() + " BRAM18K, " + a.lut() + " LUT"
					+ (a.resourcesFrom() == null ? "" : " (" + a.resourcesFrom() + ")"));
		}
		return new Node("accelerator", a.describe(), rows);
	}

	/** The network: subgraphs in network order, each with its layers (layers of no listed subgraph at the end). */
	static Node network(PointConfig c) {
		List<Node> rows = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		for (Map.Entry<String, SubgraphConfig> e : c.subgraphs().entrySet()) {
			List<Node> children = new ArrayList<>();
			for (LayerConfig l : c.layers()) {
				if (e.getKey().equals(l.subgraph())) {
					children.add(layer(l));
					placed.add(l.name());
				}
			}
			SubgraphConfig s = e.getValue();
			s.opBits().forEach((op, b) -> children.add(Node.leaf("op " + op, bits(b))));
			s.opPruning().forEach((op, pr) -> children.add(Node.leaf("op " + op, pruning(pr))));
			rows.add(new Node("subgraph " + e.getKey(), subgraph(s), children));
		}
		for (LayerConfig l : c.layers()) {
			if (!placed.contains(l.name())) {
				rows.add(layer(l));
			}
		}
		return new Node("network",
				fmt("%d layers, %.1f M MACs, %.2f M params", c.layers().size(), c.macs() / 1e6, c.params() / 1e6),
				rows);
	}

	static String subgraph(SubgraphConfig s) {
		List<String> parts = new ArrayList<>();
		if (s.mode() != null) {
			parts.add(s.mode().toLowerCase(Locale.ROOT));
		}
		if (s.kernel() != null) {
			parts.add("kernel " + s.kernel());
		}
		if (s.expansion() != null) {
			parts.add("expansion " + s.expansion());
		}
		parts.add(fmt("width %.2f", s.widthMultiplier()));
		if (s.depth() != null) {
			parts.add("depth " + s.depth());
		}
		parts.add("W" + s.weightBits() + "/A" + s.actBits());
		if (s.pruning() != null && s.pruning().ratio() > 0) {
			parts.add(pruning(s.pruning()));
		}
		parts.add(fmt("%.3f ms", s.latencyMs()));
		parts.add(s.dsp() + " DSP, " + s.bram18k() + " BRAM18K, " + s.lut() + " LUT");
		if (s.ilpStatus() != null) {
			parts.add("ILP " + s.ilpStatus());
		}
		return String.join(" · ", parts);
	}

	static Node layer(LayerConfig l) {
		List<String> parts = new ArrayList<>();
		String kind = l.kind() == null ? "" : l.kind().toLowerCase(Locale.ROOT);
		parts.add(l.kernel() > 0 ? kind + " " + l.kernel() + "x" + l.kernel() + "/" + l.stride() : kind);
		if (l.in() != null && l.out() != null) {
			parts.add(l.in() + " -> " + l.out());
		}
		if (l.inputs() != null && !l.inputs().isEmpty()) {
			parts.add("from " + String.join(", ", l.inputs()));
		}
		if (l.groups() != null) {
			parts.add(l.groups() + " groups");
		}
		if (l.activation() != null) {
			parts.add(l.activation());
		}
		parts.add("W" + l.weightBits() + "/A" + l.actBits());
		if (l.pruningRatio() > 0) {
			parts.add(fmt("pruned %.0f%%", 100 * l.pruningRatio()));
		}
		if (l.engine() != null) {
			parts.add(l.engine() + " engine");
		}
		if (l.pa() != null && l.pe() != null) {
			parts.add(l.pa() + "x" + l.pe() + " (PAxPE)");
		}
		if (l.weights() != null) {
			parts.add("weights " + l.weights().replace('_', '-'));
		}
		parts.add(fmt("%.3f ms", l.latencyMs()));
		if (l.dsp() > 0 || l.bram18k() > 0 || l.lut() > 0) {
			parts.add(l.dsp() + " DSP, " + l.bram18k() + " BRAM18K, " + l.lut() + " LUT");
		}
		return Node.leaf(l.name(), String.join(" · ", parts));
	}

	static Node prediction(PredictionInfo p) {
		List<Node> rows = new ArrayList<>();
		add(rows, "float top-1", fmt("%.2f %%", p.floatTop1()));
		add(rows, "quantization drop", fmt("%.2f points", p.quantizationDrop()));
		add(rows, "quantization", p.quantization());
		add(rows, "extrapolation", p.extrapolation());
		if (p.pruningDrop() != 0) {
			add(rows, "pruning drop", fmt("%.2f points", p.pruningDrop()));
			return new Node("prediction",
					fmt("%.2f %% - %.2f - %.2f", p.floatTop1(), p.quantizationDrop(), p.pruningDrop()), rows);
		}
		return new Node("prediction", fmt("%.2f %% - %.2f", p.floatTop1(), p.quantizationDrop()), rows);
	}

	private static String bits(BitsConfig b) {
		return "W" + b.weightBits() + "/A" + b.actBits();
	}

	private static String pruning(PruningConfig p) {
		return fmt("pruning %.0f%% of %dx%d blocks", 100 * p.ratio(), p.blockRows(), p.blockCols());
	}

	private static String resources(Integer dsp, Integer bram, Integer lut) {
		if (dsp == null && bram == null && lut == null) {
			return "";
		}
		return " · " + (dsp == null ? "-" : dsp) + " DSP, " + (bram == null ? "-" : bram) + " BRAM18K, "
				+ (lut == null ? "-" : lut) + " LUT";
	}

	private static void add(List<Node> rows, String label, Object value) {
		if (value != null) {
			rows.add(Node.leaf(label, String.valueOf(value)));
		}
	}

	private static String fmt(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}
}
