package org.hao.engine.tests.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.expand.Channels;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.SubgraphChoice;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/**
 * The sparse MobileNets of "Fast Sparse ConvNets" (Elsen et al., CVPR 2020) as the engine sees them, to derive the
 * MACs, parameters and MAC-weighted pruning ratio of their rows in imagenet-top1.csv. Widths follow TF-slim
 * (every channel count make_divisible(c * w, 8); MobileNetV2's last 1x1 conv 1280 is scaled only for w > 1). Weight
 * sparsity sits in every 1x1 convolution; the first full convolution and the classifier stay dense, as the models'
 * README says (depthwise layers are never pruned by the engine). The stem and the classifier are subgraphs of
 * their own, so pruning can be chosen for the 1x1 layers only.
 */
final class SparseMobileNets {
	private SparseMobileNets() {
	}

	/** Rows of MobileNetV2 Table 2: expansion t, output channels c, repeats n, first stride s. */
	private static final int[][] V2 = org.hao.engine.bench.Examples.mobileNetV2Table();

	/** MobileNetV1 body: pointwise output channels and depthwise stride per block. */
	private static final int[][] V1 = {{64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1},
			{512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};

	static ExpandedNetwork mobileNetV2(double width, double sparsity) {
		List<OpSpec> body = new ArrayList<>();
		for (int i = 0; i < V2.length; i++) {
			int[] b = V2[i];
			body.add(new MBConv("b" + (i + 1), b[0], 3, b[3], c(b[1], width), false, b[2]));
		}
		body.add(new Pointwise("conv_last", width > 1 ? c(1280, width) : 1280));
		return expand("MobileNetV2-" + width, new Conv("conv1", c(32, width), 3, 2), body, sparsity);
	}

	static ExpandedNetwork mobileNetV1(double width, double sparsity) {
		List<OpSpec> body = new ArrayList<>();
		for (int i = 0; i < V1.length; i++) {
			body.add(new Depthwise("dw" + i, 3, V1[i][1]));
			body.add(new Pointwise("pw" + i, c(V1[i][0], width)));
		}
		return expand("MobileNetV1-" + width, new Conv("conv1", c(32, width), 3, 2), body, sparsity);
	}

	private static int c(int channels, double width) {
		return Channels.makeDivisible(channels * width);
	}

	private static ExpandedNetwork expand(String name, OpSpec stem, List<OpSpec> body, double sparsity) {
		NetworkSpec net = new NetworkSpec(name, new Shape(3, 224, 224), List.of(subgraph("stem", List.of(stem)),
				subgraph("body", body),
				subgraph("head", List.of(new Pool("gap", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)))));
		Map<String, SubgraphChoice> choices = new LinkedHashMap<>();
		// block shape does not change MACs or weights; 1x1 keeps the ratio exact for any channel count
		choices.put("body",
				SubgraphChoice.KEEP_ALL.withPruning(sparsity == 0 ? Pruning.NONE : new Pruning(1, 1, sparsity)));
		return NetworkExpander.expand(net, choices);
	}

	private static SubgraphSpec subgraph(String name, List<OpSpec> ops) {
		return new SubgraphSpec(name, ExecutionMode.SEQUENTIAL, ops, SubgraphSpace.NONE);
	}
}
