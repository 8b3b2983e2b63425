package org.hao.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.results.Failure;
import org.hao.engine.results.FailureKind;
import org.hao.engine.results.ParetoPoint;

/**
 * Phase 3: every merged combination evaluated exactly: the whole network expanded (a width change alters the next
 * subgraph's input), costed on the device's architecture (on an overlay: on the reference accelerator, which phase 4
 * replaces), accuracy predicted on the combined network.
 */
final class ExactEvaluation {
	/** The evaluated points with the choices that made each; {@code incomplete} when the deadline cut it short. */
	record Points(List<ParetoPoint> points, List<Map<String, SubgraphChoice>> picks, boolean incomplete) {
	}

	private ExactEvaluation() {
	}

	static Points run(SearchRun run, NetworkSpec net, List<List<SubgraphChoice>> choices,
			List<FrontMerge.Partial> merged, Accelerator reference) {
		List<Callable<HaoSearch.NetworkEvaluation>> evals = new ArrayList<>();
		for (FrontMerge.Partial p : merged) {
			Map<String, SubgraphChoice> pick = pickOf(net, choices, p.picks());
			evals.add(() -> {
				if (run.stop.getAsBoolean()) {
					return null;
				}
				HaoSearch.NetworkEvaluation e;
				try {
					e = HaoSearch.evaluateNetwork(net, pick, run.networks, run.predictor, run.stop, reference);
				} catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
					e = new HaoSearch.NetworkEvaluation(null, new Failure(FailureKind.FAULT, "configuration "
							+ pick.values().stream().map(HaoSearch::describe).toList() + ": " + HaoSearch.fault(ex)));
				}
				run.step("network configurations (" + merged.size() + ")");
				return e;
			});
		}
		List<ParetoPoint> pts = new ArrayList<>();
		List<Map<String, SubgraphChoice>> picks = new ArrayList<>();
		boolean incomplete = false;
		List<HaoSearch.NetworkEvaluation> evaluated = run.runAll(evals);
		for (int i = 0; i < evaluated.size(); i++) {
			HaoSearch.NetworkEvaluation e = evaluated.get(i);
			if (e == null) {
				incomplete = true;
			} else if (e.failure() != null) {
				run.failures.add(e.failure());
			} else {
				pts.add(e.point());
				picks.add(pickOf(net, choices, merged.get(i).picks()));
			}
		}
		return new Points(pts, picks, incomplete);
	}

	static Map<String, SubgraphChoice> pickOf(NetworkSpec net, List<List<SubgraphChoice>> choices, int[] picks) {
		Map<String, SubgraphChoice> pick = new LinkedHashMap<>();
		for (int s = 0; s < net.subgraphs().size(); s++) {
			pick.put(net.subgraphs().get(s).name(), choices.get(s).get(picks[s]));
		}
		return pick;
	}
}
