package org.hao.engine.model;

/** Residual addition of the output of op {@code from} (same subgraph or earlier) to the running tensor. */
public record Add(String name, String from) implements OpSpec {
    public Add {
        Checks.name("name", name);
        Checks.name("from", from);
    }
}
