package org.hao.engine.model;

/** One operation as written in a network description; MBConv expands into several layers. */
public sealed interface OpSpec permits Conv, Depthwise, Pointwise, FullyConnected, Pool, Add, MBConv {
    String name();
}
