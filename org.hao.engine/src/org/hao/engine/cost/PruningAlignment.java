package org.hao.engine.cost;

import static java.lang.Math.ceilDiv;

import java.util.Map;
import java.util.TreeMap;

import org.hao.engine.model.Pruning;

/**
 * How much of a block-pruned layer's work an FPGA engine can actually skip.
 * <p>
 * The weight matrix is viewed as GEMM operand K x N: rows = input channels (at one kernel position), columns =
 * output channels. The engine computes one tile of PA rows x PE columns per cycle and can skip a tile only when every
 * weight in it is zero, i.e. when every block the tile overlaps is pruned. Treating pruned blocks as independent with
 * probability {@code ratio}, a tile overlapping n blocks is skipped with probability ratio^n, so
 * <pre>
 * skippedFraction = mean over tiles (i, j) of ratio^(rowBlocks(i) * colBlocks(j))
 * </pre>
 * where rowBlocks(i) is the number of block rows tile row i overlaps. Blocks aligned with the lanes (blockRows a
 * multiple of PA and blockCols a multiple of PE) give n = 1 and skippedFraction = ratio exactly; smaller or
 * misaligned blocks give less. {@code alignment = skippedFraction / ratio} is the efficiency reported to users.
 */
public final class PruningAlignment {
	private PruningAlignment() {
	}

	/**
	 * Expected fraction of tiles skipped for a rows x cols weight matrix processed in pa x pe tiles.
	 */
	public static double skippedFraction(Pruning pruning, int rows, int pa, int cols, int pe) {
		if (pruning.isNone()) {
			return 0;
		}
		Map<Integer, Long> rowOverlaps = overlaps(rows, pa, pruning.blockRows());
		Map<Integer, Long> colOverlaps = overlaps(cols, pe, pruning.blockCols());
		long rowTiles = ceilDiv(rows, pa);
		long colTiles = ceilDiv(cols, pe);
		double skipped = 0;
		for (Map.Entry<Integer, Long> r : rowOverlaps.entrySet()) {
			for (Map.Entry<Integer, Long> c : colOverlaps.entrySet()) {
				skipped += (double) r.getValue() * c.getValue() * Math.pow(pruning.ratio(), r.getKey() * c.getKey());
			}
		}
		return skipped / ((double) rowTiles * colTiles);
	}

	/** skippedFraction / ratio: 1 for aligned blocks, less when tiles straddle blocks; 1 when unpruned. */
	public static double alignment(Pruning pruning, int rows, int pa, int cols, int pe) {
		return pruning.isNone() ? 1 : skippedFraction(pruning, rows, pa, cols, pe) / pruning.ratio();
	}

	/**
	 * Histogram: number of blocks a tile overlaps -> number of tiles with that overlap, for one dimension of
	 * {@code size} elements cut into tiles of {@code lanes} and blocks of {@code block}. The last tile may be short.
	 */
	static Map<Integer, Long> overlaps(int size, int lanes, int block) {
		Map<Integer, Long> histogram = new TreeMap<>();
		for (int start = 0; start < size; start += lanes) {
			int end = Math.min(start + lanes, size) - 1;
			int blocks = end / block - start / block + 1;
			histogram.merge(blocks, 1L, Long::sum);
		}
		return histogram;
	}

}
