package org.hao.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Phase 2: merges the subgraph fronts subgraph by subgraph (latencies and accuracy changes add), dropping dominated
 * partial combinations; above {@link HaoSearch#MAX_MERGED} the strict front is thinned evenly over latency, and
 * near-front partials (the overlay's slack) fill what is left.
 */
final class FrontMerge {
	/** A combination of the first subgraphs' choices: summed latency and accuracy change, the choice per subgraph. */
	record Partial(double latencyMs, double acc, int[] picks) {
	}

	private static final Comparator<Partial> ORDER = Comparator.comparingDouble(Partial::latencyMs)
			.thenComparing(Comparator.comparingDouble(Partial::acc).reversed())
			.thenComparing(Partial::picks, Arrays::compare);

	private FrontMerge() {
	}

	static List<Partial> run(List<List<SubgraphScan.Score>> fronts, double slack) {
		List<Partial> partial = List.of(new Partial(0, 0, new int[0]));
		for (int s = 0; s < fronts.size(); s++) {
			List<Partial> next = new ArrayList<>();
			for (Partial p : partial) {
				for (SubgraphScan.Score it : fronts.get(s)) {
					int[] picks = Arrays.copyOf(p.picks(), s + 1);
					picks[s] = it.choice();
					next.add(new Partial(p.latencyMs() + it.latencyMs(), p.acc() + it.accDelta(), picks));
				}
			}
			next.sort(ORDER);
			List<Partial> strict = ParetoFilter.thin(ParetoFilter.front(next, Partial::latencyMs, Partial::acc, 0),
					HaoSearch.MAX_MERGED);
			List<Partial> near = new ArrayList<>(ParetoFilter.front(next, Partial::latencyMs, Partial::acc, slack));
			near.removeAll(strict);
			List<Partial> merged = new ArrayList<>(strict);
			merged.addAll(ParetoFilter.thin(near, Math.max(0, HaoSearch.MAX_MERGED - strict.size())));
			merged.sort(ORDER);
			partial = merged;
		}
		return partial;
	}
}
