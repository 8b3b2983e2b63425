package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 11): the predictor warned "5.4-bit operands below the table's smallest 5.4 bits" for a width a
 * hair below the table's smallest; a warning must show a difference.
 */
class ExtrapolationMessageTest {

    @Test
    void noWarningForADifferenceThePrintedFiguresCannotShow() throws Exception {
        List<AccuracyPredictor.Row> rows;
        try (Reader r = new InputStreamReader(AccuracyPredictor.class.getResourceAsStream(
                AccuracyPredictor.BUILT_IN_RESOURCE), StandardCharsets.UTF_8)) {
            rows = AccuracyPredictor.read(r, "built-in");
        }
        double smallest = rows.stream().mapToDouble(r -> Math.min(r.features().weightBits(), r.features().actBits()))
                .min().orElseThrow();
        AccuracyPredictor p = AccuracyPredictor.builtIn();
        double hair = smallest - 1e-6;
        String message = p.extrapolation(Features.uniform(300, 3.47, 224, 1, 0, hair, hair, 0));
        if (String.format(Locale.ROOT, "%.1f", hair).equals(String.format(Locale.ROOT, "%.1f", smallest))) {
            assertTrue(message == null || !message.contains("-bit operands"), message);
        }
        double clearly = smallest - 0.5;
        String below = p.extrapolation(Features.uniform(300, 3.47, 224, 1, 0, clearly, clearly, 0));
        assertTrue(below != null && below.contains(String.format(Locale.ROOT, "%.1f-bit operands below the table's"
                + " smallest %.1f bits", clearly, smallest)), below);
    }
}
