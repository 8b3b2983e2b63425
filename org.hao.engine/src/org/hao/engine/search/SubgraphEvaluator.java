package org.hao.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.hao.engine.cost.BranchBuffers;
import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.GpuCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.cost.SubgraphCost;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpCandidate;
import org.hao.engine.ilp.IlpKey;
import org.hao.engine.ilp.IlpObjective;
import org.hao.engine.ilp.IlpProblem;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.ResourceBudget;
import org.hao.engine.ilp.SubgraphIlp;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.FpgaSpec;

/**
 * Latency-optimal configuration of one expanded subgraph on one device: on an FPGA the parallelism ILP (SCIP) over
 * the cost model's candidates, then the cost model's exact subgraph cost of the chosen parallelism; on a mobile GPU
 * the GPU cost model (nothing to choose, no ILP).
 *
 * <p>Budget: the accelerator runs the subgraphs one after another and is re-instantiated per subgraph
 * (time-multiplexed), so every subgraph ILP gets the whole device (capacity x utilisation cap, lowered by the user's
 * resource constraints); the network needs the maximum over its subgraphs.
 *
 * <p>Pipelined subgraphs: the ILP minimises the larger of (slowest stage + pipeline fill) and the subgraph's DDR time
 * (all stages share the bandwidth), which is exactly the cost model's subgraph latency. Sequential subgraphs: the
 * ILP minimises the sum of per-layer roofline latencies, which is exactly the reported latency.
 */
public final class SubgraphEvaluator {
	/**
	 * Parallelism candidates per layer given to the ILP (twice that with the streamed twins). 16 rather than 12 made
	 * the shipped examples' chosen points 1.6-3.9 % faster for about a quarter more search time (2026-11-23).
	 */
	public static final int MAX_CANDIDATES = 16;
	/** SCIP time limit per subgraph ILP (part of the cache key; the search's deadline acts as a cancel). */
	public static final long ILP_TIME_LIMIT_MS = 10_000;

	private final Device device;
	private final ResourceBudget budget;
	/** Name under which cached ILPs are solved; replaced by the subgraph's name in every message. */
	private static final String SUBGRAPH = "\u00absubgraph\u00bb";

	/** Name under which layer {@code i} enters a cached ILP; replaced by the layer's name in every message. */
	private static String layerPlaceholder(int i) {
		return "\u00ablayer " + i + "\u00bb";
	}
	private final IlpCache cache;
	private final FpgaCostModel fpga;
	private final GpuCostModel gpu;

	public SubgraphEvaluator(Device device, Constraints constraints, IlpCache cache) {
		this.device = device;
		this.cache = cache == null ? new IlpCache() : cache;
		Constraints c = constraints == null ? Constraints.NONE : constraints;
		if (device.kind() == DeviceKind.FPGA) {
			FpgaSpec f = device.fpga();
			budget = new ResourceBudget(f.dsp(), f.bram18k(), f.lut(), f.utilizationCap(), c.maxDsp(), c.maxBram18k(),
					c.maxLut());
			fpga = new FpgaCostModel(device);
			gpu = null;
		} else {
			budget = null;
			fpga = null;
			gpu = new GpuCostModel(device);
		}
	}

	public ResourceBudget budget() {
		return budget;
	}

	public IlpCache cache() {
		return cache;
	}

	/**
	 * Result for one subgraph.
	 *
	 * @param subgraph the expanded subgraph
	 * @param ilp the ILP result (null on a GPU)
	 * @param parallelism chosen parallelism per layer (empty on a GPU or without a solution)
	 * @param cost cost of the configuration (null without a solution)
	 * @param failure why there is no configuration (null when there is one)
	 */
	public record Evaluation(ExpandedSubgraph subgraph, IlpResult ilp, List<ParallelismChoice> parallelism,
			SubgraphCost cost, String failure) {
		public boolean ok() {
			return cost != null;
		}

		/** The kind of {@link #failure} (from the ILP's status; a count too large to cost does not fit). */
		public org.hao.engine.results.FailureKind failureKind() {
			return ilp == null ? org.hao.engine.results.FailureKind.DOES_NOT_FIT : FailureKinds.of(ilp.status());
		}
	}

	/**
	 * Solves (or looks up) the subgraph's ILP and costs the result. Never throws for solver trouble, nor for sizes so
	 * large that a resource count overflows (the cost model refuses them with an ArithmeticException).
	 */
	public Evaluation evaluate(ExpandedSubgraph sg, BooleanSupplier cancel) {
		try {
			return solve(sg, cancel);
		} catch (ArithmeticException | IllegalArgumentException e) {
			// overflowing counts, or a cost the ILP refuses (e.g. negative after overflow, for a 2^31 kernel)
			return new Evaluation(sg, null, List.of(), null, "subgraph " + sg.name() + " is too large to cost ("
					+ String.valueOf(e.getMessage()).replace(SUBGRAPH, sg.name()).replaceAll("\u00ablayer \\d+\u00bb",
							"a layer")
					+ "): a layer would need more than 2^31 cycles, DSP, BRAM or LUT; check its channel counts, kernel sizes"
					+ " and the input size");
		}
	}

	private Evaluation solve(ExpandedSubgraph sg, BooleanSupplier cancel) {
		List<Layer> layers = sg.layers();
		if (gpu != null) {
			return new Evaluation(sg, null, List.of(), gpu.subgraphCost(layers), null);
		}
		ExecutionMode mode = sg.spec().mode();
		IlpObjective obj = mode == ExecutionMode.PIPELINED ? IlpObjective.MIN_MAX : IlpObjective.MIN_SUM;
		List<List<ParallelismChoice>> cands = new ArrayList<>(layers.size());
		List<List<IlpCandidate>> table = new ArrayList<>(layers.size());
		List<String> names = new ArrayList<>(layers.size());
		// skip FIFOs of a pipelined subgraph's branches: a fixed BRAM18K share, charged to its first layer's candidates
		int fifoBram = mode == ExecutionMode.PIPELINED ? BranchBuffers.fifoBram18k(layers) : 0;
		for (Layer l : layers) {
			List<ParallelismChoice> pc = fpga.candidates(l, MAX_CANDIDATES);
			List<IlpCandidate> ic = new ArrayList<>(pc.size());
			for (ParallelismChoice p : pc) {
				LayerCost c = fpga.cost(l, p, mode);
				// stage time (pipelined) or layer time (sequential): both are the layer's latency; a pipelined stage
				// also adds its fill share and shares the DDR bandwidth (a sequential layer has it alone, in its
				// latency already)
				boolean pipelined = mode == ExecutionMode.PIPELINED;
				int bram = c.bram18k() + (names.isEmpty() ? fifoBram : 0);
				ic.add(new IlpCandidate(c.latencyMs(), c.dsp(), bram, c.lut(), pipelined ? fpga.ddrMs(c.ddrBytes()) : 0,
						pipelined ? FpgaCostModel.fillFraction(l) * c.latencyMs() : 0));
			}
			cands.add(pc);
			table.add(ic);
			names.add(layerPlaceholder(names.size())); // the cached words name this subgraph's layers (below)
		}
		// the ILP is cached by its layers (equal subgraphs share one solve): it is solved under a placeholder name
		// that each subgraph's result then carries as its own (s6b and s6c of MnasNet-A1 were both called s6b)
		IlpProblem problem = new IlpProblem(SUBGRAPH, obj, names, table, budget,
				mode == ExecutionMode.PIPELINED ? fpga.ddrMs(fpga.pipelineEdgeBytes(layers, sg.liveOutputs())) : 0);
		IlpKey key = IlpKey.of(layers, device, budget, obj, MAX_CANDIDATES, ILP_TIME_LIMIT_MS, sg.liveOutputs());
		IlpResult r = cache.get(key, () -> SubgraphIlp.solve(problem, ILP_TIME_LIMIT_MS, cancel)).named(SUBGRAPH,
				sg.name());
		for (int i = layers.size() - 1; i >= 0; i--) {
			r = r.named(layerPlaceholder(i), layers.get(i).name());
		}
		if (!r.hasSolution()) {
			return new Evaluation(sg, r, List.of(), null, r.message());
		}
		List<ParallelismChoice> chosen = new ArrayList<>(layers.size());
		for (int i = 0; i < layers.size(); i++) {
			chosen.add(cands.get(i).get(r.choice().get(i)));
		}
		return new Evaluation(sg, r, chosen, fpga.subgraphCost(layers, chosen, mode, sg.liveOutputs()), null);
	}
}
