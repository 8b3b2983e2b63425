package org.hao.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hao.engine.arch.Accelerator;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.results.Failure;
import org.hao.engine.results.FailureKind;

/**
 * Phase 1: every choice of every subgraph, the others at their base values. Latency from the subgraph ILP (per-subgraph
 * and dataflow) or, on an overlay, exactly on the reference accelerator; accuracy change from the predictor on the
 * whole network. Keeps each subgraph's front of (latency, accuracy change), with the overlay's slack.
 */
final class SubgraphScan {
	/** One choice's score: its latency and the accuracy it adds to the base network. */
	record Score(int subgraph, int choice, double latencyMs, double accDelta, Failure failure) {
	}

	/** Per subgraph, its kept choices by ascending latency; {@code incomplete} when the deadline cut the scan short. */
	record Fronts(List<List<Score>> fronts, boolean incomplete) {
	}

	private SubgraphScan() {
	}

	static Fronts run(SearchRun run, NetworkSpec net, List<List<SubgraphChoice>> choices, double baseAcc,
			Accelerator reference, double slack) {
		SubgraphEvaluator evaluator = run.networks.subgraphEvaluator();
		List<Callable<Score>> tasks = new ArrayList<>();
		for (int s = 0; s < choices.size(); s++) {
			String sgName = net.subgraphs().get(s).name();
			for (int c = 0; c < choices.get(s).size(); c++) {
				final int fs = s, fc = c;
				SubgraphChoice choice = choices.get(s).get(c);
				tasks.add(() -> {
					if (run.stop.getAsBoolean()) {
						return null;
					}
					Score it = score(run, net, evaluator, sgName, fs, fc, choice, baseAcc, reference);
					run.step("subgraph " + sgName);
					return it;
				});
			}
		}
		List<List<Score>> fronts = new ArrayList<>();
		for (int s = 0; s < choices.size(); s++) {
			fronts.add(new ArrayList<>());
		}
		boolean incomplete = false;
		for (Score it : run.runAll(tasks)) {
			if (it == null) {
				incomplete = true;
			} else if (it.failure() != null) {
				// a choice the cancel stopped is not a fault of that choice
				if (!run.stop.getAsBoolean() || it.failure().kind() != FailureKind.CANCELLED) {
					run.failures.add(it.failure());
				}
			} else {
				fronts.get(it.subgraph()).add(it);
			}
		}
		for (int s = 0; s < fronts.size(); s++) {
			List<Score> f = fronts.get(s);
			f.sort(Comparator.comparingDouble(Score::latencyMs)
					.thenComparing(Comparator.comparingDouble(Score::accDelta).reversed())
					.thenComparingInt(Score::choice));
			// overlay: phase 1 ranks choices on the reference accelerator only, so a choice within the slack of the
			// front is kept too (it may win with the network's own accelerator)
			fronts.set(s, ParetoFilter.front(f, Score::latencyMs, Score::accDelta, slack));
		}
		return new Fronts(fronts, incomplete);
	}

	private static Score score(SearchRun run, NetworkSpec net, SubgraphEvaluator evaluator, String sgName, int s, int c,
			SubgraphChoice choice, double baseAcc, Accelerator reference) {
		String what = "subgraph " + sgName + " " + HaoSearch.describe(choice) + ": ";
		try {
			ExpandedNetwork en = NetworkExpander.expand(net, Map.of(sgName, choice));
			if (reference != null) {
				double lat = run.networks.latencyOnOverlay(en, en.subgraphs().get(s), reference);
				return new Score(s, c, lat, run.predictor.predict(en) - baseAcc, null);
			}
			SubgraphEvaluator.Evaluation ev = evaluator.evaluate(en.subgraphs().get(s), run.stop);
			if (!ev.ok()) {
				return new Score(s, c, 0, 0, new Failure(ev.failureKind(), what + ev.failure()));
			}
			return new Score(s, c, ev.cost().latencyMs(), run.predictor.predict(en) - baseAcc, null);
		} catch (ShapeException e) {
			return new Score(s, c, 0, 0,
					new Failure(FailureKind.SHAPE, what + "op " + e.opName() + ": " + e.getMessage()));
		} catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
			// one bad configuration is reported and skipped; the others are still searched
			return new Score(s, c, 0, 0, new Failure(FailureKind.FAULT, what + HaoSearch.fault(e)));
		}
	}
}
