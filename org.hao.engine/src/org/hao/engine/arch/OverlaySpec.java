package org.hao.engine.arch;

/**
 * An overlay as the user or the standard library describes it. A null engine is free: the co-design ILP chooses
 * its size under the device budget. A fully pinned overlay (a vendor accelerator such as DPU B1600) has both engines
 * and usually {@link #fixedResources}.
 *
 * @param name the accelerator's name (e.g. "DPU B1600"), or null for a free overlay ("overlay")
 * @param conv convolution engine PP x ICP x OCP, or null (free)
 * @param depthwise depthwise engine PP x CP, or null (free)
 * @param clockMhz the accelerator's clock, or null for the device's clock
 * @param cores identical cores on the chip (ZCU102 carries three DPU cores); one core serves one inference, so
 *        latency is that of one core while resources count every core
 * @param featureBufferKiB on-chip feature-map buffer in KiB (a layer whose input and output fit stays off DDR), or
 *        null (free: the ILP chooses among {@link #FEATURE_BUFFER_CHOICES_KIB})
 * @param overheads per-layer overhead, DDR and depthwise efficiency
 * @param fixedResources vendor resource figures per core, or null to derive them from the engine sizes
 */
public record OverlaySpec(String name, ConvEngine conv, DepthwiseEngine depthwise, Double clockMhz, int cores,
		Integer featureBufferKiB, Overheads overheads, FixedResources fixedResources) {
	/** Feature-map buffer sizes a free overlay may get (KiB); 0 = every feature map goes through DDR. */
	public static final int[] FEATURE_BUFFER_CHOICES_KIB = {0, 128, 256, 512, 1024};

	/** An overlay whose engines and buffer SCIP chooses, with the default overheads. */
	public static final OverlaySpec FREE = new OverlaySpec(null, null, null, null, 1, null, Overheads.DPU_FITTED, null);

	public OverlaySpec {
		if (cores <= 0) {
			throw new IllegalArgumentException("cores must be positive, was " + cores);
		}
		if (clockMhz != null && !(clockMhz > 0)) {
			throw new IllegalArgumentException("clock must be positive, was " + clockMhz);
		}
		if (featureBufferKiB != null && featureBufferKiB < 0) {
			throw new IllegalArgumentException("feature buffer must be >= 0 KiB, was " + featureBufferKiB);
		}
		if (overheads == null) {
			throw new IllegalArgumentException("overheads must not be null");
		}
	}

	/** Both engines and the buffer are given: nothing for the ILP to choose. */
	public boolean pinned() {
		return conv != null && depthwise != null && featureBufferKiB != null;
	}

	/** The name reports show: the given one, or "overlay". */
	public String label() {
		return name != null ? name : "overlay";
	}

	/** The same overlay with another number of cores (e.g. only some of a board's cores busy). */
	public OverlaySpec withCores(int n) {
		return new OverlaySpec(name, conv, depthwise, clockMhz, n, featureBufferKiB, overheads, fixedResources);
	}

	/** The same overlay with other overheads (calibration). */
	public OverlaySpec withOverheads(Overheads o) {
		return new OverlaySpec(name, conv, depthwise, clockMhz, cores, featureBufferKiB, o, fixedResources);
	}
}
