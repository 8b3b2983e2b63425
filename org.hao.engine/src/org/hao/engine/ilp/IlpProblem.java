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
 */
public record IlpProblem(String name, IlpObjective objective, List<String> layerNames, List<List<IlpCandidate>> candidates,
        ResourceBudget budget) {

    public IlpProblem {
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
                throw new IllegalArgumentException("subgraph " + name + ", layer " + layerNames.get(i)
                        + ": no parallelism candidate");
            }
            copy.add(List.copyOf(c));
        }
        candidates = List.copyOf(copy);
        layerNames = List.copyOf(layerNames);
    }

    public int layerCount() {
        return candidates.size();
    }

    /** Latency of the subgraph for a choice (index per layer), by the objective's rule. */
    public double latencyOf(int[] choice) {
        double acc = 0;
        for (int l = 0; l < choice.length; l++) {
            double v = candidates.get(l).get(choice[l]).latencyMs();
            acc = objective == IlpObjective.MIN_MAX ? Math.max(acc, v) : acc + v;
        }
        return acc;
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
