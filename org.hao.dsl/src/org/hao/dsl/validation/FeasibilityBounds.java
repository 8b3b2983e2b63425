package org.hao.dsl.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Resources;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.ilp.OverlayIlp;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.cost.LutMacs;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * Proven lower bounds on latency and energy of any configuration of a network's search space on a device: a lower
 * bound on the MACs of every configuration run at the device's peak throughput (every usable DSP busy, or the GPU at
 * peak). A constraint beyond the bound cannot be met.
 * <p>
 * The MAC bound is not simply the "smallest" variant: channel counts are rounded (MobileNet's make_divisible, see
 * {@code Channels.scale}), so a smaller width multiplier can give more channels (width 0.9 of 20 channels is 24, width
 * 1.0 keeps 20). Kernel, depth and pruning are monotone and taken at their cheapest; width and expansion are tried:
 * each subgraph's MACs depend only on its own choice and on its entry channels, which come from one earlier
 * subgraph's width. So for each subgraph, the earlier width that gives the fewest entry channels is found by trying
 * each earlier width option alone, then every width x expansion option of the subgraph itself is expanded, and the
 * bound is the sum over subgraphs of each one's fewest MACs (the sum of minima is at most the minimum of the sum).
 */
public final class FeasibilityBounds {

	/**
	 * @param macs a lower bound on the MACs per frame of every configuration; latencyMs (ms per inference),
	 *        intervalMs (ms between frames with every core of a multi-core accelerator busy: 1000 / the most fps; equal
	 *        to latencyMs on one core), energyMj (mJ per frame): lower bounds; peak: the device's peak throughput,
	 *        human-readable
	 */
	public record Bound(long macs, double latencyMs, double intervalMs, double energyMj, String peak) {
	}

	private FeasibilityBounds() {
	}

	/**
	 * What already needs more of a resource than is available with the smallest variant of the space and the cheapest
	 * hardware of the architecture (the smallest overlay; every layer at one lane): no configuration fits.
	 */
	record Shortfall(String what, String resource, int needed, int available) {
	}

	/** The bound, or null when the device table cannot run the narrowest bit-width (reported elsewhere). */
	public static Bound of(NetworkSpec network, Device device, Integer maxDsp) {
		Map<String, SubgraphChoice> smallest = smallestChoices(network);
		int minWeightBits = 32;
		int minActivationBits = 32;
		for (SubgraphChoice c : smallest.values()) {
			List<BitWidths> used = new ArrayList<>(c.opBits().values());
			used.add(c.bits());
			for (BitWidths b : used) {
				minWeightBits = Math.min(minWeightBits, b.weightBits());
				minActivationBits = Math.min(minActivationBits, b.activationBits());
			}
		}
		long macs = 0;
		for (List<ExpandedSubgraph> variants : variantsPerSubgraph(network, smallest)) {
			macs += variants.stream().mapToLong(ExpandedSubgraph::macs).min().orElse(0);
		}
		int operandBits = Math.max(minWeightBits, minActivationBits);
		double macsPerSecond;
		double throughputMacsPerSecond; // every core of a multi-core accelerator busy
		int busyCores = 1; // cores drawing engine power in that case
		String peak;
		if (device.kind() == DeviceKind.FPGA) {
			FpgaSpec f = device.fpga();
			if (operandBits > f.widestPackedBits()) {
				return null;
			}
			int dsp = maxDsp == null ? f.usableDsp() : Math.min(f.usableDsp(), maxDsp);
			int packing = f.macsPerDsp(operandBits);
			double clock = f.clockMhz();
			OverlaySpec overlay = device.architecture().overlay();
			if (overlay != null && overlay.clockMhz() != null) {
				clock = Math.max(clock, overlay.clockMhz());
			}
			macsPerSecond = (double) dsp * packing * clock * 1e6;
			peak = dsp + " DSP x " + packing + " MAC at " + fmt(clock) + " MHz";
			if (overlay != null && overlay.conv() != null && overlay.conv().lanes() * clock * 1e6 > macsPerSecond) {
				// a fixed accelerator may compute more MACs per DSP than the packing table (the DPU double-pumps its DSPs)
				macsPerSecond = overlay.conv().lanes() * clock * 1e6;
				peak = overlay.label() + " (" + overlay.conv().lanes() + " MACs per cycle) at " + fmt(clock) + " MHz";
			}
			throughputMacsPerSecond = macsPerSecond;
			if (overlay != null && overlay.conv() != null && overlay.cores() > 1) {
				// one inference runs on one core; frames run on every core at once
				double allCores = (double) overlay.cores() * overlay.conv().lanes() * clock * 1e6;
				if (allCores > macsPerSecond) {
					throughputMacsPerSecond = allCores;
					busyCores = overlay.cores();
				}
				peak += " per core, " + overlay.cores() + " cores";
			}
			BitWidths narrowest = new BitWidths(minWeightBits, minActivationBits);
			if (LutMacs.inLuts(narrowest)) {
				// binary / ternary layers may compute in LUTs (XNOR / popcount) beside the DSPs: both at once at most
				macsPerSecond += LutMacs.maxLanes(f, narrowest) * clock * 1e6;
				throughputMacsPerSecond += LutMacs.maxLanes(f, narrowest) * clock * 1e6;
				peak += " + " + LutMacs.maxLanes(f, narrowest) + " LUT MAC lanes at " + narrowest;
			}
		} else {
			double gops = device.gpu().peakGops(operandBits);
			macsPerSecond = gops * 1e9 / 2; // 1 MAC = 2 ops
			throughputMacsPerSecond = macsPerSecond;
			peak = plain(gops, RoundingMode.HALF_EVEN) + " GOPS peak at " + operandBits + " bit";
		}
		double latencyMs = macs / macsPerSecond * 1000;
		double intervalMs = macs / throughputMacsPerSecond * 1000;
		// static W x ms = mJ; dynamic energy per MAC scales with bits/8 (engine cost model)
		double dynamicMj = macs * device.power().picojoulesPerMac8() * Math.min(minWeightBits, minActivationBits) / 8.0
				* 1e-9;
		// the running power over the frame interval; several busy cores each draw the engine power
		double energyMj = (device.power().staticWatts() + busyCores * device.power().enginesWatts()) * intervalMs
				+ dynamicMj;
		return new Bound(macs, latencyMs, intervalMs, energyMj, peak);
	}

	/**
	 * Shortfalls of DSP / BRAM18K on an FPGA, by the engine's cost model for the device's architecture: the smallest
	 * overlay; or every layer's cheapest engine summed over the whole network (dataflow) or per subgraph (per-subgraph
	 * reconfiguration); empty for GPUs.
	 */
	static List<Shortfall> shortfalls(NetworkSpec network, Device device, Integer maxDsp, Integer maxBram18k) {
		if (device.kind() != DeviceKind.FPGA) {
			return List.of();
		}
		FpgaSpec f = device.fpga();
		int dspLimit = maxDsp == null ? f.usableDsp() : Math.min(f.usableDsp(), maxDsp);
		int bramLimit = maxBram18k == null ? f.usableBram18k() : Math.min(f.usableBram18k(), maxBram18k);
		List<Shortfall> result = new ArrayList<>();
		ExpandedNetwork smallest = NetworkExpander.expand(network, smallestChoices(network));
		if (smallest.layers().stream().anyMatch(l -> l.bits().maxBits() > f.widestPackedBits())) {
			return result; // reported as an unsupported bit-width
		}
		ArchitectureKind arch = device.architecture().kind();
		if (arch == ArchitectureKind.OVERLAY) {
			OverlayCostModel model = new OverlayCostModel(device, device.architecture().overlay());
			Resources least = OverlayIlp.leastResources(model, OverlayCostModel.datapathBits(smallest.layers()));
			OverlaySpec o = device.architecture().overlay();
			addShortfalls(result,
					o.pinned() ? "the overlay " + o.label() + " (its engines and buffer as given)"
							: "the smallest overlay (conv and depthwise engines, buffer)",
					least.dsp(), least.bram18k(), dspLimit, bramLimit);
			return result;
		}
		FpgaCostModel cost = new FpgaCostModel(device);
		ParallelismChoice cheapest = new ParallelismChoice(1, 1);
		// per subgraph, the fewest over its width and expansion options (channel rounding makes neither monotone)
		int totalDsp = 0;
		int totalBram = 0;
		List<Shortfall> perSubgraph = new ArrayList<>();
		for (List<ExpandedSubgraph> variants : variantsPerSubgraph(network, smallestChoices(network))) {
			if (variants.isEmpty() || variants.stream()
					.anyMatch(sg -> sg.layers().stream().anyMatch(l -> l.bits().maxBits() > f.widestPackedBits()))) {
				continue; // reported as an unsupported bit-width
			}
			int dsp = variants.stream().mapToInt(sg -> sg.layers().stream().mapToInt(l -> cost.dsp(l, cheapest)).sum())
					.min().orElseThrow();
			// the fewest BRAM18K a layer can get by with: its weights on chip or streamed from DDR
			int bram = variants.stream()
					.mapToInt(sg -> sg.layers().stream()
							.mapToInt(l -> Math.min(cost.bram18k(l, cheapest), cost.bram18k(l, cheapest.streamed())))
							.sum())
					.min().orElseThrow();
			totalDsp += dsp;
			totalBram += bram;
			addShortfalls(perSubgraph,
					"subgraph '" + variants.get(0).name() + "' (every layer at its cheapest parallelism)", dsp, bram,
					dspLimit, bramLimit);
		}
		if (arch == ArchitectureKind.DATAFLOW) {
			addShortfalls(result, "the whole network's dataflow engines (every layer at its cheapest parallelism)",
					totalDsp, totalBram, dspLimit, bramLimit);
			return result;
		}
		result.addAll(perSubgraph);
		return result;
	}

	private static void addShortfalls(List<Shortfall> result, String what, int dsp, int bram, int dspLimit,
			int bramLimit) {
		if (dsp > dspLimit) {
			result.add(new Shortfall(what, "DSP", dsp, dspLimit));
		}
		if (bram > bramLimit) {
			result.add(new Shortfall(what, "BRAM18K", bram, bramLimit));
		}
	}

	/**
	 * For each subgraph in network order, its expansions under every width x expansion option of its own (kernel,
	 * depth, pruning and bits at their cheapest), with the earlier subgraphs set so that its entry has the fewest
	 * channels. Variants that do not expand (a shape error) are left out; they are no configuration the search runs.
	 *
	 * @throws ShapeException when even the cheapest configuration does not expand
	 */
	static List<List<ExpandedSubgraph>> variantsPerSubgraph(NetworkSpec network, Map<String, SubgraphChoice> smallest) {
		List<SubgraphSpec> sgs = network.subgraphs();
		ExpandedNetwork cheapest = NetworkExpander.expand(network, smallest);
		List<Map<String, SubgraphChoice>> entries = fewestEntryChannels(network, smallest, cheapest);
		List<List<ExpandedSubgraph>> result = new ArrayList<>();
		for (int i = 0; i < sgs.size(); i++) {
			SubgraphSpec sg = sgs.get(i);
			SubgraphChoice c = smallest.get(sg.name());
			List<Double> widths = options(sg.space().widthMultipliers(), c.widthMultiplier());
			List<Integer> expansions = options(sg.space().expansions(), c.expansion());
			List<ExpandedSubgraph> variants = new ArrayList<>();
			if (widths.size() == 1 && expansions.size() == 1 && entries.get(i) == smallest) {
				variants.add(cheapest.subgraph(sg.name()));
				result.add(variants);
				continue;
			}
			for (double width : widths) {
				for (int expansion : expansions) {
					Map<String, SubgraphChoice> choices = new HashMap<>(entries.get(i));
					choices.put(sg.name(), new SubgraphChoice(c.kernel(), expansion, width, c.depth(), c.bits(),
							c.pruning(), c.opPruning(), c.opBits()));
					try {
						variants.add(NetworkExpander.expand(network, choices).subgraph(sg.name()));
					} catch (ShapeException e) {
						// this option does not expand: the search skips it too
					}
				}
			}
			result.add(variants);
		}
		return result;
	}

	/**
	 * For each subgraph, {@code smallest} with the one earlier subgraph width that gives it the fewest entry channels
	 * ({@code smallest} itself when no other width gives fewer). Each earlier width option is expanded once.
	 */
	private static List<Map<String, SubgraphChoice>> fewestEntryChannels(NetworkSpec network,
			Map<String, SubgraphChoice> smallest, ExpandedNetwork cheapest) {
		List<SubgraphSpec> sgs = network.subgraphs();
		List<Map<String, SubgraphChoice>> best = new ArrayList<>();
		int[] fewest = new int[sgs.size()];
		for (int i = 0; i < sgs.size(); i++) {
			best.add(smallest);
			fewest[i] = cheapest.subgraph(sgs.get(i).name()).input().channels();
		}
		for (int j = 0; j < sgs.size() - 1; j++) {
			SubgraphSpec earlier = sgs.get(j);
			SubgraphChoice c = smallest.get(earlier.name());
			for (double width : earlier.space().widthMultipliers()) {
				if (width == c.widthMultiplier()) {
					continue;
				}
				Map<String, SubgraphChoice> choices = new HashMap<>(smallest);
				choices.put(earlier.name(), new SubgraphChoice(c.kernel(), c.expansion(), width, c.depth(), c.bits(),
						c.pruning(), c.opPruning(), c.opBits()));
				ExpandedNetwork x;
				try {
					x = NetworkExpander.expand(network, choices);
				} catch (ShapeException e) {
					continue; // not a configuration the search runs
				}
				for (int i = j + 1; i < sgs.size(); i++) {
					int channels = x.subgraph(sgs.get(i).name()).input().channels();
					if (channels < fewest[i]) {
						fewest[i] = channels;
						best.set(i, choices);
					}
				}
			}
		}
		return best;
	}

	/** The options of a choice, or the one value the subgraph has when the space does not choose it. */
	private static <T> List<T> options(List<T> options, T fixed) {
		return options.isEmpty() ? List.of(fixed) : options;
	}

	static Map<String, SubgraphChoice> smallestChoices(NetworkSpec network) {
		Map<String, SubgraphChoice> smallest = new HashMap<>();
		for (SubgraphSpec sg : network.subgraphs()) {
			smallest.put(sg.name(), smallest(sg));
		}
		return smallest;
	}

	private static SubgraphChoice smallest(SubgraphSpec sg) {
		SubgraphSpace s = sg.space();
		int kernel = s.kernels().isEmpty() ? SubgraphChoice.KEEP : Collections.min(s.kernels());
		int expansion = s.expansions().isEmpty() ? SubgraphChoice.KEEP : Collections.min(s.expansions());
		int depth = s.depths().isEmpty() ? SubgraphChoice.KEEP : Collections.min(s.depths());
		double width = s.widthMultipliers().isEmpty() ? 1.0 : Collections.min(s.widthMultipliers());
		BitWidths bits = s.bitWidths().isEmpty() ? BitWidths.INT8 : narrowest(s.bitWidths());
		Pruning pruning = s.pruning().stream().max((a, b) -> Double.compare(a.ratio(), b.ratio())).orElse(Pruning.NONE);
		SubgraphChoice base = SubgraphChoice.base(sg);
		Map<String, Pruning> perOp = new HashMap<>();
		s.opPruning().forEach((op, options) -> perOp.put(op,
				options.stream().max((a, b) -> Double.compare(a.ratio(), b.ratio())).orElseThrow()));
		Map<String, BitWidths> perOpBits = new HashMap<>();
		s.opBits().forEach((op, options) -> perOpBits.put(op, narrowest(options)));
		return new SubgraphChoice(kernel == SubgraphChoice.KEEP ? base.kernel() : kernel,
				expansion == SubgraphChoice.KEEP ? base.expansion() : expansion, width,
				depth == SubgraphChoice.KEEP ? base.depth() : depth, bits, pruning, perOp, perOpBits);
	}

	/** The narrowest weight and the narrowest activation width of the options (a bound, maybe not an option). */
	private static BitWidths narrowest(List<BitWidths> options) {
		return new BitWidths(min(options.stream().map(BitWidths::weightBits).toList()),
				min(options.stream().map(BitWidths::activationBits).toList()));
	}

	private static int min(List<Integer> values) {
		return Collections.min(values);
	}

	/** A value the user wrote, in plain decimals (never an exponent): integers as they are, else 3 significant digits. */
	static String fmt(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : plain(v, RoundingMode.HALF_EVEN);
	}

	/**
	 * {@code v} to 3 significant digits in plain decimals (5910, 0.000123; never 5.91e+03), rounded in the direction
	 * {@code mode} so that a printed bound is still a bound: CEILING for "at most", FLOOR for "at least".
	 */
	public static String plain(double v, RoundingMode mode) {
		if (!Double.isFinite(v)) {
			return String.valueOf(v);
		}
		return new BigDecimal(v).round(new MathContext(3, mode)).stripTrailingZeros().toPlainString();
	}
}
