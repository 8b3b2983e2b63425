package org.hao.dsl.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.hao.dsl.ElementLabels;
import org.hao.dsl.hao.AcceleratorSpec;
import org.hao.dsl.hao.ActivationSpec;
import org.hao.dsl.hao.AddOp;
import org.hao.dsl.hao.BitsChoice;
import org.hao.dsl.hao.Choice;
import org.hao.dsl.hao.ConcatOp;
import org.hao.dsl.hao.Constraint;
import org.hao.dsl.hao.ConvOp;
import org.hao.dsl.hao.DepthChoice;
import org.hao.dsl.hao.DepthwiseOp;
import org.hao.dsl.hao.ArchitectureLit;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Efficiency;
import org.hao.dsl.hao.ExecMode;
import org.hao.dsl.hao.ExpansionChoice;
import org.hao.dsl.hao.FirstLastLit;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.FullyConnectedOp;
import org.hao.engine.arch.Architecture;
import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.arch.ConvEngine;
import org.hao.engine.arch.DepthwiseEngine;
import org.hao.engine.arch.DpuConfigurations;
import org.hao.engine.arch.FixedResources;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Overheads;
import org.hao.engine.arch.Reconfiguration;
import org.hao.dsl.hao.GpuDevice;
import org.hao.dsl.hao.GranularityLit;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.InputRef;
import org.hao.dsl.hao.InputShape;
import org.hao.dsl.hao.KernelChoice;
import org.hao.dsl.hao.LayerChoices;
import org.hao.dsl.hao.LayerKindLit;
import org.hao.dsl.hao.MBConvOp;
import org.hao.dsl.hao.MaxEnergy;
import org.hao.dsl.hao.MaxLatency;
import org.hao.dsl.hao.MaxResource;
import org.hao.dsl.hao.MinAccuracy;
import org.hao.dsl.hao.MinFps;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.ObjectiveLit;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.Packing;
import org.hao.dsl.hao.PaddingSpec;
import org.hao.dsl.hao.Peak;
import org.hao.dsl.hao.PointwiseOp;
import org.hao.dsl.hao.PoolKindLit;
import org.hao.dsl.hao.PoolOp;
import org.hao.dsl.hao.Power;
import org.hao.dsl.hao.PruneChoice;
import org.hao.dsl.hao.QuantMethodLit;
import org.hao.dsl.hao.QuantizationSpec;
import org.hao.dsl.hao.ReconfigurationSpec;
import org.hao.dsl.hao.ScalesLit;
import org.hao.dsl.hao.SeReferenceLit;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.ShuffleOp;
import org.hao.dsl.hao.Space;
import org.hao.dsl.hao.SpaceEntry;
import org.hao.dsl.hao.SplitOp;
import org.hao.dsl.hao.SqueezeExciteOp;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.hao.SubgraphChoices;
import org.hao.dsl.hao.WidthChoice;
import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FpgaSpec;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Padding;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.PowerModel;
import org.hao.engine.model.PowerScope;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Quantization;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.SeReference;
import org.hao.engine.model.Shape;
import org.hao.engine.model.Shuffle;
import org.hao.engine.model.Split;
import org.hao.engine.model.SqueezeExcite;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.hao.engine.predict.DropModel;

/**
 * The one place that knows both the EMF model of .hao files and the engine's plain records. Stateless. Every
 * failure is a {@link MappingException} naming the element, never an engine IllegalArgumentException.
 */
public class ModelMapper {

	// ------------------------------------------------------------------ devices

	public Device toDevice(DeviceDecl device) {
		try {
			PowerModel power = toPower(device.getPower());
			if (device instanceof FpgaDevice fpga) {
				return new Device(device.getName(), DeviceKind.FPGA, toFpga(fpga), null, power, toArchitecture(fpga));
			}
			GpuDevice gpu = (GpuDevice) device;
			return new Device(device.getName(), DeviceKind.MOBILE_GPU, null, toGpu(gpu), power);
		} catch (IllegalArgumentException e) {
			throw new MappingException(device, "device " + device.getName() + ": " + e.getMessage(), e);
		}
	}

	private FpgaSpec toFpga(FpgaDevice d) {
		Map<Integer, Integer> packing = new LinkedHashMap<>();
		for (Packing p : d.getPacking()) {
			packing.put(required(p.getBits(), p, "bits"), required(p.getMacsPerDsp(), p, "MACs per DSP"));
		}
		if (packing.isEmpty()) {
			throw new MappingException(d, "FPGA device " + d.getName() + " needs a 'packing' table");
		}
		return new FpgaSpec(required(d.getDsp(), d, "dsp"), required(d.getBram18k(), d, "bram18k"),
				required(d.getLut(), d, "lut"), required(d.getFf(), d, "ff"), required(d.getClockMhz(), d, "clock"),
				required(d.getBandwidthGBps(), d, "bandwidth"),
				orDefault(d.getUtilizationCap(), HaoDefaults.UTILIZATION_CAP), packing);
	}

	/** The device's accelerator: its `accelerator` block, else an overlay with free engine sizes. */
	public Architecture toArchitecture(FpgaDevice d) {
		AcceleratorSpec a = d.getAccelerator();
		Reconfiguration reconfig = toReconfiguration(d);
		if (a == null) {
			return Architecture.FREE_OVERLAY;
		}
		try {
			return switch (a.getKind()) {
				case DATAFLOW -> Architecture.DATAFLOW;
				case PER_SUBGRAPH -> {
					if (reconfig == null) {
						throw new MappingException(a, "device " + d.getName() + ": per-subgraph reconfiguration needs a"
								+ " 'reconfiguration { bitstream ... MB port ... MB/s }' block (its time per switch)");
					}
					yield Architecture.perSubgraph(reconfig);
				}
				case OVERLAY -> Architecture.overlay(toOverlay(a));
			};
		} catch (IllegalArgumentException e) {
			throw new MappingException(a, "device " + d.getName() + ": " + e.getMessage(), e);
		}
	}

	/** An overlay block; a name of the DPU catalogue ("DPU B1600") supplies the engines and resources not written. */
	private static OverlaySpec toOverlay(AcceleratorSpec a) {
		DpuConfigurations.Config dpu = DpuConfigurations.get(a.getName());
		ConvEngine conv = a.getConv() != null ? new ConvEngine(a.getConv().getPp(), a.getConv().getIcp(),
				a.getConv().getOcp()) : dpu == null ? null : dpu.conv();
		DepthwiseEngine dw = a.getDepthwise() != null ? new DepthwiseEngine(a.getDepthwise().getPp(),
				a.getDepthwise().getCp()) : dpu == null ? null : dpu.depthwise();
		Integer buffer = a.getBufferKiB() != null ? a.getBufferKiB() : dpu == null ? null : Integer.valueOf(0);
		Overheads d = Overheads.DPU_FITTED;
		Overheads o = new Overheads(orDefault(a.getOverheadCycles(), d.layerOverheadCycles()),
				orDefault(a.getDdrEfficiency(), d.ddrEfficiency()),
				orDefault(a.getDepthwiseEfficiency(), d.depthwiseEfficiency()));
		FixedResources fixed = a.getFixedDsp() != null ? new FixedResources(a.getFixedDsp(), a.getFixedBram18k(),
				a.getFixedLut()) : dpu == null ? null : dpu.resources();
		return new OverlaySpec(a.getName(), conv, dw, a.getClockMhz(), orDefault(a.getCores(), 1), buffer, o, fixed);
	}

	private static Reconfiguration toReconfiguration(FpgaDevice d) {
		ReconfigurationSpec r = d.getReconfiguration();
		if (r == null || r.getBitstreamMB() == null || r.getPortMBps() == null) {
			return null;
		}
		return new Reconfiguration(r.getBitstreamMB() * 1e6, r.getPortMBps());
	}

	/** The engine device a search runs on: the device with the search's `architecture`, if it names one. */
	public Device searchDevice(Search search, DeviceDecl device) {
		return withSearchArchitecture(search, toDevice(device), device);
	}

	/** A search's `architecture` overrides the device's accelerator (an overlay device keeps its own overlay). */
	private Device withSearchArchitecture(Search search, Device device, DeviceDecl source) {
		if (!search.eIsSet(HaoPackage.Literals.SEARCH__ARCHITECTURE) || !(source instanceof FpgaDevice fpga)) {
			return device;
		}
		if (fpga.getAccelerator() != null && fpga.getAccelerator().getKind() == ArchitectureLit.OVERLAY) {
			// a device that pins an overlay (a DPU board) keeps it: the validator flags the search's line
			// (architecturePinned); `hao estimate --device` on such a board estimates the board as built
			return device;
		}
		return switch (search.getArchitecture()) {
			case DATAFLOW -> device.withArchitecture(Architecture.DATAFLOW);
			case OVERLAY -> device.architecture().kind() == ArchitectureKind.OVERLAY ? device
					: device.withArchitecture(Architecture.FREE_OVERLAY);
			case PER_SUBGRAPH -> {
				Reconfiguration r = toReconfiguration(fpga);
				if (r == null) {
					throw new MappingException(search, "search " + search.getName()
							+ ": architecture per-subgraph needs device " + fpga.getName()
							+ " to give its reconfiguration time (reconfiguration { bitstream ... MB port ... MB/s })");
				}
				yield device.withArchitecture(Architecture.perSubgraph(r));
			}
		};
	}

	private GpuSpec toGpu(GpuDevice d) {
		Map<Integer, Double> peaks = new LinkedHashMap<>();
		for (Peak p : d.getPeaks()) {
			peaks.put(required(p.getBits(), p, "bits"), required(p.getGops(), p, "GOPS"));
		}
		Map<LayerKind, Double> efficiency = new EnumMap<>(LayerKind.class);
		for (Efficiency e : d.getEfficiencies()) {
			efficiency.put(toLayerKind(e.getKind()), required(e.getValue(), e, "efficiency"));
		}
		if (peaks.isEmpty()) {
			throw new MappingException(d, "GPU device " + d.getName() + " needs a 'peak' table");
		}
		if (efficiency.isEmpty()) {
			throw new MappingException(d, "GPU device " + d.getName() + " needs an 'efficiency' table");
		}
		return new GpuSpec(peaks, required(d.getBandwidthGBps(), d, "bandwidth"), efficiency,
				orDefault(d.getPruningEfficiency(), HaoDefaults.GPU_PRUNING_EFFICIENCY),
				orDefault(d.getLaunchOverheadUs(), HaoDefaults.GPU_LAUNCH_OVERHEAD_US));
	}

	/** A device without a power block has zero energy (the validator warns about it). */
	private static PowerModel toPower(Power p) {
		if (p == null) {
			return new PowerModel(0, 0, 0);
		}
		return new PowerModel(orDefault(p.getStaticWatts(), 0.0), orDefault(p.getPicojoulesPerMac8(), 0.0),
				orDefault(p.getPicojoulesPerDdrByte(), 0.0), orDefault(p.getEnginesWatts(), 0.0), toScope(p));
	}

	/** The power figures' scope; unspecified when the block has no {@code scope}. */
	private static PowerScope toScope(Power p) {
		return p.isScopeChip() ? PowerScope.CHIP : p.isScopeRail() ? PowerScope.RAIL
				: p.isScopeBoard() ? PowerScope.BOARD : PowerScope.UNSPECIFIED;
	}

	public static LayerKind toLayerKind(LayerKindLit kind) {
		return switch (kind) {
			case CONV -> LayerKind.CONV;
			case DEPTHWISE -> LayerKind.DEPTHWISE;
			case POINTWISE -> LayerKind.POINTWISE;
			case FC -> LayerKind.FULLY_CONNECTED;
			case POOL -> LayerKind.POOL;
			case ADD -> LayerKind.ADD;
			case SE -> LayerKind.SQUEEZE_EXCITE;
		};
	}

	// ------------------------------------------------------------------ networks

	/** The network with the search space of {@code space} (may be null: every subgraph keeps its base values). */
	public NetworkSpec toNetwork(Network network, Space space) {
		if (network.getInput() == null) {
			throw new MappingException(network, "network " + network.getName() + " needs an 'input' shape");
		}
		InputShape in = network.getInput();
		List<SubgraphSpec> subgraphs = new ArrayList<>();
		for (Subgraph sg : network.getSubgraphs()) {
			List<OpSpec> ops = new ArrayList<>();
			for (Op op : sg.getOps()) {
				ops.add(toOp(op));
			}
			try {
				subgraphs.add(new SubgraphSpec(sg.getName(), toMode(sg.getMode()), ops, toSpace(space, sg)));
			} catch (IllegalArgumentException e) {
				throw new MappingException(sg, e.getMessage(), e);
			}
		}
		try {
			return new NetworkSpec(network.getName(), new Shape(required(in.getChannels(), in, "channels"),
					required(in.getHeight(), in, "height"), required(in.getWidth(), in, "width")), subgraphs);
		} catch (IllegalArgumentException e) {
			throw new MappingException(network, "network " + network.getName() + ": " + e.getMessage(), e);
		}
	}

	private static ExecutionMode toMode(ExecMode mode) {
		return mode == ExecMode.PIPELINED ? ExecutionMode.PIPELINED : ExecutionMode.SEQUENTIAL;
	}

	public OpSpec toOp(Op op) {
		try {
			return switch (op) {
				case ConvOp c -> new Conv(c.getName(), required(c.getOutChannels(), c, "out"),
						required(c.getKernel(), c, "kernel"), orDefault(c.getStride(), HaoDefaults.STRIDE),
						orDefault(c.getGroups(), 1), orDefault(c.getDilation(), 1), toPadding(c.getPadding()),
						toActivation(c.getActivation(), HaoDefaults.CONV_ACTIVATION), inputs(c.getInput()));
				case DepthwiseOp d -> new Depthwise(d.getName(), required(d.getKernel(), d, "kernel"),
						orDefault(d.getStride(), HaoDefaults.STRIDE), orDefault(d.getDilation(), 1),
						toPadding(d.getPadding()), toActivation(d.getActivation(), HaoDefaults.CONV_ACTIVATION),
						inputs(d.getInput()));
				case PointwiseOp p ->
					new Pointwise(p.getName(), required(p.getOutChannels(), p, "out"), orDefault(p.getGroups(), 1),
							toActivation(p.getActivation(), HaoDefaults.CONV_ACTIVATION), inputs(p.getInput()));
				case FullyConnectedOp f -> new FullyConnected(f.getName(), required(f.getOutFeatures(), f, "out"),
						toActivation(f.getActivation(), Activation.NONE), inputs(f.getInput()));
				case PoolOp p -> toPool(p);
				case AddOp a -> new Add(a.getName(), a.getFrom() == null ? null : referencedName(a, a.getFrom()),
						toActivation(a.getActivation(), Activation.NONE), inputs(a.getInputs()));
				case MBConvOp m -> new MBConv(m.getName(), required(m.getExpansion(), m, "expand"),
						required(m.getKernel(), m, "kernel"), orDefault(m.getStride(), HaoDefaults.STRIDE),
						required(m.getOutChannels(), m, "out"), m.isSe(), orDefault(m.getRepeat(), HaoDefaults.REPEAT),
						orDefault(m.getSeRatio(), MBConv.SE_RATIO),
						m.getSeReference() == SeReferenceLit.EXPANDED ? SeReference.EXPANDED : SeReference.BLOCK_INPUT,
						toActivation(m.getActivation(), HaoDefaults.MBCONV_ACTIVATION), inputs(m.getInput()));
				case ConcatOp c -> new Concat(c.getName(), inputs(c.getInputs()));
				case SplitOp sp -> new Split(sp.getName(), required(sp.getPart(), sp, "part"),
						required(sp.getParts(), sp, "part I of N"), inputs(sp.getInput()));
				case ShuffleOp sh ->
					new Shuffle(sh.getName(), required(sh.getGroups(), sh, "groups"), inputs(sh.getInput()));
				case SqueezeExciteOp se ->
					new SqueezeExcite(se.getName(), required(se.getHiddenWidth(), se, "hidden"), inputs(se.getInput()));
				default -> throw new MappingException(op, "unknown op " + op.eClass().getName());
			};
		} catch (IllegalArgumentException e) {
			throw new MappingException(op, "op " + op.getName() + ": " + e.getMessage(), e);
		}
	}

	private static Pool toPool(PoolOp p) {
		PoolKind kind = p.getKind() == PoolKindLit.MAX ? PoolKind.MAX : PoolKind.AVG;
		if (p.isGlobal()) {
			return new Pool(p.getName(), kind, 1, 1, true, Padding.SAME, false, inputs(p.getInput()));
		}
		int kernel = required(p.getKernel(), p, "kernel");
		// pooling stride defaults to the window size (non-overlapping windows)
		return new Pool(p.getName(), kind, kernel, orDefault(p.getStride(), kernel), false, toPadding(p.getPadding()),
				p.isCeilMode(), inputs(p.getInput()));
	}

	/** The op names an op reads ({@link OpSpec#NETWORK_INPUT} for {@code in input}); empty: the previous op. */
	private static List<String> inputs(List<InputRef> refs) {
		List<String> names = new ArrayList<>(refs.size());
		for (InputRef ref : refs) {
			names.addAll(inputs(ref));
		}
		return names;
	}

	private static List<String> inputs(InputRef ref) {
		if (ref == null) {
			return List.of();
		}
		if (ref.isNetworkInput()) {
			return List.of(OpSpec.NETWORK_INPUT);
		}
		return List.of(referencedName(ref, ref.getOp()));
	}

	/** 'same' when absent; one number = all sides, two = vertical, horizontal, four = top, left, bottom, right. */
	public static Padding toPadding(PaddingSpec p) {
		if (p == null || p.isSame()) {
			return Padding.SAME;
		}
		if (p.isValid()) {
			return Padding.VALID;
		}
		List<Integer> px = p.getPixels();
		return switch (px.size()) {
			case 1 -> Padding.of(px.get(0));
			case 2 -> Padding.of(px.get(0), px.get(1));
			case 4 -> new Padding(Padding.Mode.EXPLICIT, px.get(0), px.get(1), px.get(2), px.get(3));
			default -> throw new MappingException(p, "padding takes 1, 2 or 4 numbers (all sides; vertical, horizontal;"
					+ " top, left, bottom, right), got " + px.size());
		};
	}

	public static Activation toActivation(ActivationSpec spec, Activation dflt) {
		if (spec == null || spec.getKind() == null) {
			return dflt;
		}
		return switch (spec.getKind()) {
			case NONE -> Activation.NONE;
			case RELU -> Activation.RELU;
			case RELU6 -> Activation.RELU6;
			case HSWISH -> Activation.HSWISH;
			case HSIGMOID -> Activation.HSIGMOID;
			case SILU -> Activation.SILU;
			case SIGMOID -> Activation.SIGMOID;
		};
	}

	private static String referencedName(EObject owner, Op target) {
		if (target == null || target.eIsProxy() || target.getName() == null) {
			throw new MappingException(owner, "unresolved reference to an op");
		}
		return target.getName();
	}

	// ------------------------------------------------------------------ spaces

	/**
	 * The choices of one subgraph: a {@code subgraph all} entry applies to every subgraph, an entry naming the
	 * subgraph replaces it per kind of choice. Several {@code prune} lines add up.
	 */
	public SubgraphSpace toSpace(Space space, Subgraph subgraph) {
		if (space == null) {
			return SubgraphSpace.NONE;
		}
		Map<Class<?>, List<Choice>> byKind = new LinkedHashMap<>();
		collect(space, subgraph, true, byKind);
		collect(space, subgraph, false, byKind);
		List<Integer> kernels = new ArrayList<>();
		List<Integer> expansions = new ArrayList<>();
		List<Double> widths = new ArrayList<>();
		List<Integer> depths = new ArrayList<>();
		Set<BitWidths> bits = new LinkedHashSet<>();
		Set<Pruning> pruning = new LinkedHashSet<>();
		byKind.values().forEach(choices -> choices.forEach(choice -> {
			switch (choice) {
				case KernelChoice k -> kernels.addAll(k.getValues());
				case ExpansionChoice e -> expansions.addAll(e.getValues());
				case WidthChoice w -> widths.addAll(w.getValues());
				case DepthChoice d -> depths.addAll(d.getValues());
				case BitsChoice b -> bits.addAll(toBits(b));
				case PruneChoice p -> pruning.addAll(toPruning(p));
				default -> throw new MappingException(choice, "unknown choice " + choice.eClass().getName());
			}
		}));
		try {
			return new SubgraphSpace(distinct(kernels), distinct(expansions), distinct(widths), distinct(depths),
					List.copyOf(bits), List.copyOf(pruning), opPruning(space, subgraph), opBits(space, subgraph));
		} catch (IllegalArgumentException e) {
			throw new MappingException(space,
					"space " + space.getName() + ", subgraph " + subgraph.getName() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Block-pruning options of single ops of {@code subgraph}: the {@code prune} lines of {@code layer} entries naming
	 * an op of this subgraph (several lines add up, as for subgraphs).
	 */
	static Map<String, List<Pruning>> opPruning(Space space, Subgraph subgraph) {
		return perOp(space, subgraph, c -> c instanceof PruneChoice p ? toPruning(p) : List.of());
	}

	/** Bit-width options of single ops of {@code subgraph}: the {@code bits} lines of {@code layer} entries. */
	static Map<String, List<BitWidths>> opBits(Space space, Subgraph subgraph) {
		return perOp(space, subgraph, c -> c instanceof BitsChoice b ? toBits(b) : List.of());
	}

	/** The options {@code optionsOf} finds in the {@code layer} entries naming ops of this subgraph, per op. */
	private static <T> Map<String, List<T>> perOp(Space space, Subgraph subgraph, Function<Choice, List<T>> optionsOf) {
		Map<String, Set<T>> byOp = new LinkedHashMap<>();
		for (SpaceEntry entry : space.getEntries()) {
			if (!(entry instanceof LayerChoices lc)) {
				continue;
			}
			for (Op op : lc.getOps()) {
				if (op == null || op.eIsProxy() || !subgraph.getOps().contains(op)) {
					continue;
				}
				for (Choice choice : lc.getChoices()) {
					List<T> options = optionsOf.apply(choice);
					if (!options.isEmpty()) {
						byOp.computeIfAbsent(op.getName(), k -> new LinkedHashSet<>()).addAll(options);
					}
				}
			}
		}
		Map<String, List<T>> result = new LinkedHashMap<>();
		byOp.forEach((op, options) -> result.put(op, List.copyOf(options)));
		return result;
	}

	private static void collect(Space space, Subgraph subgraph, boolean allEntries,
			Map<Class<?>, List<Choice>> byKind) {
		for (SpaceEntry entry : space.getEntries()) {
			if (!(entry instanceof SubgraphChoices sc) || sc.isAll() != allEntries
					|| (!allEntries && !sc.getSubgraphs().contains(subgraph))) {
				continue;
			}
			Map<Class<?>, List<Choice>> here = new LinkedHashMap<>();
			for (Choice choice : sc.getChoices()) {
				here.computeIfAbsent(kindOf(choice), k -> new ArrayList<>()).add(choice);
			}
			byKind.putAll(here);
		}
	}

	private static Class<?> kindOf(Choice choice) {
		return choice.eClass().getInstanceClass();
	}

	public static List<BitWidths> toBits(BitsChoice b) {
		List<BitWidths> result = new ArrayList<>();
		for (Integer w : b.getWeights()) {
			for (Integer a : b.getActivations()) {
				if (w == null || a == null) {
					continue;
				}
				try {
					result.add(new BitWidths(w, a));
				} catch (IllegalArgumentException e) {
					throw new MappingException(b, e.getMessage(), e);
				}
			}
		}
		return result;
	}

	public static List<Pruning> toPruning(PruneChoice p) {
		List<Pruning> result = new ArrayList<>();
		for (Double ratio : p.getRatios()) {
			try {
				result.add(ratio == 0 ? Pruning.NONE
						: new Pruning(required(p.getRows(), p, "rows"), required(p.getCols(), p, "cols"), ratio));
			} catch (IllegalArgumentException e) {
				throw new MappingException(p, e.getMessage(), e);
			}
		}
		return result;
	}

	private static <T> List<T> distinct(List<T> values) {
		return List.copyOf(new LinkedHashSet<>(values));
	}

	// ------------------------------------------------------------------ searches

	/** The network a search runs on: written directly or taken from its space. */
	public static Network networkOf(Search search) {
		if (search.getNetwork() != null) {
			return search.getNetwork();
		}
		return search.getSpace() == null ? null : search.getSpace().getNetwork();
	}

	public Constraints toConstraints(Search search) {
		Double minFps = null;
		Double maxLatency = null;
		Integer maxDsp = null;
		Integer maxBram = null;
		Integer maxLut = null;
		Double minAccuracy = null;
		Double maxEnergy = null;
		for (Constraint c : search.getConstraints()) {
			switch (c) {
				case MinFps f -> minFps = f.getValue();
				case MaxLatency l -> maxLatency = l.getValue();
				case MinAccuracy a -> minAccuracy = a.getValue();
				case MaxEnergy e -> maxEnergy = e.getValue();
				case MaxResource r -> {
					switch (r.getResource()) {
						case DSP -> maxDsp = r.getValue();
						case BRAM18K -> maxBram = r.getValue();
						case LUT -> maxLut = r.getValue();
					}
				}
				default -> throw new MappingException(c, "unknown constraint " + c.eClass().getName());
			}
		}
		try {
			return new Constraints(minFps, maxLatency, maxDsp, maxBram, maxLut, minAccuracy, maxEnergy);
		} catch (IllegalArgumentException e) {
			throw new MappingException(search, "search " + search.getName() + ": " + e.getMessage(), e);
		}
	}

	public static Objective toObjective(ObjectiveLit objective) {
		return switch (objective) {
			case ACCURACY -> Objective.MAX_ACCURACY;
			case LATENCY -> Objective.MIN_LATENCY;
			case ENERGY -> Objective.MIN_ENERGY;
		};
	}

	/** One search spec per device the search names (several devices = a comparison). */
	public List<SearchSpec> toSearches(Search search) {
		if (search.getDevices().isEmpty()) {
			throw new MappingException(search, "search " + search.getName() + " names no device");
		}
		return search.getDevices().stream().map(d -> toSearch(search, d)).toList();
	}

	public SearchSpec toSearch(Search search, DeviceDecl device) {
		Network network = networkOf(search);
		if (network == null || network.eIsProxy()) {
			throw new MappingException(search, "search " + search.getName() + " names no network (or space)");
		}
		if (device == null || device.eIsProxy()) {
			throw new MappingException(search, "search " + search.getName() + ": unresolved device");
		}
		NetworkSpec networkSpec = toNetwork(network, search.getSpace());
		try {
			return new SearchSpec(search.getName(), networkSpec,
					withSearchArchitecture(search, toDevice(device), device), toObjective(search.getObjective()),
					toConstraints(search), predictorCsv(search),
					search.getSeed() == null ? HaoDefaults.SEED : search.getSeed(),
					orDefault(search.getTimeLimitSeconds(), HaoDefaults.TIME_LIMIT_SECONDS), toQuantization(search));
		} catch (IllegalArgumentException e) {
			throw new MappingException(search, "search " + search.getName() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The search's quantization block as the engine's method; defaults ({@link Quantization#DEFAULT})
	 * for what it does not say, the sensitivity CSV resolved like the predictor table. An algorithm without a method
	 * implies its method (lsq: qat); a method without an algorithm takes the method's default algorithm.
	 *
	 * @throws MappingException for an unknown algorithm word or one of the other method (qat with adaround)
	 */
	public static Quantization toQuantization(Search search) {
		QuantizationSpec q = search.getQuantization();
		if (q == null) {
			return Quantization.DEFAULT;
		}
		Quantization.Algorithm algorithm = q.getAlgorithm() == null ? null
				: Quantization.Algorithm.ofWord(q.getAlgorithm());
		if (q.getAlgorithm() != null && algorithm == null) {
			throw new MappingException(q, "search " + search.getName() + ": unknown quantization algorithm '"
					+ q.getAlgorithm() + "' (one of " + DropModel.algorithmWords() + ")");
		}
		Quantization.Training training;
		if (methodWritten(q)) {
			training = q.getMethod() == QuantMethodLit.PTQ ? Quantization.Training.PTQ : Quantization.Training.QAT;
		} else {
			training = algorithm == null ? Quantization.Training.QAT : algorithm.training();
		}
		return new Quantization(training, q.getFirstLast() != FirstLastLit.SAME,
				q.getGranularity() == GranularityLit.PER_TENSOR ? Quantization.Granularity.PER_TENSOR
						: Quantization.Granularity.PER_CHANNEL,
				q.getScales() == ScalesLit.POW2 ? Quantization.Scales.POWER_OF_TWO : Quantization.Scales.FLOAT,
				sensitivityCsv(search), algorithm);
	}

	/**
	 * True when the quantization block writes a method: 'method qat' is the default literal, which EMF's eIsSet does
	 * not tell from an absent method, so the parse tree is asked.
	 */
	public static boolean methodWritten(QuantizationSpec q) {
		return q.eIsSet(HaoPackage.Literals.QUANTIZATION_SPEC__METHOD)
				|| !org.eclipse.xtext.nodemodel.util.NodeModelUtils
						.findNodesForFeature(q, HaoPackage.Literals.QUANTIZATION_SPEC__METHOD).isEmpty();
	}
	/** The quantization block's sensitivity CSV as an absolute path (against the .hao file's folder), or null. */
	public static String sensitivityCsv(Search search) {
		QuantizationSpec q = search.getQuantization();
		return q == null || q.getSensitivity() == null ? null : resolve(search, q.getSensitivity());
	}

	/** The predictor CSV as an absolute path, resolved against the .hao file's folder; null = built-in table. */
	public static String predictorCsv(Search search) {
		if (search.getCsv() == null) {
			return null;
		}
		return resolve(search, search.getCsv());
	}

	private static String resolve(Search search, String file) {
		Path csv = Path.of(file);
		if (csv.isAbsolute()) {
			return csv.toString();
		}
		URI uri = search.eResource() == null ? null : search.eResource().getURI();
		if (uri != null && uri.isFile()) {
			Path dir = Path.of(uri.toFileString()).toAbsolutePath().getParent();
			if (dir != null) {
				return dir.resolve(csv).normalize().toString();
			}
		}
		return csv.toString();
	}

	// ------------------------------------------------------------------ helpers

	private static <T> T required(T value, EObject owner, String what) {
		if (value == null) {
			throw new MappingException(owner, ElementLabels.describe(owner) + " needs '" + what + "'");
		}
		return value;
	}

	private static <T> T orDefault(T value, T fallback) {
		return value == null ? fallback : value;
	}

}
