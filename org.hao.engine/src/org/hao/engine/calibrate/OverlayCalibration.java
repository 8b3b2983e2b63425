package org.hao.engine.calibrate;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.util.Pair;
import org.hao.engine.arch.Accelerator;
import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.arch.OverlaySpec;
import org.hao.engine.arch.Overheads;
import org.hao.engine.cost.OverlayCostModel;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Device;
import org.hao.engine.model.NetworkSpec;

/**
 * Fits an overlay's three fitted figures ({@link Overheads}: per-layer overhead cycles, DDR efficiency, depthwise
 * efficiency) to measured latencies by nonlinear least squares (Commons Math Levenberg-Marquardt) on the log ratio
 * predicted / measured, so every row weighs the same whatever its latency. Parameters are fitted as ln(cycles),
 * logit(ddr) and logit(dw), which keeps them in range; their standard deviations come from the fit's covariance
 * (residual variance x (J^T J)^-1) mapped back by the delta method.
 */
public final class OverlayCalibration {
	private OverlayCalibration() {
	}

	/** One measurement: a network on a device whose architecture is a pinned overlay. */
	public record Row(String id, NetworkSpec network, Device device, double measuredMs, String source) {
		public Row {
			if (device.architecture() == null || device.architecture().kind() != ArchitectureKind.OVERLAY
					|| !device.architecture().overlay().pinned()) {
				throw new IllegalArgumentException("row " + id + ": device " + device.name()
						+ " has no fixed accelerator (an 'accelerator overlay' with both engines given) to calibrate");
			}
			if (!(measuredMs > 0)) {
				throw new IllegalArgumentException(
						"row " + id + ": measured latency must be positive, was " + measuredMs);
			}
		}
	}

	/**
	 * Result of a fit.
	 *
	 * @param overheads the fitted figures
	 * @param sd standard deviations of (overhead cycles, DDR efficiency, depthwise efficiency); NaN when the fit has
	 *        no degrees of freedom left
	 * @param predictedMs per row, with the fitted figures
	 * @param iterations optimizer iterations
	 */
	public record Fit(Overheads overheads, double[] sd, double[] predictedMs, int iterations) {
	}

	/** Latency of a row's network on its device's overlay with the given figures (ms). */
	public static double predict(Row row, Overheads o) {
		OverlaySpec spec = row.device().architecture().overlay().withOverheads(o);
		OverlayCostModel model = new OverlayCostModel(row.device(), spec);
		ExpandedNetwork en = NetworkExpander.expand(row.network());
		List<Layer> layers = en.layers();
		Accelerator a = model.accelerator(spec.label(), spec.conv(), spec.depthwise(), spec.featureBufferKiB(),
				OverlayCostModel.datapathBits(layers));
		return model.networkCost(layers, a).latencyMs();
	}

	/** Fits the three figures on {@code rows} starting from {@code start}. */
	public static Fit fit(List<Row> rows, Overheads start) {
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("no calibration rows");
		}
		double[] p0 = {Math.log(Math.max(1, start.layerOverheadCycles())), logit(start.ddrEfficiency()),
				logit(start.depthwiseEfficiency())};
		LeastSquaresBuilder b = new LeastSquaresBuilder().start(p0).target(new double[rows.size()]).maxEvaluations(2000)
				.maxIterations(500).model(point -> residualsAndJacobian(rows, point.toArray()));
		LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(b.build());
		double[] p = opt.getPoint().toArray();
		Overheads o = toOverheads(p);
		double[] sd = standardDeviations(rows, p, o);
		double[] pred = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			pred[i] = predict(rows.get(i), o);
		}
		return new Fit(o, sd, pred, opt.getIterations());
	}

	/**
	 * Standard deviations of the three figures: residual variance x (J^T J)^-1 over the parameters the rows determine
	 * (a Jacobian column of zeros, e.g. the depthwise efficiency when every depthwise layer is DDR-bound, stays NaN),
	 * mapped from ln / logit back to cycles and fractions by the delta method.
	 */
	private static double[] standardDeviations(List<Row> rows, double[] p, Overheads o) {
		double[] sd = {Double.NaN, Double.NaN, Double.NaN};
		Pair<RealVector, RealMatrix> rj = residualsAndJacobian(rows, p);
		RealMatrix j = rj.getSecond();
		List<Integer> determined = new ArrayList<>();
		for (int k = 0; k < p.length; k++) {
			if (j.getColumnVector(k).getNorm() > 1e-9) {
				determined.add(k);
			}
		}
		int dof = rows.size() - determined.size();
		if (dof <= 0 || determined.isEmpty()) {
			return sd;
		}
		RealMatrix jr = new Array2DRowRealMatrix(rows.size(), determined.size());
		for (int c = 0; c < determined.size(); c++) {
			jr.setColumnVector(c, j.getColumnVector(determined.get(c)));
		}
		try {
			RealMatrix cov = new org.apache.commons.math3.linear.QRDecomposition(jr.transpose().multiply(jr), 1e-12)
					.getSolver().getInverse();
			RealVector r = rj.getFirst();
			double s2 = r.dotProduct(r) / dof;
			double[] dTransform = {o.layerOverheadCycles(), o.ddrEfficiency() * (1 - o.ddrEfficiency()),
					o.depthwiseEfficiency() * (1 - o.depthwiseEfficiency())};
			for (int c = 0; c < determined.size(); c++) {
				int k = determined.get(c);
				sd[k] = Math.abs(dTransform[k]) * Math.sqrt(Math.max(0, cov.getEntry(c, c) * s2));
			}
		} catch (RuntimeException singular) {
			// parameters that only move together: their uncertainty stays unknown (NaN)
		}
		return sd;
	}

	/** Leave-one-out predictions: row i predicted with the figures fitted on every other row. */
	public static double[] leaveOneOut(List<Row> rows, Overheads start) {
		double[] out = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			List<Row> rest = new ArrayList<>(rows);
			rest.remove(i);
			out[i] = predict(rows.get(i), fit(rest, start).overheads());
		}
		return out;
	}

	/** Mean absolute percentage error of predictions against measurements (percent). */
	public static double mape(double[] predicted, double[] measured) {
		double s = 0;
		for (int i = 0; i < predicted.length; i++) {
			s += Math.abs(predicted[i] - measured[i]) / measured[i];
		}
		return 100 * s / predicted.length;
	}

	/** Spearman rank correlation (Commons Math); NaN for fewer than two rows. */
	public static double spearman(double[] predicted, double[] measured) {
		return predicted.length < 2 ? Double.NaN : new SpearmansCorrelation().correlation(predicted, measured);
	}

	private static Pair<RealVector, RealMatrix> residualsAndJacobian(List<Row> rows, double[] p) {
		double[] r = residuals(rows, p);
		double[][] j = new double[rows.size()][p.length];
		for (int k = 0; k < p.length; k++) {
			double[] q = p.clone();
			double h = 1e-5 * Math.max(1, Math.abs(p[k]));
			q[k] += h;
			double[] rq = residuals(rows, q);
			for (int i = 0; i < rows.size(); i++) {
				j[i][k] = (rq[i] - r[i]) / h;
			}
		}
		return new Pair<>(new ArrayRealVector(r), new Array2DRowRealMatrix(j));
	}

	private static double[] residuals(List<Row> rows, double[] p) {
		Overheads o = toOverheads(p);
		double[] r = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			// the optimizer minimises (target - model)^2 with target 0: model = ln(predicted / measured)
			r[i] = -Math.log(predict(rows.get(i), o) / rows.get(i).measuredMs());
		}
		return r;
	}

	private static Overheads toOverheads(double[] p) {
		return new Overheads(Math.exp(p[0]), clamp(sigmoid(p[1])), clamp(sigmoid(p[2])));
	}

	private static double clamp(double v) {
		return Math.min(1, Math.max(1e-6, v));
	}

	private static double logit(double v) {
		double c = Math.min(1 - 1e-6, Math.max(1e-6, v));
		return Math.log(c / (1 - c));
	}

	private static double sigmoid(double x) {
		return 1 / (1 + Math.exp(-x));
	}
}
