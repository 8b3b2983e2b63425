package org.hao.engine.predict;

import java.util.ArrayList;
import java.util.List;

import org.hao.engine.model.Quantization;
import org.hao.engine.predict.DropModel.QLayer;
import org.hao.engine.predict.DropModel.Role;

/**
 * Network-level features of the part of a quantization drop that comes from layers below 8 bit (the drop model's
 * second stage, {@link DropModel}): per-layer sensitivity x perturbation, summed HAWQ-style, then summarised.
 *
 * <p>Excess perturbation of a layer at b &lt; 8 bits: {@code e(b) = 2^(8 - b) - 1} (the quantization step relative to
 * 8 bit, minus the 8-bit step that the first stage already covers; 0 at 8 bit and above and in float). Each body layer
 * (every weight layer but the first and the last) has the sensitivity {@code s_l = exp(delta (2 t_l - 1)) u_l}:
 * {@code t_l} its depth (0 = first body layer, 1 = last), {@code delta} the fitted depth slope, {@code u_l} the user's
 * relative sensitivity (1 by default; {@link LayerSensitivities}). Features ({@link #NAMES}):
 * <ul>
 * <li>{@code w_excess} = log2(1 + (sum_l s_l e(w_l) + F (e(w_first) + e(w_last))) / sum_l s_l) over the body layers
 * l: "bits below 8" of the weights, 8 - b for a uniform body with the first and the last layer at 8 bit; those two
 * add F = {@link #FIRST_LAST_WEIGHT} body layers' worth each at their bits (raised to 8 when the method keeps them at 8
 * bit); {@code a_excess} the same for the body's activations; their squares / 4;</li>
 * <li>{@code dw_share} = share of depthwise layers in the body; {@code dw_w} = (share of the sensitivity-weighted weight
 * excess in depthwise layers) x w_excess; {@code dw_a} the same for activations;</li>
 * <li>{@code layerwise*a_excess}: a_excess for layer-wise rounding (AdaRound, GPTQ), which fits weights against
 * float activations and so suffers more from low-bit activations than block reconstruction (QDrop's finding);</li>
 * <li>{@code layerwise*a_excess*ln_layers}: a_excess x ln(body layers) for layer-wise rounding, whose activation error
 * accumulates over the depth (no layer corrects the error of the layers before it);</li>
 * <li>one indicator per {@link Quantization.Algorithm} (the training kind follows from the algorithm);</li>
 * <li>for QAT algorithms, one {@code qat_alg_*dw_share} term each: the algorithm's indicator x the depthwise share of
 * the body (how well the algorithm's quantizer copes with depthwise layers is its own).</li>
 * </ul>
 * The intercept is added by the fit. Scale granularity and format enter through the drop model's fixed offset
 * (the ratio of their 8-bit drops), not here. Stateless.
 */
public final class ExcessFeatures {
	/** Feature names in vector order (after the intercept). */
	public static final List<String> NAMES;
	static {
		List<String> n = new ArrayList<>(List.of("w_excess", "a_excess", "w_excess^2/4", "a_excess^2/4", "dw_share",
				"dw_w", "dw_a", "layerwise*a_excess", "layerwise*dw_a", "layerwise*a_excess*ln_layers"));
		for (Quantization.Algorithm a : Quantization.Algorithm.values()) {
			n.add("alg_" + a.word());
		}
		for (Quantization.Algorithm a : Quantization.Algorithm.values()) {
			n.add("qat_alg_" + a.word() + "*dw_share");
		}
		NAMES = List.copyOf(n);
	}
	/**
	 * Features whose coefficient must not be negative: every term that grows as bits are removed (so that fewer bits
	 * never predict less drop); the depthwise share and the algorithm indicators are levels and may take either sign.
	 */
	static boolean[] monotone() {
		boolean[] m = new boolean[P];
		for (int j : new int[]{0, 1, 2, 3, 5, 6, 7, 8, 9}) {
			m[j] = true;
		}
		return m;
	}

	/** Index of the first algorithm indicator. */
	static final int ALG = 10;
	/** Number of features (without the intercept). */
	public static final int P = ALG + 2 * Quantization.Algorithm.values().length;
	/**
	 * Sensitivity of the first and of the last layer in the per-layer sum, in body-layer units: an assumption, not
	 * fitted (one published sub-8-bit row quantizes either below 8 bit); every source that can keeps them at 8 bit.
	 */
	public static final double FIRST_LAST_WEIGHT = 4;

	private ExcessFeatures() {
	}

	/** Excess perturbation of b bits over 8 bits: 2^(8 - b) - 1 below 8, else 0. */
	public static double excess(double bits) {
		return bits >= 8 ? 0 : Math.pow(2, 8 - bits) - 1;
	}

	/**
	 * Depth weight of body layer {@code k} of {@code m} body layers: exp(delta (2 t - 1)), t = k / (m - 1) (1 for the
	 * middle layer; the last layer exp(2 delta) times the first).
	 */
	static double depthWeight(int k, int m, double delta) {
		double t = m <= 1 ? 0.5 : (double) k / (m - 1);
		return Math.exp(delta * (2 * t - 1));
	}

	/**
	 * The feature vector of {@code layers} quantized by {@code q}.
	 *
	 * @param u relative user sensitivities per layer index (null = all 1)
	 * @param delta depth slope
	 */
	public static double[] vector(List<QLayer> layers, Quantization q, double[] u, double delta) {
		int n = layers.size();
		int m = 0;
		for (QLayer l : layers) {
			if (l.role() == Role.DENSE || l.role() == Role.DEPTHWISE) {
				m++;
			}
		}
		double sw = 0, sa = 0, s = 0, dwW = 0, dwA = 0;
		int k = 0, dw = 0;
		for (int i = 0; i < n; i++) {
			QLayer l = layers.get(i);
			if (l.role() == Role.FIRST || l.role() == Role.LAST) {
				// added on top of the body's mean (not averaged in): quantizing them too always costs more
				sw += FIRST_LAST_WEIGHT * (u == null ? 1 : u[i]) * excess(DropModel.effectiveWeightBits(l, q));
				continue;
			}
			double w = depthWeight(k++, m, delta) * (u == null ? 1 : u[i]);
			double ew = w * excess(l.weightBits()), ea = w * excess(l.actBits());
			sw += ew;
			sa += ea;
			s += w;
			if (l.role() == Role.DEPTHWISE) {
				dw++;
				dwW += ew;
				dwA += ea;
			}
		}
		double[] x = new double[P];
		if (m == 0) {
			// no body (a network of two weight layers): the first and the last layer are the whole network, their
			// activations included
			s = 2 * FIRST_LAST_WEIGHT;
			for (int i = 0; i < n; i++) {
				sa += FIRST_LAST_WEIGHT * (u == null ? 1 : u[i]) * excess(layers.get(i).actBits());
			}
		}
		double wx = s > 0 ? log2(1 + sw / s) : 0, ax = s > 0 ? log2(1 + sa / s) : 0;
		x[0] = wx;
		x[1] = ax;
		x[2] = wx * wx / 4;
		x[3] = ax * ax / 4;
		x[4] = m == 0 ? 0 : (double) dw / m;
		x[5] = sw > 0 ? dwW / sw * wx : 0;
		x[6] = sa > 0 ? dwA / sa * ax : 0;
		// layer-wise rounding (AdaRound, GPTQ) fits each layer's weights with float inputs: low-bit activations
		// hurt it more than block reconstruction that sees them (QDrop's point)
		boolean layerwise = q.algorithm() == Quantization.Algorithm.ADAROUND
				|| q.algorithm() == Quantization.Algorithm.GPTQ;
		x[7] = layerwise ? ax : 0;
		x[8] = layerwise ? x[6] : 0;
		// layer-wise rounding corrects no error of the layers before: the activation error accumulates over the body's
		// depth (AdaRound / BRECQ at W3A3 is 1.0 on ResNet-18's 19 body layers, 1.8 on ResNet-50's and MobileNetV2's 52)
		x[9] = layerwise ? ax * Math.log(Math.max(1, m)) : 0;
		// GPTQ shares AdaRound's indicator: both are layer-wise rounding against float inputs, and the table's two GPTQ
		// rows (one source, one with power-of-two scales and 4-bit first/last layers) cannot fit their own level
		int alg = (q.algorithm() == Quantization.Algorithm.GPTQ ? Quantization.Algorithm.ADAROUND : q.algorithm())
				.ordinal();
		x[ALG + alg] = 1;
		// in QAT, training adapts the weights to the algorithm's quantizer, and how well that quantizer copes with the
		// depthwise layers' spread of per-channel ranges is the algorithm's own (PACT's one learned clipping level per
		// layer loses 9.3 points on EfficientNet-Lite0 and 0.1-0.2 on the ResNets; LSQ's learned steps 2.2 and none);
		// in PTQ the depthwise effect is the calibration's, common to the algorithms (dw_share, dw_w, dw_a)
		x[ALG + Quantization.Algorithm.values().length + alg] = q.training() == Quantization.Training.QAT ? x[4] : 0;
		return x;
	}

	/** How far below 8 bit the scheme is, in bits (w_excess + a_excess); 0 = nothing below 8 bit. */
	static double depthBelow8(double[] x) {
		return x[0] + x[1];
	}

	/**
	 * Each layer's share of the excess (weights and activations of body layers by s_l e, the first and the last layer
	 * by their own excess), summing to 1 over the layers (all 0 when nothing is below 8 bit). Used to attribute the
	 * second stage's drop to layers.
	 */
	static double[] shares(List<QLayer> layers, Quantization q, double[] u, double delta) {
		int n = layers.size();
		int m = 0;
		for (QLayer l : layers) {
			if (l.role() == Role.DENSE || l.role() == Role.DEPTHWISE) {
				m++;
			}
		}
		double[] e = new double[n];
		double total = 0;
		int k = 0;
		for (int i = 0; i < n; i++) {
			QLayer l = layers.get(i);
			if (l.role() == Role.FIRST || l.role() == Role.LAST) {
				e[i] = FIRST_LAST_WEIGHT * (u == null ? 1 : u[i]) * excess(DropModel.effectiveWeightBits(l, q));
			} else {
				e[i] = depthWeight(k++, m, delta) * (u == null ? 1 : u[i])
						* (excess(l.weightBits()) + excess(l.actBits()));
			}
			total += e[i];
		}
		for (int i = 0; i < n; i++) {
			e[i] = total > 0 ? e[i] / total : 0;
		}
		return e;
	}

	private static double log2(double v) {
		return Math.log(v) / Math.log(2);
	}
}
