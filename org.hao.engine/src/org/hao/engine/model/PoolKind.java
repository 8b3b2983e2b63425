package org.hao.engine.model;

/** Pooling function. */
public enum PoolKind {
	MAX, AVG
}
