package org.hao.engine.tests.scip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hao.engine.scip.ScipNatives;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/** The real SCIP loads from the platform fragment inside Equinox and solves a knapsack with a known optimum. */
class ScipInOsgiTest {

	@Test
	void loadsScipInsideOsgi() {
		Bundle engine = FrameworkUtil.getBundle(ScipInOsgiTest.class);
		assertNotNull(engine, "the test must run inside OSGi (tycho-surefire)");
		String version = ScipNatives.ensureLoaded();
		assertTrue(version.startsWith("SCIP"), version);
	}

	@Test
	void solvesSmallKnapsackOptimally() {
		ScipNatives.ensureLoaded();
		int[] value = {10, 13, 7, 8};
		int[] weight = {5, 6, 3, 4};
		MPSolver solver = MPSolver.createSolver("SCIP");
		try {
			solver.setTimeLimit(10_000);
			MPConstraint capacity = solver.makeConstraint(0, 10, "capacity");
			MPVariable[] take = new MPVariable[value.length];
			for (int i = 0; i < value.length; i++) {
				take[i] = solver.makeBoolVar("take" + i);
				capacity.setCoefficient(take[i], weight[i]);
				solver.objective().setCoefficient(take[i], value[i]);
			}
			solver.objective().setMaximization();
			assertEquals(MPSolver.ResultStatus.OPTIMAL, solver.solve());
			// best: items 1+3 (6+4=10 weight, 13+8=21) vs 0+3 (9, 18) vs 1+2 (9, 20) vs 2+3 (7, 15) -> 21
			assertEquals(21.0, solver.objective().value(), 1e-9);
		} finally {
			solver.delete();
		}
	}
}
