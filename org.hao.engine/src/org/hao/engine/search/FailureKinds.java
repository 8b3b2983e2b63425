package org.hao.engine.search;

import org.hao.engine.ilp.IlpResult;
import org.hao.engine.results.FailureKind;

/** The failure kind of a solver status without a configuration. */
final class FailureKinds {
	private FailureKinds() {
	}

	static FailureKind of(IlpResult.Status status) {
		return switch (status) {
			case CANCELLED -> FailureKind.CANCELLED;
			case TIME_LIMIT -> FailureKind.TIME_LIMIT;
			case SOLVER_UNAVAILABLE -> FailureKind.SOLVER_UNAVAILABLE;
			case OPTIMAL, FEASIBLE, INFEASIBLE -> FailureKind.DOES_NOT_FIT;
			default -> FailureKind.FAULT;
		};
	}
}
