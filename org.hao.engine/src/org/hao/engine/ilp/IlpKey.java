package org.hao.engine.ilp;

import java.util.List;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.Device;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;

/**
 * Identity of a subgraph ILP for {@link IlpCache}: the layers' shapes, bit-widths and pruning (names do not matter: two
 * subgraphs of identical layers have the same problem), the device, the budget (caps), the objective (mode), the
 * number of parallelism candidates per layer and the time limit.
 */
public record IlpKey(List<LayerSignature> layers, Device device, ResourceBudget budget, IlpObjective objective,
        int maxCandidates, long timeLimitMs) {

    public IlpKey {
        layers = List.copyOf(layers);
    }

    /** What of a layer enters its cost coefficients. */
    public record LayerSignature(LayerKind kind, int inChannels, int outChannels, int inHeight, int inWidth, int outHeight,
            int outWidth, int kernel, int stride, BitWidths bits, Pruning pruning) {
        public static LayerSignature of(Layer l) {
            return new LayerSignature(l.kind(), l.inChannels(), l.outChannels(), l.inHeight(), l.inWidth(), l.outHeight(),
                    l.outWidth(), l.kernel(), l.stride(), l.bits(), l.pruning());
        }
    }

    public static IlpKey of(List<Layer> layers, Device device, ResourceBudget budget, IlpObjective objective,
            int maxCandidates, long timeLimitMs) {
        return new IlpKey(layers.stream().map(LayerSignature::of).toList(), device, budget, objective, maxCandidates,
                timeLimitMs);
    }
}
