package org.hao.engine.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hao.engine.cost.FpgaCostModel;
import org.hao.engine.cost.LayerCost;
import org.hao.engine.cost.ParallelismChoice;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.ExpandedSubgraph;
import org.hao.engine.expand.Layer;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.ilp.IlpResult;
import org.hao.engine.ilp.SubgraphIlp;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.scip.ScipNatives;
import org.hao.engine.scip.ScipUnavailableException;
import org.hao.engine.search.SubgraphEvaluator;

/**
 * Inline estimates of the base configuration (every subgraph as written, INT8, unpruned) at the ILP-optimal
 * parallelism, with findings an editor can show. Uses a shared ILP cache, so re-estimating while the user types only
 * solves subgraphs whose layers changed.
 *
 * @throws org.hao.engine.expand.ShapeException from {@link #estimate} when the network does not expand
 */
public final class Estimator {
    private static final IlpCache SHARED = new IlpCache();

    private Estimator() {
    }

    public static NetworkEstimate estimate(NetworkSpec network, Device device) {
        return estimate(network, device, Constraints.NONE);
    }

    /** The estimate within a search's resource caps (DSP / BRAM18K / LUT), with the process-wide ILP cache. */
    public static NetworkEstimate estimate(NetworkSpec network, Device device, Constraints constraints) {
        return estimate(network, device, constraints, SHARED);
    }

    public static NetworkEstimate estimate(NetworkSpec network, Device device, Constraints constraints, IlpCache cache) {
        ExpandedNetwork en = NetworkExpander.expand(network);
        List<String> findings = new ArrayList<>();
        String solver;
        boolean fpga = device.kind() == DeviceKind.FPGA;
        if (fpga) {
            try {
                solver = ScipNatives.ensureLoaded();
            } catch (ScipUnavailableException e) {
                findings.add(e.getMessage());
                return new NetworkEstimate(network.name(), device.name(), "unavailable", Double.NaN, Double.NaN, 0, 0, 0,
                        Double.NaN, Double.NaN, false, List.of(), findings);
            }
        } else {
            solver = "none (mobile GPU)";
        }
        SubgraphEvaluator ev = new SubgraphEvaluator(device, constraints, cache);
        List<SubgraphEstimate> out = new ArrayList<>();
        double lat = 0, energy = 0;
        int dsp = 0, bram = 0, lut = 0;
        boolean feasible = true;
        for (ExpandedSubgraph sg : en.subgraphs()) {
            SubgraphEvaluator.Evaluation e = ev.evaluate(sg, () -> false);
            if (!e.ok()) {
                feasible = false;
                IlpResult r = e.ilp();
                String why = r != null && r.infeasibility() != null ? r.infeasibility() : e.failure();
                findings.add("subgraph " + sg.name() + ": " + why);
                out.add(new SubgraphEstimate(sg.name(), sg.spec().mode().name(), r == null ? "ERROR" : r.status().name(),
                        Double.NaN, 0, 0, 0, Double.NaN, List.of(), why));
                continue;
            }
            List<LayerEstimate> les = new ArrayList<>();
            for (int i = 0; i < sg.layers().size(); i++) {
                Layer l = sg.layers().get(i);
                LayerCost c = e.cost().layers().get(i);
                ParallelismChoice p = e.parallelism().isEmpty() ? null : e.parallelism().get(i);
                les.add(new LayerEstimate(l.name(), l.sourceOp(), sg.name(), c.latencyMs(), c.dsp(), c.bram18k(), c.lut(),
                        p == null ? 0 : p.pa(), p == null ? 0 : p.pe(), p != null && FpgaCostModel.streams(l, p), l.macs(),
                        c.energyMj()));
            }
            String status = e.ilp() == null ? "GPU" : e.ilp().status().name();
            out.add(new SubgraphEstimate(sg.name(), sg.spec().mode().name(), status, e.cost().latencyMs(), e.cost().dsp(),
                    e.cost().bram18k(), e.cost().lut(), e.cost().energyMj(), les, e.ilp() == null ? null : e.ilp().message()));
            lat += e.cost().latencyMs();
            energy += e.cost().energyMj();
            dsp = Math.max(dsp, e.cost().dsp());
            bram = Math.max(bram, e.cost().bram18k());
            lut = Math.max(lut, e.cost().lut());
            if (fpga && e.ilp() != null && e.ilp().status() == IlpResult.Status.FEASIBLE) {
                findings.add("subgraph " + sg.name() + ": " + e.ilp().message());
            }
        }
        if (fpga && feasible) {
            int usable = device.fpga().usableDsp();
            findings.add(String.format(Locale.ROOT, "base configuration: %.3f ms (%.1f fps), peak %d of %d usable DSP", lat,
                    1000 / lat, dsp, usable));
        }
        double acc;
        try {
            acc = AccuracyPredictor.builtIn().predict(en);
        } catch (RuntimeException e) {
            acc = Double.NaN;
            findings.add("accuracy predictor unavailable: " + e.getMessage());
        }
        return new NetworkEstimate(network.name(), device.name(), solver, feasible ? lat : Double.NaN,
                feasible ? 1000 / lat : Double.NaN, dsp, bram, lut, feasible ? energy : Double.NaN, acc, feasible, out, findings);
    }

    /** The ILP time limit used for estimates (ms). */
    public static long timeLimitMs() {
        return SubgraphEvaluator.ILP_TIME_LIMIT_MS < SubgraphIlp.DEFAULT_TIME_LIMIT_MS ? SubgraphEvaluator.ILP_TIME_LIMIT_MS
                : SubgraphIlp.DEFAULT_TIME_LIMIT_MS;
    }
}
