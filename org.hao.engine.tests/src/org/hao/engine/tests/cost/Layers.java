package org.hao.engine.tests.cost;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.Pruning;

/** The layers of the worked examples in cost-model.md. */
final class Layers {
	private Layers() {
	}

	static Layer layer(LayerKind kind, int cin, int cout, int hin, int hout, int k, int s, BitWidths bits,
			Pruning pruning) {
		return new Layer("l", "op", "g", kind, cin, cout, hin, hin, hout, hout, k, s, bits, pruning);
	}

	/** Example 1: MobileNetV2 stem, 3x224x224 -> 32x112x112, 3x3 stride 2. */
	static Layer conv() {
		return layer(LayerKind.CONV, 3, 32, 224, 112, 3, 2, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 2: depthwise 3x3 stride 2 on 96x112x112. */
	static Layer depthwise() {
		return layer(LayerKind.DEPTHWISE, 96, 96, 112, 56, 3, 2, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 3: pointwise 144 -> 24 on 56x56. */
	static Layer pointwise(Pruning pruning) {
		return layer(LayerKind.POINTWISE, 144, 24, 56, 56, 1, 1, BitWidths.INT8, pruning);
	}

	/** Example 9: MobileNetV2 block-16 projection 960 -> 160 on 7x7 (weights too large to keep casually). */
	static Layer lateProjection() {
		return layer(LayerKind.POINTWISE, 960, 160, 7, 7, 1, 1, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 4: classifier 1280 -> 1000. */
	static Layer fullyConnected() {
		return layer(LayerKind.FULLY_CONNECTED, 1280, 1000, 1, 1, 1, 1, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 5: squeeze-excite on 96x14x14 (hidden 24). */
	static Layer squeezeExcite() {
		return layer(LayerKind.SQUEEZE_EXCITE, 96, 96, 14, 14, 1, 1, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 6: global average pool 1280x7x7 -> 1280x1x1 (window 7). */
	static Layer globalPool() {
		return layer(LayerKind.POOL, 1280, 1280, 7, 1, 7, 7, BitWidths.INT8, Pruning.NONE);
	}

	/** Example 7: residual add on 24x56x56. */
	static Layer add() {
		return layer(LayerKind.ADD, 24, 24, 56, 56, 1, 1, BitWidths.INT8, Pruning.NONE);
	}
}
