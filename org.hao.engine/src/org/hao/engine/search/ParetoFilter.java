package org.hao.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.hao.engine.results.ParetoPoint;

/** The one Pareto filter of the search: minimise latency, maximise accuracy. */
public final class ParetoFilter {
	/** Accuracies closer than this are equal (predictor round-off). */
	static final double EPS = 1e-12;

	private ParetoFilter() {
	}

	/**
	 * The items of a list sorted by ascending latency (ties: higher accuracy first) that no other item beats: none is at
	 * least as accurate and more than {@code slack} (relative) faster. {@code slack} 0 is the plain Pareto front (the
	 * first of equal items kept).
	 */
	public static <T> List<T> front(List<T> sorted, ToDoubleFunction<T> latency, ToDoubleFunction<T> accuracy,
			double slack) {
		List<T> kept = new ArrayList<>();
		if (slack == 0) {
			double best = Double.NEGATIVE_INFINITY;
			for (T t : sorted) {
				if (accuracy.applyAsDouble(t) > best + EPS) {
					kept.add(t);
					best = accuracy.applyAsDouble(t);
				}
			}
			return kept;
		}
		int j = 0;
		double bestFaster = Double.NEGATIVE_INFINITY;
		for (T t : sorted) {
			double lat = latency.applyAsDouble(t);
			while (j < sorted.size() && latency.applyAsDouble(sorted.get(j)) * (1 + slack) < lat - EPS) {
				bestFaster = Math.max(bestFaster, accuracy.applyAsDouble(sorted.get(j)));
				j++;
			}
			if (bestFaster < accuracy.applyAsDouble(t) - EPS) {
				kept.add(t);
			}
		}
		return kept;
	}

	/** Non-dominated points by ascending latency (ties: higher accuracy first, then configuration text). */
	public static List<ParetoPoint> front(List<ParetoPoint> points) {
		List<ParetoPoint> s = new ArrayList<>(points);
		s.sort(Comparator.comparingDouble(ParetoPoint::latencyMs)
				.thenComparing(Comparator.comparingDouble(ParetoPoint::accuracy).reversed())
				.thenComparing(p -> String.valueOf(p.config())));
		return front(s, ParetoPoint::latencyMs, ParetoPoint::accuracy, 0);
	}

	/** Keeps at most {@code max} items spread evenly over the (latency-sorted) list, always the first and last. */
	public static <T> List<T> thin(List<T> sorted, int max) {
		if (sorted.size() <= max) {
			return sorted;
		}
		TreeSet<Integer> idx = new TreeSet<>();
		for (int i = 0; i < max; i++) {
			idx.add((int) Math.round((double) i * (sorted.size() - 1) / (max - 1)));
		}
		List<T> out = new ArrayList<>(idx.size());
		for (int i : idx) {
			out.add(sorted.get(i));
		}
		return out;
	}
}
