package org.hao.engine.predict;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Ridge regression with an unpenalised intercept on columns scaled to unit RMS (a column that is 0 on every row is
 * left out, coefficient 0), solved with Commons Math's Cholesky; the exact leave-one-out residuals come from the hat
 * matrix in closed form ({@code e_loo,i = e_i / (1 - h_ii)}), i.e. the same numbers as refitting without each row.
 *
 * @param coef intercept first, then one coefficient per column in the original units
 * @param looResiduals y_i minus the prediction of the fit without row i
 */
record InterceptRidge(double[] coef, double[] looResiduals) {

	/** Fits y ~ 1 + x with penalty lambda on the scaled non-intercept coefficients. */
	static InterceptRidge fit(double[][] x, double[] y, double lambda) {
		return fit(x, y, null, lambda);
	}

	/**
	 * Weighted fit: minimises sum_i w_i (y_i - x_i b)^2 + lambda |b|^2 (w = null: all 1); the leave-one-out residuals
	 * are those of the weighted fit without row i.
	 */
	static InterceptRidge fit(double[][] x, double[] y, double[] w, double lambda) {
		return fit(x, y, w, lambda, new boolean[x[0].length]);
	}

	/**
	 * As {@link #fit(double[][], double[], double[], double)} with the coefficients of the columns marked in
	 * {@code nonNegative} kept >= 0: the most negative of them is removed and the rest refitted until none is
	 * negative. The leave-one-out residuals are those of the final column set.
	 */
	static InterceptRidge fit(double[][] x, double[] y, double[] w, double lambda, boolean[] nonNegative) {
		return fit(x, y, w, lambda, nonNegative, true);
	}

	/**
	 * As {@link #fit(double[][], double[], double[], double, boolean[])}; without {@code loo} the leave-one-out
	 * residuals are not computed (null), which saves the inverse of each solve (iterative callers).
	 */
	static InterceptRidge fit(double[][] x, double[] y, double[] w, double lambda, boolean[] nonNegative, boolean loo) {
		boolean[] off = new boolean[x[0].length];
		while (true) {
			InterceptRidge r = solve(x, y, w, lambda, off, false);
			int worst = -1;
			for (int j = 0; j < off.length; j++) {
				if (nonNegative[j] && !off[j] && r.coef[j + 1] < -1e-12
						&& (worst < 0 || r.coef[j + 1] < r.coef[worst + 1])) {
					worst = j;
				}
			}
			if (worst < 0) {
				return loo ? solve(x, y, w, lambda, off, true) : r;
			}
			off[worst] = true;
		}
	}

	private static InterceptRidge solve(double[][] x, double[] y, double[] w, double lambda, boolean[] off,
			boolean withLoo) {
		int n = y.length, p = x[0].length;
		double[] s = new double[p];
		for (int j = 0; j < p; j++) {
			double ss = 0;
			for (double[] r : x) {
				ss += r[j] * r[j];
			}
			s[j] = Math.sqrt(ss / n);
		}
		int[] idx = java.util.stream.IntStream.range(0, p).filter(j -> s[j] > 1e-12 && !off[j]).toArray();
		int k = idx.length + 1;
		double[][] z = new double[n][k];
		for (int i = 0; i < n; i++) {
			z[i][0] = 1;
			for (int u = 0; u < idx.length; u++) {
				z[i][u + 1] = x[i][idx[u]] / s[idx[u]];
			}
		}
		double[][] a = new double[k][k];
		double[] b = new double[k];
		for (int i = 0; i < n; i++) {
			double wi = w == null ? 1 : w[i];
			for (int u = 0; u < k; u++) {
				b[u] += wi * z[i][u] * y[i];
				for (int v = u; v < k; v++) {
					a[u][v] += wi * z[i][u] * z[i][v];
				}
			}
		}
		for (int u = 0; u < k; u++) {
			for (int v = 0; v < u; v++) {
				a[u][v] = a[v][u]; // exactly symmetric (the products above round differently in the two orders)
			}
		}
		for (int u = 1; u < k; u++) {
			a[u][u] += lambda;
		}
		a[0][0] += 1e-9; // keeps the factorisation defined when every row is identical
		RealMatrix am = new Array2DRowRealMatrix(a, false);
		DecompositionSolver solver = new CholeskyDecomposition(am, 1e-12, 1e-14).getSolver();
		double[] sol = solver.solve(new ArrayRealVector(b, false)).toArray();
		double[] coef = new double[p + 1];
		coef[0] = sol[0];
		for (int u = 0; u < idx.length; u++) {
			coef[idx[u] + 1] = sol[u + 1] / s[idx[u]];
		}
		if (!withLoo) {
			return new InterceptRidge(coef, null);
		}
		RealMatrix inv = solver.getInverse();
		double[] loo = new double[n];
		for (int i = 0; i < n; i++) {
			double pred = 0, h = 0;
			for (int u = 0; u < k; u++) {
				pred += z[i][u] * sol[u];
				double t = 0;
				for (int v = 0; v < k; v++) {
					t += inv.getEntry(u, v) * z[i][v];
				}
				h += z[i][u] * t;
			}
			h *= w == null ? 1 : w[i];
			loo[i] = (y[i] - pred) / Math.max(1e-9, 1 - h);
		}
		return new InterceptRidge(coef, loo);
	}

	/** Value at a feature vector (intercept included). */
	double predict(double[] x) {
		double v = coef[0];
		for (int j = 0; j < x.length; j++) {
			v += coef[j + 1] * x[j];
		}
		return v;
	}
}
