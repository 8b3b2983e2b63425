package org.hao.engine.tests.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.Features;
import org.junit.jupiter.api.Test;

/**
 * The pruned rows of the built-in table (published top-1 and sparsity of "Fast Sparse ConvNets") carry MACs,
 * parameters and a MAC-weighted pruning ratio that HAO derived; this test derives them again with the engine, so the
 * table cannot drift from the expander, and checks that the fitted predictor learned what those rows say.
 */
class SparseMobileNetRowsTest {
    private static final Pattern NAME = Pattern.compile("MobileNetV([12])-([0-9.]+)-224-sparse(\\d+)");

    private static List<AccuracyPredictor.Row> rows() throws IOException {
        try (Reader r = new InputStreamReader(AccuracyPredictor.class.getResourceAsStream(AccuracyPredictor.BUILT_IN_RESOURCE),
                StandardCharsets.UTF_8)) {
            return AccuracyPredictor.read(r, "imagenet-top1.csv");
        }
    }

    @Test
    void derivedColumnsMatchTheExpander() throws IOException {
        int checked = 0;
        for (AccuracyPredictor.Row row : rows()) {
            Matcher m = NAME.matcher(row.model());
            if (!m.matches()) {
                continue;
            }
            double width = Double.parseDouble(m.group(2));
            double sparsity = Integer.parseInt(m.group(3)) / 100.0;
            ExpandedNetwork net = m.group(1).equals("2") ? SparseMobileNets.mobileNetV2(width, sparsity)
                    : SparseMobileNets.mobileNetV1(width, sparsity);
            Features f = AccuracyPredictor.featuresOf(net);
            String what = row.model() + " (line " + row.line() + ")";
            assertEquals(f.macsM(), row.features().macsM(), 0.05, what + " macs_m");
            assertEquals(f.paramsM(), row.features().paramsM(), 0.0005, what + " params_m");
            assertEquals(f.pruneRatio(), row.features().pruneRatio(), 0.0005, what + " prune_ratio");
            assertTrue(row.source().contains("fastconvnets/README.md"), what + " names its source");
            checked++;
        }
        assertEquals(8, checked, "sparse MobileNet rows in the table");
    }

    @Test
    void denseReferencesMatchThePublishedCounts() {
        // the same builder reproduces TF-slim's dense MobileNetV2-1.4 (582 M MACs, 6.06 M params) and
        // MobileNetV1-1.0 (569 M, 4.24 M incl. the classifier bias, which the engine does not count)
        ExpandedNetwork v2 = SparseMobileNets.mobileNetV2(1.4, 0);
        assertEquals(582.0, v2.macs() / 1e6, 0.5);
        assertEquals(6.06, v2.weights() / 1e6, 0.01);
        ExpandedNetwork v1 = SparseMobileNets.mobileNetV1(1.0, 0);
        assertEquals(569.0, v1.macs() / 1e6, 0.5);
        assertEquals(4.24, v1.weights() / 1e6, 0.04);
    }

    @Test
    void largeSparseBeatsSmallDenseOfTheSameSize() {
        // Zhu & Gupta's finding, and what the Fast Sparse ConvNets rows teach the fit: at equal non-zero MACs and
        // params, the pruned network is predicted more accurate than a dense one (pruning no longer acts only
        // through the reduced size features).
        AccuracyPredictor p = AccuracyPredictor.builtIn();
        System.out.println("PREDICTOR " + p + " coefficients " + p.coefficients());
        assertTrue(p.coefficients().containsKey("prune_ratio"), p.coefficients().toString());
        Features sparse = AccuracyPredictor.featuresOf(SparseMobileNets.mobileNetV2(1.4, 0.85));
        Features dense = new Features(sparse.macsM(), sparse.paramsM(), 224, 1, 0, 32, 32, sparse.quantNoise(), 0);
        assertTrue(p.predict(sparse) > p.predict(dense), p.predict(sparse) + " vs " + p.predict(dense));
        assertEquals(72.0, p.predict(sparse), 1.5, "published 72.0 %");
        assertEquals(null, p.extrapolation(sparse), "inside the table's pruning range now");
    }
}
