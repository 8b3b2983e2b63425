package org.hao.engine.model;

import java.util.List;

/**
 * One operation as written in a network description; MBConv expands into several layers. Every op reads
 * {@link #inputs()}: named earlier ops (or {@link #NETWORK_INPUT}); an empty list means the output of the op written
 * just before it (the network input for the first op), so chains need no names.
 */
public sealed interface OpSpec
		permits Conv, Depthwise, Pointwise, FullyConnected, Pool, Add, MBConv, Concat, Split, Shuffle, SqueezeExcite {
	/** The name by which an op reads the network's input tensor. */
	String NETWORK_INPUT = "input";

	String name();

	/** Ops (or {@link #NETWORK_INPUT}) whose outputs this op reads; empty = the previous op. */
	default List<String> inputs() {
		return List.of();
	}

	/** Copy of a list of input names, rejecting blanks. */
	static List<String> inputList(List<String> inputs) {
		if (inputs == null) {
			return List.of();
		}
		for (String in : inputs) {
			Checks.name("inputs entry", in);
		}
		return List.copyOf(inputs);
	}
}
