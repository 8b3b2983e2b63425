package org.hao.engine.ilp;

import java.util.List;

/**
 * Outcome of one subgraph ILP.
 *
 * @param status what happened
 * @param latencyMs subgraph latency of the returned configuration (NaN without one)
 * @param choice chosen candidate index per layer (empty without a configuration)
 * @param dsp DSP used by the configuration
 * @param bram18k BRAM18K used
 * @param lut LUT used
 * @param bestBoundMs proven lower bound on the latency (NaN if unknown)
 * @param solveMillis wall time of SCIP's solve
 * @param nodes branch-and-bound nodes SCIP explored
 * @param message words a user can act on
 * @param infeasibility for INFEASIBLE: the binding resource and the shortfall; otherwise null
 */
public record IlpResult(Status status, double latencyMs, List<Integer> choice, int dsp, int bram18k, int lut,
		double bestBoundMs, long solveMillis, long nodes, String message, String infeasibility) {

	public IlpResult {
		choice = choice == null ? List.of() : List.copyOf(choice);
	}

	/** What the solver reached. */
	public enum Status {
		/** Proven optimal (gap 0). */
		OPTIMAL,
		/** A configuration was found but the time limit stopped SCIP before proving it optimal; see the gap. */
		FEASIBLE,
		/** No configuration fits the resources; {@link IlpResult#infeasibility()} says which and by how much. */
		INFEASIBLE,
		/** The user cancelled. */
		CANCELLED,
		/** The time limit passed before any configuration was found. */
		TIME_LIMIT,
		/** SCIP (the OR-Tools natives) cannot be loaded on this machine. */
		SOLVER_UNAVAILABLE,
		/** SCIP reported an abnormal end (numerical trouble, out of memory, ...). */
		ERROR
	}

	public boolean hasSolution() {
		return (status == Status.OPTIMAL || status == Status.FEASIBLE) && !Double.isNaN(latencyMs);
	}

	/** Relative gap between the configuration and the proven bound (0 when optimal, NaN when unknown). */
	public double gap() {
		if (!hasSolution() || Double.isNaN(bestBoundMs)) {
			return Double.NaN;
		}
		if (latencyMs == 0) {
			return 0;
		}
		return Math.max(0, (latencyMs - bestBoundMs) / Math.abs(latencyMs));
	}

	/**
	 * This result with {@code placeholder} replaced by {@code subgraph} in its words: a cached result is shared by
	 * every subgraph with the same layers, so its words must not carry the name of the one solved first.
	 */
	public IlpResult named(String placeholder, String subgraph) {
		return new IlpResult(status, latencyMs, choice, dsp, bram18k, lut, bestBoundMs, solveMillis, nodes,
				message == null ? null : message.replace(placeholder, subgraph),
				infeasibility == null ? null : infeasibility.replace(placeholder, subgraph));
	}

	static IlpResult failure(Status status, String message, String infeasibility, long millis, long nodes) {
		return new IlpResult(status, Double.NaN, List.of(), 0, 0, 0, Double.NaN, millis, nodes, message, infeasibility);
	}
}
