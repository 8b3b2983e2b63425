package org.hao.dsl.validation;

import static org.hao.dsl.hao.HaoPackage.Literals.*;

import java.io.File;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.hao.dsl.hao.ArchitectureLit;
import org.hao.dsl.hao.BitsChoice;
import org.hao.dsl.hao.Constraint;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.MaxEnergy;
import org.hao.dsl.hao.MaxLatency;
import org.hao.dsl.hao.MaxResource;
import org.hao.dsl.hao.MinAccuracy;
import org.hao.dsl.hao.MinFps;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.QuantMethodLit;
import org.hao.dsl.hao.QuantizationSpec;
import org.hao.dsl.hao.ResourceLit;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.SpaceEntry;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.cost.LutMacs;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Quantization;
import org.hao.engine.predict.DropModel;
import org.hao.engine.predict.LayerSensitivities;
import org.hao.engine.predict.PredictorDataException;

/** Searches: what they name, their constraints, and whether the device can meet them at all. */
public class SearchValidator extends HaoCheckBase {

	private final ModelMapper mapper = new ModelMapper();

	/**
	 * A search's `architecture` may override only devices that do not pin an overlay (docs/language.md): a device whose
	 * `accelerator overlay ...` block fixes the accelerator (a DPU board of the library, a named DPU, written engines)
	 * runs that overlay, so `architecture dataflow` or `per-subgraph` on it is an error naming the device (before, it
	 * silently replaced the overlay). `architecture per-subgraph` also needs every FPGA device of the search to give
	 * its reconfiguration time.
	 */
	@Check
	public void checkArchitecture(Search s) {
		if (!s.eIsSet(SEARCH__ARCHITECTURE)) {
			return;
		}
		if (s.getArchitecture() != ArchitectureLit.OVERLAY) {
			for (DeviceDecl d : resolved(s.getDevices())) {
				if (d instanceof FpgaDevice f && f.getAccelerator() != null
						&& f.getAccelerator().getKind() == ArchitectureLit.OVERLAY) {
					String name = f.getAccelerator().getName();
					error("device '" + d.getName() + "' pins an overlay (accelerator overlay"
							+ (name == null ? "" : " \"" + name + "\"") + "); a search cannot run it as "
							+ s.getArchitecture().getLiteral() + ": remove 'architecture' or use a device without an"
							+ " 'accelerator overlay' block", s, SEARCH__ARCHITECTURE,
							HaoIssueCodes.ARCHITECTURE_PINNED);
				}
			}
		}
		if (s.getArchitecture() != ArchitectureLit.PER_SUBGRAPH) {
			return;
		}
		for (DeviceDecl d : resolved(s.getDevices())) {
			if (d instanceof FpgaDevice f
					&& (f.getReconfiguration() == null || f.getReconfiguration().getBitstreamMB() == null
							|| f.getReconfiguration().getPortMBps() == null)) {
				error("architecture per-subgraph reconfigures '" + d.getName()
						+ "' at every subgraph switch, but the device"
						+ " gives no reconfiguration time: add 'reconfiguration { bitstream N MB port R MB/s }' to it",
						s, SEARCH__ARCHITECTURE, HaoIssueCodes.MISSING_ATTRIBUTE);
			}
		}
	}

	@Check
	public void checkSearch(Search s) {
		Network network = ModelMapper.networkOf(s);
		if (s.getNetwork() == null && s.getSpace() == null) {
			require(null, s, ELEMENT__NAME, "network", "the network to search, or a 'space' for it");
		}
		if (s.getNetwork() != null && s.getSpace() != null && !s.getNetwork().eIsProxy() && !s.getSpace().eIsProxy()
				&& s.getSpace().getNetwork() != s.getNetwork()) {
			error("space '" + s.getSpace().getName() + "' is for network '"
					+ (s.getSpace().getNetwork() == null ? "?" : s.getSpace().getNetwork().getName()) + "', not for '"
					+ network.getName() + "'", s, SEARCH__SPACE, HaoIssueCodes.SPACE_NETWORK_MISMATCH);
		}
		require(s.getDevices().isEmpty() ? null : s.getDevices(), s, ELEMENT__NAME, "device",
				"the target device, or 'devices A, B' to compare");
		noDuplicates(s.getDevices(), s, SEARCH__DEVICES, "device");
		positive(s.getTimeLimitSeconds(), s, SEARCH__TIME_LIMIT_SECONDS, "time limit");
		checkPredictor(s);
		checkSensitivities(s);
		checkAlgorithm(s);
	}

	/** The quantization algorithm must be a known word and belong to the block's method (ptq or qat). */
	private void checkAlgorithm(Search s) {
		QuantizationSpec q = s.getQuantization();
		if (q == null || q.getAlgorithm() == null) {
			return;
		}
		Quantization.Algorithm a = Quantization.Algorithm.ofWord(q.getAlgorithm());
		if (a == null) {
			error("unknown quantization algorithm '" + q.getAlgorithm() + "' (one of " + DropModel.algorithmWords()
					+ ")", q, HaoPackage.Literals.QUANTIZATION_SPEC__ALGORITHM,
					HaoIssueCodes.BAD_QUANTIZATION_ALGORITHM);
			return;
		}
		if (org.hao.dsl.mapping.ModelMapper.methodWritten(q)) {
			boolean ptq = q.getMethod() == QuantMethodLit.PTQ;
			if (ptq != (a.training() == Quantization.Training.PTQ)) {
				error("algorithm " + a.word() + " is "
						+ (ptq ? "quantization-aware training (method qat)" : "post-training quantization (method ptq)")
						+ ", not method " + (ptq ? "ptq" : "qat"), q, HaoPackage.Literals.QUANTIZATION_SPEC__ALGORITHM,
						HaoIssueCodes.BAD_QUANTIZATION_ALGORITHM);
			}
		}
	}

	/** The quantization block's sensitivity CSV must exist and parse; a bad row is reported with its file:line. */
	private void checkSensitivities(Search s) {
		if (s.getQuantization() == null || s.getQuantization().getSensitivity() == null || s.eResource() == null
				|| !s.eResource().getURI().isFile()) {
			return;
		}
		String path = ModelMapper.sensitivityCsv(s);
		if (!new File(path).isFile()) {
			error("sensitivity table '" + s.getQuantization().getSensitivity() + "' not found (looked for " + path
					+ ")", s.getQuantization(), HaoPackage.Literals.QUANTIZATION_SPEC__SENSITIVITY,
					HaoIssueCodes.BAD_SENSITIVITY_TABLE);
			return;
		}
		try {
			LayerSensitivities.read(java.nio.file.Path.of(path));
		} catch (PredictorDataException e) {
			error("sensitivity table: " + e.getMessage(), s.getQuantization(),
					HaoPackage.Literals.QUANTIZATION_SPEC__SENSITIVITY, HaoIssueCodes.BAD_SENSITIVITY_TABLE);
		}
	}

	private void checkPredictor(Search s) {
		if (s.getCsv() == null || s.eResource() == null || !s.eResource().getURI().isFile()) {
			return;
		}
		String path = ModelMapper.predictorCsv(s);
		if (!new File(path).isFile()) {
			error("predictor table '" + s.getCsv() + "' not found (looked for " + path + ")", s, SEARCH__CSV,
					HaoIssueCodes.PREDICTOR_NOT_FOUND);
		}
	}

	@Check
	public void checkConstraints(Search s) {
		Map<String, Constraint> seen = new HashMap<>();
		for (Constraint c : s.getConstraints()) {
			String kind = c instanceof MaxResource r ? r.getResource().getLiteral() : c.eClass().getName();
			if (seen.putIfAbsent(kind, c) != null) {
				error("constraint on " + kindLabel(c) + " given twice", c, null, HaoIssueCodes.DUPLICATE_ENTRY);
			}
			switch (c) {
				case MinFps f -> positive(f.getValue(), f, MIN_FPS__VALUE, "fps");
				case MaxLatency l -> positive(l.getValue(), l, MAX_LATENCY__VALUE, "latency");
				case MaxEnergy e -> positive(e.getValue(), e, MAX_ENERGY__VALUE, "energy");
				case MaxResource r -> positive(r.getValue(), r, MAX_RESOURCE__VALUE, r.getResource().getLiteral());
				case MinAccuracy a -> {
					if (a.getValue() != null && !(a.getValue() > 0 && a.getValue() <= 100)) {
						error("accuracy is a top-1 percentage and must be in (0, 100], was " + a.getValue(), a,
								MIN_ACCURACY__VALUE, HaoIssueCodes.VALUE_OUT_OF_RANGE);
					}
				}
				default -> {
				}
			}
		}
	}

	/** Resource caps that the device cannot reach anyway, or that do not apply to it. */
	@Check
	public void checkResourceCaps(Search s) {
		for (Constraint c : s.getConstraints()) {
			if (!(c instanceof MaxResource r) || r.getValue() == null) {
				continue;
			}
			for (DeviceDecl d : resolved(s.getDevices())) {
				if (d instanceof FpgaDevice f) {
					Integer available = available(f, r.getResource());
					if (available != null && r.getValue() >= available) {
						warning(r.getResource().getLiteral() + " <= " + r.getValue() + " has no effect: device '"
								+ d.getName() + "' has only " + available, r, MAX_RESOURCE__VALUE,
								HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE);
					}
				} else {
					warning(r.getResource().getLiteral() + " caps have no effect on GPU device '" + d.getName() + "'",
							r, MAX_RESOURCE__RESOURCE, HaoIssueCodes.CONSTRAINT_ABOVE_DEVICE);
				}
			}
		}
	}

	/** Every bit-width of the space must be in the device's packing (FPGA) or peak (GPU) table. */
	@Check
	public void checkBitWidths(Search s) {
		if (s.getSpace() == null || s.getSpace().eIsProxy()) {
			return;
		}
		List<DeviceDecl> devices = s.getDevices();
		for (int i = 0; i < devices.size(); i++) {
			DeviceDecl d = devices.get(i);
			if (d == null || d.eIsProxy()) {
				continue;
			}
			List<Integer> table = DeviceValidator.tableBits(d);
			if (table.isEmpty()) {
				continue;
			}
			int widest = table.get(table.size() - 1);
			boolean layerEngines = d instanceof FpgaDevice f && layerEngines(s, f);
			for (SpaceEntry entry : s.getSpace().getEntries()) {
				for (BitsChoice bits : org.eclipse.xtext.EcoreUtil2.eAllOfType(entry, BitsChoice.class)) {
					// every pair at most 2 bit: binary / ternary MACs in LUTs on layer engines, no DSP packing (LutMacs)
					boolean inLuts = layerEngines && concat(bits.getWeights(), bits.getActivations()).stream()
							.allMatch(b -> b != null && b <= LutMacs.MAX_BITS);
					for (Integer b : new java.util.LinkedHashSet<>(concat(bits.getWeights(), bits.getActivations()))) {
						if (b == null || inLuts) {
							continue;
						}
						String where = " (space '" + s.getSpace().getName() + "', line "
								+ org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(bits).getStartLine() + ")";
						if (b > widest && d instanceof FpgaDevice) {
							error("device '" + d.getName() + "' cannot run " + b + "-bit operands" + where
									+ ": its packing table covers " + table, s, SEARCH__DEVICES, i,
									HaoIssueCodes.UNSUPPORTED_BIT_WIDTH, d.getName());
						} else if (!table.contains(b) && b <= widest) {
							warning("device '" + d.getName() + "' has no entry for " + b + "-bit operands" + where
									+ "; they run like the next wider entry of " + table, s, SEARCH__DEVICES, i,
									HaoIssueCodes.BIT_WIDTH_ROUNDED_UP, d.getName());
						} else if (b > widest) {
							warning("device '" + d.getName() + "' has no peak for " + b + "-bit operands" + where
									+ "; they are emulated at the " + widest + "-bit rate", s, SEARCH__DEVICES, i,
									HaoIssueCodes.BIT_WIDTH_ROUNDED_UP, d.getName());
						}
					}
				}
			}
		}
	}

	/**
	 * Whether the search runs {@code d} with one engine per layer (dataflow or per-subgraph: 1- and 2-bit layers compute
	 * in LUTs) rather than an overlay (whose shared DSP datapath runs them like its narrowest packing entry).
	 */
	private static boolean layerEngines(Search s, FpgaDevice d) {
		ArchitectureLit kind = s.eIsSet(HaoPackage.Literals.SEARCH__ARCHITECTURE) ? s.getArchitecture()
				: d.getAccelerator() != null ? d.getAccelerator().getKind() : ArchitectureLit.OVERLAY;
		return kind != ArchitectureLit.OVERLAY;
	}

	/**
	 * fps / latency / energy constraints beyond the proven bound of every configuration in the space. NORMAL: it runs
	 * the engine's bounds, so it runs on save (builder), in {@code hao check} and the language server, not per keystroke.
	 */
	@Check(CheckType.NORMAL)
	public void checkFeasible(Search s) {
		Network network = ModelMapper.networkOf(s);
		if (network == null || network.eIsProxy()) {
			return;
		}
		NetworkSpec spec;
		try {
			spec = mapper.toNetwork(network, s.getSpace());
		} catch (MappingException e) {
			return; // reported on the network / space
		}
		if (s.getSpace() != null) {
			try {
				NetworkExpander.expand(spec, FeasibilityBounds.smallestChoices(spec));
			} catch (ShapeException e) {
				warning("the smallest configuration of space '" + s.getSpace().getName() + "' does not expand (op '"
						+ e.opName() + "': " + e.getMessage() + "); the search will skip such configurations", s,
						SEARCH__SPACE, HaoIssueCodes.SHAPE_MISMATCH);
				return;
			} catch (IllegalArgumentException | ArithmeticException e) {
				return; // sizes out of range: reported on the network (an exception here would lose the line)
			}
		}
		MaxResource dspCap = cap(s, ResourceLit.DSP);
		MaxResource bramCap = cap(s, ResourceLit.BRAM18K);
		Integer maxDsp = dspCap == null ? null : dspCap.getValue();
		Integer maxBram = bramCap == null ? null : bramCap.getValue();
		for (int i = 0; i < s.getDevices().size(); i++) {
			DeviceDecl d = s.getDevices().get(i);
			if (d == null || d.eIsProxy()) {
				continue;
			}
			checkResourcesFit(s, i, spec, maxDsp, maxBram, dspCap, bramCap);
		}
		for (DeviceDecl d : resolved(s.getDevices())) {
			FeasibilityBounds.Bound bound;
			try {
				bound = FeasibilityBounds.of(spec, mapper.searchDevice(s, d), maxDsp);
			} catch (MappingException | ShapeException | IllegalArgumentException | ArithmeticException e) {
				continue; // incomplete device or network: reported where it belongs
			}
			if (bound == null) {
				continue;
			}
			String why = " on '" + d.getName() + "': every configuration of the space has at least "
					+ gmac(bound.macs()) + ", which at " + bound.peak() + " needs at least ";
			for (Constraint c : s.getConstraints()) {
				if (c instanceof MinFps f && f.getValue() != null && 1000 / bound.intervalMs() < f.getValue()) {
					error("no configuration can reach " + FeasibilityBounds.fmt(f.getValue()) + " fps" + why
							+ ms(bound.intervalMs()) + " (at most "
							+ FeasibilityBounds.plain(1000 / bound.intervalMs(), RoundingMode.CEILING) + " fps)", f,
							MIN_FPS__VALUE, HaoIssueCodes.INFEASIBLE_CONSTRAINT, d.getName());
				} else if (c instanceof MaxLatency l && l.getValue() != null && bound.latencyMs() > l.getValue()) {
					error("no configuration can run within " + FeasibilityBounds.fmt(l.getValue()) + " ms" + why
							+ ms(bound.latencyMs()), l, MAX_LATENCY__VALUE, HaoIssueCodes.INFEASIBLE_CONSTRAINT,
							d.getName());
				} else if (c instanceof MaxEnergy e && e.getValue() != null && bound.energyMj() > e.getValue()) {
					error("no configuration can stay within " + FeasibilityBounds.fmt(e.getValue()) + " mJ per frame"
							+ why + FeasibilityBounds.plain(bound.energyMj(), RoundingMode.FLOOR) + " mJ", e,
							MAX_ENERGY__VALUE, HaoIssueCodes.INFEASIBLE_CONSTRAINT, d.getName());
				}
			}
		}
	}

	/** Minimum DSP / BRAM of each subgraph (every layer at one lane, fewest over the space's options) against the device. */
	private void checkResourcesFit(Search s, int deviceIndex, NetworkSpec spec, Integer maxDsp, Integer maxBram,
			MaxResource dspCap, MaxResource bramCap) {
		DeviceDecl d = s.getDevices().get(deviceIndex);
		List<FeasibilityBounds.Shortfall> shortfalls;
		try {
			shortfalls = FeasibilityBounds.shortfalls(spec, mapper.searchDevice(s, d), maxDsp, maxBram);
		} catch (MappingException | ShapeException | IllegalArgumentException | ArithmeticException e) {
			return; // incomplete device or network: reported where it belongs
		}
		for (FeasibilityBounds.Shortfall f : shortfalls) {
			String message = f.what() + " needs at least " + f.needed() + " " + f.resource()
					+ " (in every configuration of the space) but only " + f.available() + " are usable on '"
					+ d.getName() + "'";
			MaxResource cap = "DSP".equals(f.resource()) ? dspCap : bramCap;
			if (cap != null && cap.getValue() != null && cap.getValue() == f.available()) {
				error(message, cap, MAX_RESOURCE__VALUE, HaoIssueCodes.INFEASIBLE_CONSTRAINT, d.getName());
			} else {
				error(message, s, SEARCH__DEVICES, deviceIndex, HaoIssueCodes.INFEASIBLE_CONSTRAINT, d.getName());
			}
		}
	}

	private static MaxResource cap(Search s, ResourceLit resource) {
		return s.getConstraints().stream().filter(MaxResource.class::isInstance).map(MaxResource.class::cast)
				.filter(r -> r.getResource() == resource).findFirst().orElse(null);
	}

	private static String gmac(long macs) {
		return FeasibilityBounds.plain(macs / 1e9, RoundingMode.FLOOR) + " GMAC";
	}

	private static String ms(double ms) {
		return FeasibilityBounds.plain(ms, RoundingMode.FLOOR) + " ms";
	}

	private static List<DeviceDecl> resolved(List<DeviceDecl> devices) {
		return devices.stream().filter(d -> d != null && !d.eIsProxy()).toList();
	}

	private static Integer available(FpgaDevice f, ResourceLit r) {
		return switch (r) {
			case DSP -> f.getDsp();
			case BRAM18K -> f.getBram18k();
			case LUT -> f.getLut();
		};
	}

	private static String kindLabel(EObject c) {
		return switch (c) {
			case MinFps f -> "fps";
			case MaxLatency l -> "latency";
			case MaxEnergy e -> "energy";
			case MinAccuracy a -> "accuracy";
			case MaxResource r -> r.getResource().getLiteral();
			default -> c.eClass().getName();
		};
	}

	private static List<Integer> concat(List<Integer> a, List<Integer> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}
}
