package org.hao.engine.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Throughput model of a mobile GPU.
 *
 * @param peakGopsByBits     operand bit-width -> peak throughput in GOPS (1 MAC = 2 ops)
 * @param bandwidthGBps      usable memory bandwidth in GB/s
 * @param efficiencyByKind   fraction of peak a layer kind reaches (depthwise runs far below peak); kinds missing
 *                           from the table use the smallest listed efficiency (conservative)
 * @param pruningEfficiency  fraction of the pruned MACs whose time the compiler actually saves, in [0, 1]
 * @param launchOverheadUs   fixed time per layer (kernel dispatch, synchronisation) in microseconds, >= 0; small
 *                           layers on a mobile GPU cost this much however few their MACs
 */
public record GpuSpec(Map<Integer, Double> peakGopsByBits, double bandwidthGBps,
		Map<LayerKind, Double> efficiencyByKind, double pruningEfficiency, double launchOverheadUs) {

	/** Without a per-layer launch overhead (the engine API contract's original four fields). */
	public GpuSpec(Map<Integer, Double> peakGopsByBits, double bandwidthGBps, Map<LayerKind, Double> efficiencyByKind,
			double pruningEfficiency) {
		this(peakGopsByBits, bandwidthGBps, efficiencyByKind, pruningEfficiency, 0);
	}

	public GpuSpec {
		Checks.notNull("peakGopsByBits", peakGopsByBits);
		if (peakGopsByBits.isEmpty()) {
			throw new IllegalArgumentException("peakGopsByBits must have at least one entry");
		}
		TreeMap<Integer, Double> peaks = new TreeMap<>();
		peakGopsByBits.forEach((bits, gops) -> {
			Checks.positive("peakGopsByBits key", Checks.notNull("peakGopsByBits key", bits));
			Checks.positive("peakGopsByBits[" + bits + "]", Checks.notNull("peakGopsByBits value", gops));
			peaks.put(bits, gops);
		});
		peakGopsByBits = Collections.unmodifiableSortedMap(peaks);
		Checks.positive("bandwidthGBps", bandwidthGBps);
		Checks.notNull("efficiencyByKind", efficiencyByKind);
		if (efficiencyByKind.isEmpty()) {
			throw new IllegalArgumentException("efficiencyByKind must have at least one entry");
		}
		EnumMap<LayerKind, Double> efficiencies = new EnumMap<>(LayerKind.class);
		efficiencyByKind.forEach((kind, eff) -> {
			Checks.notNull("efficiencyByKind key", kind);
			double e = Checks.notNull("efficiencyByKind value", eff);
			if (!(e > 0 && e <= 1)) {
				throw new IllegalArgumentException("efficiencyByKind[" + kind + "] must be in (0, 1], was " + e);
			}
			efficiencies.put(kind, e);
		});
		efficiencyByKind = Collections.unmodifiableMap(efficiencies);
		if (!(pruningEfficiency >= 0 && pruningEfficiency <= 1)) {
			throw new IllegalArgumentException("pruningEfficiency must be in [0, 1], was " + pruningEfficiency);
		}
		Checks.nonNegative("launchOverheadUs", launchOverheadUs);
	}

	/** The per-layer launch overhead in milliseconds. */
	public double launchOverheadMs() {
		return launchOverheadUs / 1000.0;
	}

	/**
	 * Peak GOPS for operands of {@code bits} bits: the entry of the smallest key that is at least {@code bits}. Wider
	 * operands than the widest key run at the widest key's rate scaled by widestKey/bits (emulated with several
	 * narrow operations).
	 */
	public double peakGops(int bits) {
		TreeMap<Integer, Double> peaks = new TreeMap<>(peakGopsByBits);
		Map.Entry<Integer, Double> entry = peaks.ceilingEntry(bits);
		if (entry != null) {
			return entry.getValue();
		}
		Map.Entry<Integer, Double> widest = peaks.lastEntry();
		return widest.getValue() * widest.getKey() / bits;
	}

	/** Fraction of peak reached by layers of this kind. */
	public double efficiency(LayerKind kind) {
		Double e = efficiencyByKind.get(kind);
		if (e != null) {
			return e;
		}
		return efficiencyByKind.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
	}
}
