package org.hao.dsl.validation;

import static org.hao.dsl.hao.HaoPackage.Literals.*;

import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.validation.Check;
import org.hao.dsl.hao.AcceleratorSpec;
import org.hao.dsl.hao.ArchitectureLit;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.ReconfigurationSpec;
import org.hao.dsl.hao.Efficiency;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.GpuDevice;
import org.hao.dsl.hao.Packing;
import org.hao.dsl.hao.Peak;
import org.hao.dsl.hao.Power;

/** Device descriptions: required figures present and every number in range. */
public class DeviceValidator extends HaoCheckBase {

	@Check
	public void checkFpga(FpgaDevice d) {
		require(d.getDsp(), d, ELEMENT__NAME, "dsp", "DSP slices");
		require(d.getBram18k(), d, ELEMENT__NAME, "bram18k", "18 Kb block RAMs");
		require(d.getLut(), d, ELEMENT__NAME, "lut", "look-up tables");
		require(d.getFf(), d, ELEMENT__NAME, "ff", "flip-flops");
		require(d.getClockMhz(), d, ELEMENT__NAME, "clock", "accelerator clock in MHz");
		require(d.getBandwidthGBps(), d, ELEMENT__NAME, "bandwidth", "DDR bandwidth in GB/s");
		require(d.getPacking().isEmpty() ? null : d.getPacking(), d, ELEMENT__NAME, "packing",
				"MACs per DSP per bit-width, e.g. packing { 16: 1, 8: 2 }");
		positive(d.getDsp(), d, FPGA_DEVICE__DSP, "dsp");
		positive(d.getBram18k(), d, FPGA_DEVICE__BRAM18K, "bram18k");
		positive(d.getLut(), d, FPGA_DEVICE__LUT, "lut");
		positive(d.getFf(), d, FPGA_DEVICE__FF, "ff");
		positive(d.getClockMhz(), d, FPGA_DEVICE__CLOCK_MHZ, "clock");
		positive(d.getBandwidthGBps(), d, DEVICE_DECL__BANDWIDTH_GBPS, "bandwidth");
		Double cap = d.getUtilizationCap();
		if (cap != null && !(cap > 0 && cap <= 1)) {
			error("cap is a fraction of the device and must be in (0, 1], was " + cap, d, FPGA_DEVICE__UTILIZATION_CAP,
					HaoIssueCodes.VALUE_OUT_OF_RANGE, "0.85");
		}
		noDuplicates(d.getPacking().stream().map(Packing::getBits).toList(), d, FPGA_DEVICE__PACKING,
				"packing entry for bit-width");
		checkPower(d);
	}

	/** An accelerator block: sizes positive, efficiencies fractions, per-subgraph only with a reconfiguration time. */
	@Check
	public void checkAccelerator(AcceleratorSpec a) {
		if (a.getConv() != null) {
			positive(a.getConv().getPp(), a.getConv(), CONV_ENGINE_SHAPE__PP, "pixel parallelism PP");
			positive(a.getConv().getIcp(), a.getConv(), CONV_ENGINE_SHAPE__ICP, "input-channel parallelism ICP");
			positive(a.getConv().getOcp(), a.getConv(), CONV_ENGINE_SHAPE__OCP, "output-channel parallelism OCP");
		}
		if (a.getDepthwise() != null) {
			positive(a.getDepthwise().getPp(), a.getDepthwise(), DEPTHWISE_ENGINE_SHAPE__PP, "pixel parallelism PP");
			positive(a.getDepthwise().getCp(), a.getDepthwise(), DEPTHWISE_ENGINE_SHAPE__CP, "channel parallelism CP");
		}
		positive(a.getClockMhz(), a, ACCELERATOR_SPEC__CLOCK_MHZ, "clock");
		if (a.eContainer() instanceof FpgaDevice d && a.getClockMhz() != null && d.getClockMhz() != null
				&& a.getClockMhz() > d.getClockMhz() && d.getClockMhz() > 0) {
			warning(String.format(Locale.ROOT,
					"accelerator clock %s MHz is above the device's clock %s MHz (the rated clock of its DSPs and"
							+ " fabric): the estimates assume the design closes timing at %s MHz",
					plain(a.getClockMhz()), plain(d.getClockMhz()), plain(a.getClockMhz())), a,
					ACCELERATOR_SPEC__CLOCK_MHZ, HaoIssueCodes.CLOCK_ABOVE_DEVICE);
		}
		positive(a.getCores(), a, ACCELERATOR_SPEC__CORES, "cores");
		if (a.getBufferKiB() != null && a.getBufferKiB() < 0) {
			error("buffer must be >= 0 KiB, was " + a.getBufferKiB(), a, ACCELERATOR_SPEC__BUFFER_KI_B,
					HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
		nonNegative(a.getOverheadCycles(), a, ACCELERATOR_SPEC__OVERHEAD_CYCLES, "per-layer overhead");
		fraction(a.getDdrEfficiency(), a, ACCELERATOR_SPEC__DDR_EFFICIENCY,
				"DDR efficiency (share of the bandwidth achieved)");
		fraction(a.getDepthwiseEfficiency(), a, ACCELERATOR_SPEC__DEPTHWISE_EFFICIENCY, "depthwise efficiency");
		for (var f : List.of(ACCELERATOR_SPEC__FIXED_DSP, ACCELERATOR_SPEC__FIXED_BRAM18K,
				ACCELERATOR_SPEC__FIXED_LUT)) {
			Integer v = (Integer) a.eGet(f);
			if (v != null && v < 0) {
				error("resources must be >= 0, was " + v, a, f, HaoIssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
		boolean configured = a.getConv() != null || a.getDepthwise() != null || a.getCores() != null
				|| a.getBufferKiB() != null || a.getFixedDsp() != null;
		if (a.getKind() != ArchitectureLit.OVERLAY && configured) {
			warning("engine sizes, cores, buffer and resources describe an overlay; a " + a.getKind().getLiteral()
					+ " accelerator ignores them", a, ACCELERATOR_SPEC__KIND,
					HaoIssueCodes.ACCELERATOR_ATTRIBUTE_IGNORED);
		}
		if (a.getKind() == ArchitectureLit.PER_SUBGRAPH && a.eContainer() instanceof FpgaDevice d
				&& (d.getReconfiguration() == null || d.getReconfiguration().getBitstreamMB() == null
						|| d.getReconfiguration().getPortMBps() == null)) {
			error("a per-subgraph accelerator reconfigures the device at every subgraph switch: give its time with"
					+ " 'reconfiguration { bitstream N MB port R MB/s }'", a, ACCELERATOR_SPEC__KIND,
					HaoIssueCodes.MISSING_ATTRIBUTE);
		}
	}

	/** 300.0 as 300, 287.5 as 287.5. */
	private static String plain(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	@Check
	public void checkReconfiguration(ReconfigurationSpec r) {
		positive(r.getBitstreamMB(), r, RECONFIGURATION_SPEC__BITSTREAM_MB, "bitstream size");
		positive(r.getPortMBps(), r, RECONFIGURATION_SPEC__PORT_MBPS, "configuration-port rate");
	}

	private void fraction(Double v, org.eclipse.emf.ecore.EObject owner, org.eclipse.emf.ecore.EStructuralFeature f,
			String what) {
		if (v != null && !(v > 0 && v <= 1)) {
			error(what + " must be in (0, 1], was " + v, owner, f, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void checkPacking(Packing p) {
		bitWidth(p.getBits(), p, PACKING__BITS);
		positive(p.getMacsPerDsp(), p, PACKING__MACS_PER_DSP, "MACs per DSP");
	}

	@Check
	public void checkGpu(GpuDevice d) {
		require(d.getPeaks().isEmpty() ? null : d.getPeaks(), d, ELEMENT__NAME, "peak",
				"peak GOPS per bit-width, e.g. peak { 16: 1797 GOPS }");
		require(d.getBandwidthGBps(), d, ELEMENT__NAME, "bandwidth", "memory bandwidth in GB/s");
		require(d.getEfficiencies().isEmpty() ? null : d.getEfficiencies(), d, ELEMENT__NAME, "efficiency",
				"fraction of peak per layer kind, e.g. efficiency { conv: 0.5, depthwise: 0.15 }");
		positive(d.getBandwidthGBps(), d, DEVICE_DECL__BANDWIDTH_GBPS, "bandwidth");
		Double pruning = d.getPruningEfficiency();
		if (pruning != null && !(pruning >= 0 && pruning <= 1)) {
			error("pruning efficiency must be in [0, 1], was " + pruning, d, GPU_DEVICE__PRUNING_EFFICIENCY,
					HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
		nonNegative(d.getLaunchOverheadUs(), d, GPU_DEVICE__LAUNCH_OVERHEAD_US, "launch overhead");
		noDuplicates(d.getPeaks().stream().map(Peak::getBits).toList(), d, GPU_DEVICE__PEAKS,
				"peak entry for bit-width");
		noDuplicates(d.getEfficiencies().stream().map(Efficiency::getKind).toList(), d, GPU_DEVICE__EFFICIENCIES,
				"efficiency entry for");
		checkPower(d);
	}

	@Check
	public void checkPeak(Peak p) {
		bitWidth(p.getBits(), p, PEAK__BITS);
		positive(p.getGops(), p, PEAK__GOPS, "GOPS");
	}

	@Check
	public void checkEfficiency(Efficiency e) {
		Double v = e.getValue();
		if (v != null && !(v > 0 && v <= 1)) {
			error("efficiency is a fraction of peak and must be in (0, 1], was " + v, e, EFFICIENCY__VALUE,
					HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void checkPowerValues(Power p) {
		nonNegative(p.getStaticWatts(), p, POWER__STATIC_WATTS, "static power");
		nonNegative(p.getPicojoulesPerMac8(), p, POWER__PICOJOULES_PER_MAC8, "energy per MAC");
		nonNegative(p.getPicojoulesPerDdrByte(), p, POWER__PICOJOULES_PER_DDR_BYTE, "energy per DDR byte");
		nonNegative(p.getEnginesWatts(), p, POWER__ENGINES_WATTS, "engine power");
	}

	private void checkPower(DeviceDecl d) {
		if (d.getPower() == null) {
			warning(describe(d) + " has no 'power' block: energy per frame will be reported as 0", d, ELEMENT__NAME,
					HaoIssueCodes.MISSING_POWER);
		}
	}

	private void bitWidth(Integer bits, org.eclipse.emf.ecore.EObject owner,
			org.eclipse.emf.ecore.EStructuralFeature feature) {
		if (bits != null && (bits < 1 || bits > 32)) {
			error("bit-width must be in 1..32, was " + bits, owner, feature, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	static List<Integer> tableBits(DeviceDecl d) {
		if (d instanceof FpgaDevice f) {
			return f.getPacking().stream().map(Packing::getBits).filter(b -> b != null).sorted().toList();
		}
		return ((GpuDevice) d).getPeaks().stream().map(Peak::getBits).filter(b -> b != null).sorted().toList();
	}
}
