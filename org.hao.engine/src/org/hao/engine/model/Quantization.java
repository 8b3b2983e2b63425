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
 */
public record Quantization(Training training, boolean firstLast8Bit, Granularity granularity, Scales scales,
        String sensitivityCsv) {

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
     * The default when a search states nothing: QAT (a network picked by the search is trained anyway, as HAO does),
     * first and last layer at 8 bit, per-channel weights, float scales: the common practice in the published rows.
     */
    public static final Quantization DEFAULT = new Quantization(Training.QAT, true, Granularity.PER_CHANNEL, Scales.FLOAT,
            null);

    public Quantization {
        Checks.notNull("training", training);
        Checks.notNull("granularity", granularity);
        Checks.notNull("scales", scales);
    }

    /** This method with the user's sensitivity table. */
    public Quantization withSensitivityCsv(String csv) {
        return new Quantization(training, firstLast8Bit, granularity, scales, csv);
    }

    /** Words for reports, e.g. "QAT, first/last layer 8-bit, per-channel, float scales". */
    public String describe() {
        return training + ", " + (firstLast8Bit ? "first/last layer 8-bit" : "first/last layer as the rest") + ", "
                + (granularity == Granularity.PER_CHANNEL ? "per-channel" : "per-tensor") + ", "
                + (scales == Scales.FLOAT ? "float scales" : "power-of-two scales")
                + (sensitivityCsv == null ? "" : ", sensitivities " + sensitivityCsv);
    }
}
