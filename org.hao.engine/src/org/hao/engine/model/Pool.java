package org.hao.engine.model;

/** Pooling; a global pool reduces each channel to 1 x 1 and ignores kernel and stride. */
public record Pool(String name, PoolKind kind, int kernel, int stride, boolean global) implements OpSpec {
    public Pool {
        Checks.name("name", name);
        Checks.notNull("kind", kind);
        if (!global) {
            Checks.positive("kernel", kernel);
            Checks.positive("stride", stride);
        }
    }
}
