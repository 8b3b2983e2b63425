package org.hao.engine.ilp;

import java.util.ArrayList;
import java.util.List;

/**
 * One subgraph's parallelism-selection problem: per layer a non-empty list of candidates, the objective and the budget.
 *
 * @param name subgraph name (used in messages)
 * @param objective MIN_MAX for pipelined subgraphs, MIN_SUM for layer-by-layer ones
 * @param layerNames one name per layer (used in messages)
 * @param candidates per layer, its candidates
 * @param budget resource limits
 * @param fixedDdrMs MIN_MAX only: DDR time every configuration spends besides its candidates' (the subgraph's input
 *        and output); the pipelined latency is
 *        {@code max(max_l lat_l + sum_l fillMs_l, fixedDdrMs + sum_l ddrMs_l)}
 */
public record IlpProblem(String name, IlpObjective objective, List<String> layerNames,
		List<List<IlpCandidate>> candidates, ResourceBudget budget, double fixedDdrMs) {

	/** Without shared DDR time. */
	public IlpProblem(String name, IlpObjective objective, List<String> layerNames, List<List<IlpCandidate>> candidates,
			ResourceBudget budget) {
		this(name, objective, layerNames, candidates, budget, 0);
	}

	public IlpProblem {
		if (!(fixedDdrMs >= 0) || Double.isInfinite(fixedDdrMs)) {
			throw new IllegalArgumentException("fixed DDR time must be a finite number >= 0, got " + fixedDdrMs);
		}
		if (objective == null || budget == null || candidates == null || layerNames == null) {
			throw new IllegalArgumentException("objective, budget, layer names and candidates are required");
		}
		if (layerNames.size() != candidates.size()) {
			throw new IllegalArgumentException("subgraph " + name + ": " + layerNames.size() + " layer names but "
					+ candidates.size() + " candidate lists");
		}
		List<List<IlpCandidate>> copy = new ArrayList<>(candidates.size());
		for (int i = 0; i < candidates.size(); i++) {
			List<IlpCandidate> c = candidates.get(i);
			if (c == null || c.isEmpty()) {
				throw new IllegalArgumentException(
						"subgraph " + name + ", layer " + layerNames.get(i) + ": no parallelism candidate");
			}
			copy.add(List.copyOf(c));
		}
		candidates = List.copyOf(copy);
		layerNames = List.copyOf(layerNames);
	}

	public int layerCount() {
		return candidates.size();
	}

	/**
	 * Latency of the subgraph for a choice (index per layer), by the objective's rule: MIN_SUM the sum; MIN_MAX the
	 * slowest layer plus the pipeline fill, or the shared DDR time when that is longer.
	 */
	public double latencyOf(int[] choice) {
		if (objective == IlpObjective.MIN_SUM) {
			double sum = 0;
			for (int l = 0; l < choice.length; l++) {
				sum += candidates.get(l).get(choice[l]).latencyMs();
			}
			return sum;
		}
		double slowest = 0;
		double fill = 0;
		double ddr = fixedDdrMs;
		for (int l = 0; l < choice.length; l++) {
			IlpCandidate c = candidates.get(l).get(choice[l]);
			slowest = Math.max(slowest, c.latencyMs());
			fill += c.fillMs();
			ddr += c.ddrMs();
		}
		return Math.max(slowest + fill, ddr);
	}

	/** Whether the MIN_MAX objective has pipeline terms (fill or shared DDR time) beyond the slowest layer. */
	public boolean hasPipelineTerms() {
		return objective == IlpObjective.MIN_MAX && (fixedDdrMs > 0
				|| candidates.stream().flatMap(List::stream).anyMatch(c -> c.ddrMs() > 0 || c.fillMs() > 0));
	}

	/** Resource totals {dsp, bram18k, lut} of a choice. */
	public long[] resourcesOf(int[] choice) {
		long[] r = new long[3];
		for (int l = 0; l < choice.length; l++) {
			IlpCandidate c = candidates.get(l).get(choice[l]);
			r[0] += c.dsp();
			r[1] += c.bram18k();
			r[2] += c.lut();
		}
		return r;
	}

	/** Whether a choice fits the budget. */
	public boolean fits(int[] choice) {
		long[] r = resourcesOf(choice);
		return r[0] <= budget.dspLimit() && r[1] <= budget.bram18kLimit() && r[2] <= budget.lutLimit();
	}
}
