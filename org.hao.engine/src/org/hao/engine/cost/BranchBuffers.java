package org.hao.engine.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.Shape;

/**
 * Tensors that stay live while a subgraph's graph branches. In a pipelined subgraph a layer with several inputs (a
 * residual ADD, a CONCAT of parallel branches) receives its inputs at different times: the branch that passes fewer
 * windowed layers arrives earlier and waits in an on-chip FIFO. Each windowed layer delays its output by ceil(k'/2)
 * rows (k' = dilated window; the first output row needs that many input rows, see
 * {@link FpgaCostModel#fillFraction(Layer)}); an input's FIFO holds (longest delay - its delay) rows of that input,
 * at most the whole tensor: rows x W x C x abits, in BRAM18K by {@link BramEstimate} (capacity bound).
 * Layers built without input names (plain chains) have no branches.
 */
public final class BranchBuffers {
	private BranchBuffers() {
	}

	/** A tensor read by a layer of the subgraph: its producer's layer name, its shape, and the reading layer. */
	public record Edge(String producer, Shape shape, Layer reader) {
	}

	/** Tensors the subgraph reads from outside it (earlier subgraphs or the network input), each once. */
	public static List<Edge> externalInputs(List<Layer> layers) {
		Map<String, Layer> inside = byName(layers);
		Map<String, Edge> outside = new LinkedHashMap<>();
		for (Layer l : layers) {
			if (l.inputs().isEmpty()) {
				continue;
			}
			for (int i = 0; i < l.inputs().size(); i++) {
				String producer = l.inputs().get(i);
				if (!inside.containsKey(producer)) {
					outside.putIfAbsent(producer, new Edge(producer, l.inputShapes().get(i), l));
				}
			}
		}
		if (outside.isEmpty() && !layers.isEmpty() && layers.get(0).inputs().isEmpty()) {
			// a chain without input names: the first layer's input
			Layer first = layers.get(0);
			outside.put("", new Edge("", new Shape(first.inChannels(), first.inHeight(), first.inWidth()), first));
		}
		return new ArrayList<>(outside.values());
	}

	/** BRAM18K of all skip FIFOs of a pipelined subgraph (0 for a chain). */
	public static int fifoBram18k(List<Layer> layers) {
		Map<String, Layer> inside = byName(layers);
		Map<String, Long> delay = new HashMap<>();
		int bram = 0;
		for (Layer l : layers) {
			long longest = 0;
			List<Long> arrivals = new ArrayList<>(l.inputs().size());
			for (String in : l.inputs()) {
				long d = inside.containsKey(in) ? delay.getOrDefault(in, 0L) : 0;
				arrivals.add(d);
				longest = Math.max(longest, d);
			}
			if (l.inputs().size() > 1) {
				for (int i = 0; i < l.inputs().size(); i++) {
					Shape s = l.inputShapes().get(i);
					long rows = Math.min(s.height(), longest - arrivals.get(i));
					long bits = rows * s.width() * s.channels() * l.bits().activationBits();
					bram = Math.addExact(bram, BramEstimate.bram18k(bits, l.bits().activationBits()));
				}
			}
			delay.put(l.name(), longest + rowsBeforeFirstOutput(l));
		}
		return bram;
	}

	private static long rowsBeforeFirstOutput(Layer l) {
		return (l.effectiveKernel() + 1) / 2;
	}

	/**
	 * Bytes of branch outputs that stay live in an overlay's feature buffer while each layer runs: a tensor written by
	 * an earlier layer and read by a later one (a residual's shortcut, an Inception branch waiting for its concat)
	 * occupies the buffer during every layer in between, besides that layer's own input and output. Per layer, in
	 * network order, the output bytes (C x H x W x activation bits / 8) of such tensors, not counting the layer's own
	 * inputs. Concat / split / shuffle are addressing only: their producers' tensors live until their readers run.
	 * A chain gives zeros.
	 */
	public static long[] heldBytes(List<Layer> layers) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < layers.size(); i++) {
			index.put(layers.get(i).name(), i);
		}
		List<List<Integer>> producers = new ArrayList<>(layers.size());
		int[] lastUse = new int[layers.size()];
		java.util.Arrays.fill(lastUse, -1);
		for (int i = 0; i < layers.size(); i++) {
			producers.add(producers(layers, index, i));
		}
		for (int i = 0; i < layers.size(); i++) {
			// a concat's producers live at least until the concat (the network's output, when it is the last layer)
			// and, through producers(), until its readers
			for (int p : producers.get(i)) {
				lastUse[p] = Math.max(lastUse[p], i);
			}
		}
		long[] held = new long[layers.size()];
		for (int j = 0; j < layers.size(); j++) {
			Layer l = layers.get(j);
			if (l.kind().isDataMovement() || lastUse[j] <= j + 1) {
				continue; // not written, or read by the next layer only (its input then)
			}
			long bytes = Math.ceilDiv(Math.multiplyExact(l.outputActivations(), (long) l.bits().activationBits()), 8);
			for (int i = j + 1; i < lastUse[j]; i++) {
				if (!producers.get(i).contains(j)) {
					held[i] = Math.addExact(held[i], bytes);
				}
			}
		}
		return held;
	}

	/** The layers whose tensors layer {@code i} reads, through concat / split / shuffle (which only address them). */
	private static List<Integer> producers(List<Layer> layers, Map<String, Integer> index, int i) {
		List<Integer> direct = new ArrayList<>();
		Layer l = layers.get(i);
		if (l.inputs().isEmpty()) {
			if (i > 0) {
				direct.add(i - 1);
			}
		} else {
			for (String in : l.inputs()) {
				Integer p = index.get(in);
				if (p != null && p < i) {
					direct.add(p);
				}
			}
		}
		List<Integer> out = new ArrayList<>();
		for (int p : direct) {
			if (layers.get(p).kind().isDataMovement()) {
				out.addAll(producers(layers, index, p));
			} else {
				out.add(p);
			}
		}
		return out;
	}

	private static Map<String, Layer> byName(List<Layer> layers) {
		Map<String, Layer> map = new HashMap<>();
		layers.forEach(l -> map.put(l.name(), l));
		return map;
	}
}
