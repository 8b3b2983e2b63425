package org.hao.engine.calibrate;

import org.hao.engine.arch.Architecture;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.ilp.IlpCache;
import org.hao.engine.model.Constraints;
import org.hao.engine.model.Device;
import org.hao.engine.model.PowerModel;
import org.hao.engine.search.NetworkEvaluator;

/**
 * What one busy engine does per second while a device runs a network frame after frame, as the engine's own
 * evaluation (the path `hao estimate` takes) counts it: 8-bit-equivalent MACs (MACs x bits / 8, the unit of the
 * per-MAC energy) and DDR bytes. These are the columns of {@link PowerCalibration}'s fit.
 *
 * @param mac8PerSecond     8-bit-equivalent MACs per second of one busy engine
 * @param ddrBytesPerSecond DDR bytes per second of one busy engine
 * @param busyEngines       engines running when every one is busy (DPU cores; 1 otherwise)
 * @param fps               frames per second with every engine busy
 */
public record WorkloadRates(double mac8PerSecond, double ddrBytesPerSecond, int busyEngines, double fps) {
	/**
	 * Evaluates the network on the device twice with unit power figures (1 pJ per 8-bit MAC, nothing else; then 1 pJ
	 * per DDR byte, nothing else): the energy model is linear in its figures, so each frame's energy is then its
	 * MAC-8 count and its DDR byte count in pJ, whatever the architecture (overlay, dataflow, per-subgraph).
	 *
	 * @throws IllegalArgumentException when the network does not fit the device (the evaluation's reason)
	 */
	public static WorkloadRates of(Device device, ExpandedNetwork network) {
		return of(device, network, 0);
	}

	/**
	 * As {@link #of(Device, ExpandedNetwork)} with only {@code busy} of an overlay's cores running (they share the
	 * board's DDR bandwidth, cost-model.md section 2b, so one busy core moves its bytes faster than each of three);
	 * {@code busy} of 0, or a device without a multi-core overlay, means every core.
	 *
	 * @throws IllegalArgumentException when the network does not fit the device, or {@code busy} exceeds its cores
	 */
	public static WorkloadRates of(Device device, ExpandedNetwork network, int busy) {
		var overlay = device.architecture() == null ? null : device.architecture().overlay();
		int engines = overlay == null ? 1 : overlay.cores();
		if (busy > engines) {
			throw new IllegalArgumentException(busy + " busy engines, but " + device.name() + " has " + engines);
		}
		boolean someCores = busy > 0 && busy < engines;
		return rates(someCores ? device.withArchitecture(Architecture.overlay(overlay.withCores(busy))) : device,
				network);
	}

	private static WorkloadRates rates(Device device, ExpandedNetwork network) {
		NetworkEvaluator.Evaluation macs = evaluate(device, network,
				new PowerModel(0, 1, 0, 0, device.power().scope()));
		NetworkEvaluator.Evaluation ddr = evaluate(device, network, new PowerModel(0, 0, 1, 0, device.power().scope()));
		int engines = macs.overlayAccelerator() == null ? 1 : macs.overlayAccelerator().cores();
		// energyMj x 1e9 = pJ per frame = the count at 1 pJ each
		double perEngine = macs.fps() / engines * 1e9;
		return new WorkloadRates(macs.energyMj() * perEngine, ddr.energyMj() * perEngine, engines, macs.fps());
	}

	private static NetworkEvaluator.Evaluation evaluate(Device d, ExpandedNetwork network, PowerModel unit) {
		Device probe = new Device(d.name(), d.kind(), d.fpga(), d.gpu(), unit, d.architecture());
		NetworkEvaluator.Evaluation e = new NetworkEvaluator(probe, Constraints.NONE, new IlpCache()).evaluate(network,
				() -> false);
		if (e == null || !e.ok()) {
			throw new IllegalArgumentException("network " + network.spec().name() + " does not run on " + d.name()
					+ ": " + (e == null ? "stopped" : e.failure()));
		}
		return e;
	}
}
