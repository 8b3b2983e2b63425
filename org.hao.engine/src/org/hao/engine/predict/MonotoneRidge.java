package org.hao.engine.predict;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Ridge regression on centred, standardised columns with linear inequality constraints on the coefficients,
 * {@code G b >= 0} (the float model's monotonicity: each row of G is the model's derivative along ln MACs or ln params
 * at one point of the table's domain, see docs/predictor.md section 1): minimises {@code |y - X b|^2 + lambda |b|^2}
 * subject to the constraints. Solved through the dual, a non-negative quadratic program in one multiplier per
 * constraint, by Hildreth's coordinate descent ({@code b = b0 + H^-1 G' mu}, {@code H = X'X + lambda I},
 * {@code b0 = H^-1 X'y}); a handful of constraints, so it converges in a few hundred sweeps.
 *
 * <p>
 * Leave-one-out residuals in closed form for the final active set (the constraints whose multiplier is positive held as
 * equalities): the estimator is then linear in y, {@code b = M X'y} with
 * {@code M = H^-1 - H^-1 G_A' (G_A H^-1 G_A')^+ G_A H^-1}, and {@code e_loo,i = e_i / (1 - h_ii)} with
 * {@code h_ii = x_i' M x_i + 1/n} (the intercept of the centred target). Exact when holding the row out leaves the active
 * set unchanged; the true leave-one-out of the benchmark refits instead.
 *
 * @param beta coefficients on the standardised columns
 * @param looResiduals leave-one-out residuals (y_i minus the prediction without row i), one per row
 * @param active number of constraints that bind
 */
record MonotoneRidge(double[] beta, double[] looResiduals, int active) {

	/** Multipliers below this count as zero (the constraint does not bind). */
	private static final double ACTIVE = 1e-10;
	/** Sweeps of the coordinate descent at most; it stops earlier once no multiplier moves by more than 1e-13. */
	private static final int MAX_SWEEPS = 100_000;

	/**
	 * @param x n x p standardised design (no intercept column)
	 * @param yc n centred targets
	 * @param lambda ridge strength (> 0)
	 * @param g m x p constraint rows (m may be 0): the fit keeps {@code g_k . b >= 0}
	 */
	static MonotoneRidge fit(RealMatrix x, RealVector yc, double lambda, double[][] g) {
		int n = x.getRowDimension(), p = x.getColumnDimension();
		RealMatrix h = x.transpose().multiply(x).add(MatrixUtils.createRealIdentityMatrix(p).scalarMultiply(lambda));
		RealMatrix hinv = new CholeskyDecomposition(h, 1e-12, 1e-14).getSolver().getInverse();
		RealVector b0 = hinv.operate(x.transpose().operate(yc));
		int m = g.length;
		double[] mu = new double[m];
		RealVector beta = b0;
		RealMatrix m0 = hinv;
		int active = 0;
		if (m > 0) {
			RealMatrix gm = new Array2DRowRealMatrix(g, false);
			RealMatrix hg = hinv.multiply(gm.transpose()); // p x m
			RealMatrix q = gm.multiply(hg); // m x m
			RealVector c = gm.operate(b0);
			for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
				double moved = 0;
				for (int k = 0; k < m; k++) {
					double qkk = q.getEntry(k, k);
					if (qkk <= 0) {
						continue;
					}
					double grad = c.getEntry(k);
					for (int j = 0; j < m; j++) {
						grad += q.getEntry(k, j) * mu[j];
					}
					double next = Math.max(0, mu[k] - grad / qkk);
					moved = Math.max(moved, Math.abs(next - mu[k]));
					mu[k] = next;
				}
				if (moved < 1e-13) {
					break;
				}
			}
			beta = b0.add(hg.operate(MatrixUtils.createRealVector(mu)));
			for (double v : mu) {
				active += v > ACTIVE ? 1 : 0;
			}
			if (active > 0) {
				double[][] ga = new double[active][];
				int a = 0;
				for (int k = 0; k < m; k++) {
					if (mu[k] > ACTIVE) {
						ga[a++] = g[k];
					}
				}
				RealMatrix gam = new Array2DRowRealMatrix(ga, false);
				RealMatrix hga = hinv.multiply(gam.transpose());
				RealMatrix inner = new SingularValueDecomposition(gam.multiply(hga)).getSolver().getInverse();
				m0 = hinv.subtract(hga.multiply(inner).multiply(hga.transpose()));
			}
		}
		double[] loo = new double[n];
		for (int i = 0; i < n; i++) {
			RealVector xi = x.getRowVector(i);
			double hii = xi.dotProduct(m0.operate(xi)) + 1.0 / n;
			loo[i] = (yc.getEntry(i) - xi.dotProduct(beta)) / (1 - hii);
		}
		return new MonotoneRidge(beta.toArray(), loo, active);
	}
}
