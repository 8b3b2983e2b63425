package org.hao.engine.model;

/** What a search optimises once the constraints hold. */
public enum Objective {
    MAX_ACCURACY, MIN_LATENCY, MIN_ENERGY
}
