package org.hao.engine.model;

/** A target device: exactly one of {@code fpga} / {@code gpu} is set, matching {@code kind}. */
public record Device(String name, DeviceKind kind, FpgaSpec fpga, GpuSpec gpu, PowerModel power) {
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
    }
}
