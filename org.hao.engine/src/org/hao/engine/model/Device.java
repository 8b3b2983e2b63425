package org.hao.engine.model;

import org.hao.engine.arch.Architecture;

/**
 * A target device: exactly one of {@code fpga} / {@code gpu} is set, matching {@code kind}. An FPGA carries the
 * accelerator architecture it is searched with (default {@link Architecture#FREE_OVERLAY}); a GPU has none.
 */
public record Device(String name, DeviceKind kind, FpgaSpec fpga, GpuSpec gpu, PowerModel power,
		Architecture architecture) {
	public Device {
		Checks.name("name", name);
		Checks.notNull("kind", kind);
		Checks.notNull("power", power);
		if (kind == DeviceKind.FPGA && (fpga == null || gpu != null)) {
			throw new IllegalArgumentException("device " + name + ": an FPGA device needs fpga and no gpu");
		}
		if (kind == DeviceKind.MOBILE_GPU && (gpu == null || fpga != null)) {
			throw new IllegalArgumentException("device " + name + ": a MOBILE_GPU device needs gpu and no fpga");
		}
		if (kind == DeviceKind.FPGA && architecture == null) {
			architecture = Architecture.FREE_OVERLAY;
		}
		if (kind == DeviceKind.MOBILE_GPU) {
			architecture = null;
		}
	}

	/** A device with the default architecture (FPGA: overlay with free engine sizes). */
	public Device(String name, DeviceKind kind, FpgaSpec fpga, GpuSpec gpu, PowerModel power) {
		this(name, kind, fpga, gpu, power, null);
	}

	/** The same device searched with another architecture. */
	public Device withArchitecture(Architecture a) {
		return new Device(name, kind, fpga, gpu, power, a);
	}
}
