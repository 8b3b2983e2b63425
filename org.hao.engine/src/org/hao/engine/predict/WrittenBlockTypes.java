package org.hao.engine.predict;

import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.NetworkSpec;

/**
 * The block-type indicators (inverted residual, squeeze-excite, dense convolution, channel shuffle, swish; see
 * {@link AccuracyPredictor#featuresOf}) of a configuration are those of its network as written: a search choice (a
 * narrower stage, a smaller expansion or kernel, fewer blocks) changes how much a network has, not what it is. Computed
 * from the expanded layers, a share-based indicator could cross its threshold under a choice (a ResNet-50 with
 * narrower bottleneck stages below {@link AccuracyPredictor#DENSE_CONV_SHARE}) and move the network to another block
 * type's model, which can predict the smaller network above the written one (docs/predictor.md, "Capacity").
 */
final class WrittenBlockTypes {
	/** The last network asked for and its written features (a search asks for one network many times). */
	private record Entry(NetworkSpec spec, Features written) {
	}

	private static volatile Entry last;

	private WrittenBlockTypes() {
	}

	/**
	 * {@code f} (the dense features of {@code net}) with the block-type indicators of {@code net.spec()} as written;
	 * {@code f} itself when every subgraph keeps its written structure (kernel, expansion, width, depth) or the written
	 * network does not expand.
	 */
	static Features of(ExpandedNetwork net, Features f) {
		boolean written = true;
		for (ExpandedSubgraph sg : net.subgraphs()) {
			SubgraphChoice c = sg.choice(), w = SubgraphChoice.base(sg.spec());
			written &= c.kernel() == w.kernel() && c.expansion() == w.expansion()
					&& c.widthMultiplier() == w.widthMultiplier() && c.depth() == w.depth();
		}
		if (written) {
			return f;
		}
		Features w = written(net.spec());
		if (w == null) {
			return f;
		}
		return new Features(f.macsM(), f.paramsM(), f.resolution(), w.invertedResidual(), w.squeezeExcite(),
				f.weightBits(), f.actBits(), f.quantNoise(), f.pruneRatio(), w.denseConv(), w.channelShuffle(),
				w.swish());
	}

	private static Features written(NetworkSpec spec) {
		Entry e = last;
		if (e != null && e.spec() == spec) {
			return e.written();
		}
		Features w;
		try {
			w = AccuracyPredictor.denseFeaturesOf(NetworkExpander.expand(spec));
		} catch (ShapeException | IllegalArgumentException x) {
			return null;
		}
		last = new Entry(spec, w);
		return w;
	}
}
