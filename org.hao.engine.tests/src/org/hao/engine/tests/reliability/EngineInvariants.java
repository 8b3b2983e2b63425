package org.hao.engine.tests.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.bench.Devices;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.Objective;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.search.CancelToken;
import org.hao.engine.search.HaoSearch;
import org.hao.engine.results.ParetoPoint;
import org.hao.engine.search.SearchOptions;
import org.hao.engine.results.SearchResult;

/** The engine invariants the property tests check on every generated network (shared by jqwik and seeded tests). */
final class EngineInvariants {
	private static final Device DEVICE = Devices.ZU3EG_HLS;

	private EngineInvariants() {
	}

	/** A search on {@code net} (optionally under a user DSP cap) gives a non-dominated frontier within the budget. */
	static SearchResult frontierIsNonDominatedAndWithinBudget(NetworkSpec net, Integer dspCap) {
		Constraints c = new Constraints(null, null, dspCap, null, null, null, null);
		SearchSpec spec = new SearchSpec("prop", net, DEVICE, Objective.MAX_ACCURACY, c, null, 1, 60);
		SearchResult r = HaoSearch.run(spec, new SearchOptions(1, null), null, new CancelToken());
		assertFalse(r.cancelled());
		int dsp = dspCap == null ? DEVICE.fpga().usableDsp() : Math.min(dspCap, DEVICE.fpga().usableDsp());
		for (ParetoPoint a : r.points()) {
			assertTrue(a.dsp() <= dsp, () -> net + ": " + a.dsp() + " DSP > " + dsp);
			assertTrue(a.bram18k() <= DEVICE.fpga().usableBram18k(), () -> net + ": BRAM " + a.bram18k());
			assertTrue(a.lut() <= DEVICE.fpga().usableLut(), () -> net + ": LUT " + a.lut());
			assertTrue(a.latencyMs() > 0 && Double.isFinite(a.latencyMs()), () -> "latency " + a.latencyMs());
			for (ParetoPoint b : r.points()) {
				assertFalse(a != b && a.dominates(b), () -> net.name() + ": " + a + " dominates " + b);
			}
		}
		assertTrue(!r.points().isEmpty() || !r.failures().isEmpty(), () -> net.name() + ": no point and no reason");
		return r;
	}

	/** More lanes never make a layer slower: latency is monotone (non-increasing) in PA and in PE. */
	static int latencyIsMonotoneInParallelism(NetworkSpec net) {
		FpgaCostModel model = new FpgaCostModel(DEVICE);
		int pairs = 0;
		for (Layer l : NetworkExpander.expand(net).layers()) {
			List<ParallelismChoice> cands = model.candidates(l, 64);
			for (ExecutionMode mode : ExecutionMode.values()) {
				for (ParallelismChoice p : cands) {
					for (ParallelismChoice q : cands) {
						if (q.pa() >= p.pa() && q.pe() >= p.pe()) {
							double lp = model.cost(l, p, mode).latencyMs(), lq = model.cost(l, q, mode).latencyMs();
							assertTrue(lq <= lp * (1 + 1e-9), () -> l.name() + " " + mode + ": " + q + " gives " + lq
									+ " ms > " + p + " " + lp + " ms");
							pairs++;
						}
					}
				}
			}
		}
		return pairs;
	}
}
