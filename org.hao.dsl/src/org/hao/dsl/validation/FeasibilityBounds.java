package org.hao.dsl.validation;

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
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * Proven lower bounds on latency and energy of any configuration of a network's search space on a device: the
 * smallest variant (smallest kernel, expansion, width and depth, strongest pruning, narrowest bits) run at the
 * device's peak throughput (every usable DSP busy, or the GPU at peak). A constraint beyond the bound cannot be met.
 */
final class FeasibilityBounds {

	/** @param macs MACs of the smallest variant; latencyMs, energyMj: lower bounds; peak: human-readable peak */
	record Bound(long macs, double latencyMs, double energyMj, String peak) {
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
	static Bound of(NetworkSpec network, Device device, Integer maxDsp) {
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
		long macs = NetworkExpander.expand(network, smallest).macs();
		int operandBits = Math.max(minWeightBits, minActivationBits);
		double macsPerSecond;
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
		} else {
			double gops = device.gpu().peakGops(operandBits);
			macsPerSecond = gops * 1e9 / 2; // 1 MAC = 2 ops
			peak = fmt(gops) + " GOPS peak at " + operandBits + " bit";
		}
		double latencyMs = macs / macsPerSecond * 1000;
		// static W x ms = mJ; dynamic energy per MAC scales with bits/8 (engine cost model)
		double dynamicMj = macs * device.power().picojoulesPerMac8() * Math.min(minWeightBits, minActivationBits) / 8.0
				* 1e-9;
		double energyMj = device.power().staticWatts() * latencyMs + dynamicMj;
		return new Bound(macs, latencyMs, energyMj, peak);
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
			addShortfalls(result, "the smallest overlay (conv and depthwise engines, buffer)", least.dsp(), least.bram18k(),
					dspLimit, bramLimit);
			return result;
		}
		FpgaCostModel cost = new FpgaCostModel(device);
		ParallelismChoice cheapest = new ParallelismChoice(1, 1);
		if (arch == ArchitectureKind.DATAFLOW) {
			int dsp = smallest.layers().stream().mapToInt(l -> cost.dsp(l, cheapest)).sum();
			int bram = smallest.layers().stream()
					.mapToInt(l -> Math.min(cost.bram18k(l, cheapest), cost.bram18k(l, cheapest.streamed()))).sum();
			addShortfalls(result, "the whole network's dataflow engines (every layer at its cheapest parallelism)", dsp, bram,
					dspLimit, bramLimit);
			return result;
		}
		for (ExpandedSubgraph sg : smallest.subgraphs()) {
			if (sg.layers().stream().anyMatch(l -> l.bits().maxBits() > f.widestPackedBits())) {
				continue; // reported as an unsupported bit-width
			}
			int dsp = sg.layers().stream().mapToInt(l -> cost.dsp(l, cheapest)).sum();
			// the fewest BRAM18K a layer can get by with: its weights on chip or streamed from DDR
			int bram = sg.layers().stream()
					.mapToInt(l -> Math.min(cost.bram18k(l, cheapest), cost.bram18k(l, cheapest.streamed()))).sum();
			addShortfalls(result, "subgraph '" + sg.name() + "' (every layer at its cheapest parallelism)", dsp, bram, dspLimit,
					bramLimit);
		}
		return result;
	}

	private static void addShortfalls(List<Shortfall> result, String what, int dsp, int bram, int dspLimit, int bramLimit) {
		if (dsp > dspLimit) {
			result.add(new Shortfall(what, "DSP", dsp, dspLimit));
		}
		if (bram > bramLimit) {
			result.add(new Shortfall(what, "BRAM18K", bram, bramLimit));
		}
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

	static String fmt(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format("%.3g", v);
	}
}
