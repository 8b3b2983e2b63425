package org.hao.engine.cost;

import static java.lang.Math.ceilDiv;

import java.util.List;

import org.hao.engine.expand.Layer;
import org.hao.engine.model.Device;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.GpuSpec;
import org.hao.engine.model.LayerKind;

/**
 * Roofline cost of a layer on a mobile GPU, layers run one after another (kernel by kernel):
 * <pre>
 * ops       = 2 x executedMacs + elementOps
 * computeMs = ops / (peakGops(maxBits) x 1e9 x efficiency(kind)) x 1e3
 * memoryMs  = ddrBytes / (bandwidthGBps x 1e9) x 1e3
 * latencyMs = launchOverheadUs / 1e3 + max(computeMs, memoryMs)
 * </pre>
 * elementOps include the activation: {@link org.hao.engine.model.Activation#gpuOpsPerElement()} per output value
 * (0 for ReLU / ReLU6, fused). CONCAT and SHUFFLE are copy kernels; SPLIT is a view and costs nothing.
 * The launch overhead is paid once per layer (one kernel each): it is why deep networks of small layers run far
 * slower on a mobile GPU than their MACs suggest.
 * Block pruning saves only {@code pruningEfficiency} of the pruned MACs (sparse kernels are less regular than
 * dense ones): executedMacs = denseMacs x (1 - ratio x pruningEfficiency). Weight bytes shrink fully.
 */
public final class GpuCostModel {
	private final Device device;
	private final GpuSpec gpu;

	public GpuCostModel(Device device) {
		if (device.kind() != DeviceKind.MOBILE_GPU) {
			throw new IllegalArgumentException(
					"GpuCostModel needs a MOBILE_GPU device, " + device.name() + " is " + device.kind());
		}
		this.device = device;
		this.gpu = device.gpu();
	}

	public Device device() {
		return device;
	}

	public LayerCost cost(Layer layer) {
		if (layer.kind() == LayerKind.SPLIT) {
			return new LayerCost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0); // a view (torch.chunk): no kernel runs
		}
		long executedMacs = executedMacs(layer);
		double ops = 2.0 * executedMacs + layer.elementOps()
				+ (double) layer.outputActivations() * layer.activation().gpuOpsPerElement();
		double opsPerMs = gpu.peakGops(layer.bits().maxBits()) * gpu.efficiency(layer.kind()) * 1e6;
		double computeMs = ops / opsPerMs;
		long ddrBytes = ddrBytes(layer);
		double memoryMs = ddrBytes / (gpu.bandwidthGBps() * 1e6);
		double latencyMs = gpu.launchOverheadMs() + Math.max(computeMs, memoryMs);
		double energyMj = EnergyModel.energyMj(device, latencyMs, executedMacs, ddrBytes, layer.bits());
		return new LayerCost(executedMacs, 0, computeMs, memoryMs, latencyMs, 0, 0, 0, ddrBytes, energyMj);
	}

	/** MACs the GPU still executes after block pruning, given the compiler's pruning efficiency. */
	public long executedMacs(Layer layer) {
		double saved = Layer.isPrunable(layer.kind()) ? layer.pruning().ratio() * gpu.pruningEfficiency() : 0;
		return Math.round(layer.denseMacs() * (1 - saved));
	}

	/**
	 * (Pruned) weights plus the activations of every input (an ADD or CONCAT reads all) and of the output; every
	 * kernel goes to memory.
	 */
	public long ddrBytes(Layer l) {
		long inputs = l.allInputActivations();
		return ceilDiv(l.weights() * l.bits().weightBits(), 8)
				+ ceilDiv((inputs + l.outputActivations()) * l.bits().activationBits(), 8);
	}

	/** Sequential subgraph: latencies, bytes and energies add. */
	public SubgraphCost subgraphCost(List<Layer> layers) {
		List<LayerCost> costs = layers.stream().map(this::cost).toList();
		return new SubgraphCost(costs.stream().mapToDouble(LayerCost::latencyMs).sum(),
				costs.stream().mapToLong(LayerCost::macs).sum(), 0, 0, 0,
				costs.stream().mapToLong(LayerCost::ddrBytes).sum(),
				costs.stream().mapToDouble(LayerCost::energyMj).sum(), costs);
	}

}
