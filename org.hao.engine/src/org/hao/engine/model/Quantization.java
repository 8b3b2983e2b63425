package org.hao.engine.model;

/**
 * How the user will quantize the network the search picks; the accuracy predictor's drop model uses it (below 8 bit
 * the method moves accuracy more than the bit-width does: see org.hao.engine/docs/predictor.md).
 *
 * @param training quantization-aware training or post-training quantization (calibrated rounding: AdaRound, GPTQ,
 *        QDrop, bias correction; naive min-max rounding below 8 bit is outside the predictor's data)
 * @param firstLast8Bit the first and the last layer with weights are kept at 8 bit (at least) whatever the search
 *        space says for them (HAWQ, QDrop, MQBench, Brevitas do this; torchvision, TFLite, Vitis AI quantize every
 *        layer alike)
 * @param granularity weight scales per output channel or one per tensor
 * @param scales float scales or power-of-two scales (shift-only requantization, as on the Xilinx DPU)
 * @param sensitivityCsv measured per-layer sensitivities of the user's trained model (absolute path), null = the
 *        defaults by layer role fitted on the published table
 * @param algorithm the quantization algorithm (belongs to {@code training}; {@link Algorithm#defaultFor} when the
 *        search names none): below 8 bit it moves the drop by several points at the same bit-widths
 */
public record Quantization(Training training, boolean firstLast8Bit, Granularity granularity, Scales scales,
		String sensitivityCsv, Algorithm algorithm) {

	/** Quantization-aware training or post-training quantization. */
	public enum Training {
		QAT, PTQ
	}

	/** Weight scale granularity. */
	public enum Granularity {
		PER_CHANNEL, PER_TENSOR
	}

	/** Scale format. */
	public enum Scales {
		FLOAT, POWER_OF_TWO
	}

	/**
	 * The quantization algorithm, each of one {@link Training} kind. Post-training: {@code MINMAX} round-to-nearest
	 * with min-max / percentile / MSE / histogram calibration (bias correction included; TFLite, torchvision, Vitis AI
	 * PTQ, TensorRT); {@code ADAROUND} layer-wise learned rounding (AdaRound, AdaQuant, AIMET); {@code GPTQ}
	 * second-order layer-wise rounding; {@code BRECQ} block reconstruction; {@code QDROP} block reconstruction with
	 * randomly dropped activation quantization. Quantization-aware training: {@code STE} fake quantization with
	 * observed ranges and the straight-through estimator (TF / PyTorch / NNCF / Brevitas default QAT); {@code LSQ}
	 * learned step size (LSQ, LSQ+); {@code PACT} learned activation clipping; {@code DOREFA}; {@code HAWQ}
	 * HAWQ-V3 integer-only QAT. The words of the DSL are the lower-case names.
	 */
	public enum Algorithm {
		MINMAX(Training.PTQ), ADAROUND(Training.PTQ), GPTQ(Training.PTQ), BRECQ(Training.PTQ), QDROP(Training.PTQ), STE(
				Training.QAT), LSQ(Training.QAT), PACT(Training.QAT), DOREFA(Training.QAT), HAWQ(Training.QAT);

		private final Training training;

		Algorithm(Training training) {
			this.training = training;
		}

		/** Post-training or quantization-aware training. */
		public Training training() {
			return training;
		}

		/** The DSL's word, e.g. "adaround". */
		public String word() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** The algorithm of a DSL word (case-insensitive), or null. */
		public static Algorithm ofWord(String word) {
			for (Algorithm a : values()) {
				if (a.word().equalsIgnoreCase(word)) {
					return a;
				}
			}
			return null;
		}

		/**
		 * What a search means when it names no algorithm: QAT = {@code STE} (what the frameworks' QAT does), PTQ =
		 * {@code ADAROUND} (the calibrated PTQ of AIMET, MQBench and Vitis AI's fast finetune).
		 */
		public static Algorithm defaultFor(Training t) {
			return t == Training.QAT ? STE : ADAROUND;
		}
	}

	/**
	 * The default when a search states nothing: QAT (a network picked by the search is trained anyway, as HAO does),
	 * first and last layer at 8 bit, per-channel weights, float scales: the common practice in the published rows.
	 */
	public static final Quantization DEFAULT = new Quantization(Training.QAT, true, Granularity.PER_CHANNEL,
			Scales.FLOAT, null);

	/** A method with the training's default algorithm ({@link Algorithm#defaultFor}). */
	public Quantization(Training training, boolean firstLast8Bit, Granularity granularity, Scales scales,
			String sensitivityCsv) {
		this(training, firstLast8Bit, granularity, scales, sensitivityCsv, null);
	}

	/**
	 * @throws IllegalArgumentException when the algorithm is of the other training kind (e.g. QAT with AdaRound)
	 */
	public Quantization {
		Checks.notNull("training", training);
		Checks.notNull("granularity", granularity);
		Checks.notNull("scales", scales);
		if (algorithm == null) {
			algorithm = Algorithm.defaultFor(training);
		} else if (algorithm.training() != training) {
			throw new IllegalArgumentException(
					"algorithm " + algorithm.word() + " is " + algorithm.training() + ", not " + training);
		}
	}

	/** This method with the user's sensitivity table. */
	public Quantization withSensitivityCsv(String csv) {
		return new Quantization(training, firstLast8Bit, granularity, scales, csv, algorithm);
	}

	/** Words for reports, e.g. "QAT, first/last layer 8-bit, per-channel, float scales". */
	public String describe() {
		return training + " (" + algorithm.word() + "), "
				+ (firstLast8Bit ? "first/last layer 8-bit" : "first/last layer as the rest") + ", "
				+ (granularity == Granularity.PER_CHANNEL ? "per-channel" : "per-tensor") + ", "
				+ (scales == Scales.FLOAT ? "float scales" : "power-of-two scales")
				+ (sensitivityCsv == null ? "" : ", sensitivities " + sensitivityCsv);
	}
}
