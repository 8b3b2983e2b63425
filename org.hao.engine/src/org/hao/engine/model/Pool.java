package org.hao.engine.model;

import java.util.List;

/**
 * Pooling; a global pool reduces each channel to 1 x 1 and ignores kernel, stride and padding. {@code ceilMode}
 * rounds the output size up (PyTorch {@code ceil_mode=True}, see {@link Padding}).
 */
public record Pool(String name, PoolKind kind, int kernel, int stride, boolean global, Padding padding,
		boolean ceilMode, List<String> inputs) implements OpSpec {
	public Pool {
		Checks.name("name", name);
		Checks.notNull("kind", kind);
		if (!global) {
			Checks.positive("kernel", kernel);
			Checks.positive("stride", stride);
		}
		Checks.notNull("padding", padding);
		inputs = OpSpec.inputList(inputs);
	}

	/** 'Same' padding, floor mode, reading the previous op. */
	public Pool(String name, PoolKind kind, int kernel, int stride, boolean global) {
		this(name, kind, kernel, stride, global, Padding.SAME, false, List.of());
	}
}
