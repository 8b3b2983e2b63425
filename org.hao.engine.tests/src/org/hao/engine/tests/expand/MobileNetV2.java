package org.hao.engine.tests.expand;

import java.util.ArrayList;
import java.util.List;

import org.hao.engine.model.Conv;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;

/** MobileNetV2-1.0 at 224 x 224 (Sandler et al. 2018, Table 2), one subgraph per table row. */
public final class MobileNetV2 {
    private MobileNetV2() {
    }

    /** Rows of Table 2: expansion t, output channels c, repeats n, first stride s. */
    private static final int[][] BOTTLENECKS = { { 1, 16, 1, 1 }, { 6, 24, 2, 2 }, { 6, 32, 3, 2 }, { 6, 64, 4, 2 },
            { 6, 96, 3, 1 }, { 6, 160, 3, 2 }, { 6, 320, 1, 1 } };

    public static NetworkSpec network() {
        List<SubgraphSpec> subgraphs = new ArrayList<>();
        subgraphs.add(subgraph("stem", new Conv("conv1", 32, 3, 2)));
        for (int i = 0; i < BOTTLENECKS.length; i++) {
            int[] b = BOTTLENECKS[i];
            subgraphs.add(subgraph("s" + (i + 1), new MBConv("b" + (i + 1), b[0], 3, b[3], b[1], false, b[2])));
        }
        subgraphs.add(subgraph("head", new Pointwise("conv_last", 1280),
                new Pool("avgpool", PoolKind.AVG, 0, 0, true), new FullyConnected("fc", 1000)));
        return new NetworkSpec("mobilenet_v2", new Shape(3, 224, 224), subgraphs);
    }

    private static SubgraphSpec subgraph(String name, OpSpec... ops) {
        return new SubgraphSpec(name, ExecutionMode.PIPELINED, List.of(ops), SubgraphSpace.NONE);
    }
}
