package org.hao.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.results.ParetoPoint;

/**
 * Phase 4, overlay co-design: the merged networks (the reference frontier first, at most
 * {@link HaoSearch#MAX_CODESIGNED}) and, repeatedly, the one the objective picks get their own accelerator from the
 * overlay ILP; a re-solved point replaces its reference-accelerator point when it is not slower.
 */
final class Codesign {
	private Codesign() {
	}

	/** Re-solves in place; returns whether it finished (the pick re-solved) before the deadline. */
	static boolean run(SearchRun run, NetworkSpec net, List<ParetoPoint> pts, List<Map<String, SubgraphChoice>> picks) {
		Set<Integer> done = new HashSet<>();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < pts.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> pts.get(i).latencyMs()).thenComparingInt(i -> i));
		List<Integer> onFront = ParetoFilter.front(order, i -> pts.get(i).latencyMs(), i -> pts.get(i).accuracy(), 0);
		// the frontier first, then the other networks (a network off the reference frontier may join it with its own
		// accelerator), at most MAX_CODESIGNED
		List<Integer> batch = new ArrayList<>(onFront);
		for (int i : order) {
			if (!onFront.contains(i)) {
				batch.add(i);
			}
		}
		batch = new ArrayList<>(batch.subList(0, Math.min(batch.size(), HaoSearch.MAX_CODESIGNED)));
		for (int round = 0; round < 8 && !batch.isEmpty() && !run.stop.getAsBoolean(); round++) {
			List<Callable<HaoSearch.NetworkEvaluation>> tasks = new ArrayList<>();
			for (int i : batch) {
				Map<String, SubgraphChoice> pick = picks.get(i);
				tasks.add(() -> run.stop.getAsBoolean() ? null
						: HaoSearch.evaluateNetwork(net, pick, run.networks, run.predictor, run.stop, null));
			}
			List<HaoSearch.NetworkEvaluation> res = run.runAll(tasks);
			for (int k = 0; k < batch.size(); k++) {
				HaoSearch.NetworkEvaluation e = res.get(k);
				if (e != null) {
					done.add(batch.get(k)); // stopped before its solve: not done
				}
				if (e != null && e.point() != null
						&& e.point().latencyMs() <= pts.get(batch.get(k)).latencyMs() + 1e-9) {
					pts.set(batch.get(k), e.point());
				}
			}
			// the objective's pick must have its own accelerator: re-solve it if it has not been yet
			ParetoPoint chosen = HaoSearch.choose(ParetoFilter.front(pts), run.spec.constraints(),
					run.spec.objective());
			batch = new ArrayList<>();
			if (chosen != null) {
				int idx = pts.indexOf(chosen);
				if (idx >= 0 && !done.contains(idx)) {
					batch.add(idx);
				}
			}
		}
		return batch.isEmpty();
	}
}
