package org.hao.engine.model;

/** Which cost model applies to a device. */
public enum DeviceKind {
	FPGA, MOBILE_GPU
}
