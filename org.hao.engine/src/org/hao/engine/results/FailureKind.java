package org.hao.engine.results;

import com.google.gson.annotations.SerializedName;

/** Why a search or one of its configurations produced no point. */
public enum FailureKind {
	/** SCIP's native library could not be loaded: no search on an FPGA is possible. */
	@SerializedName("solver_unavailable")
	SOLVER_UNAVAILABLE,
	/** The accuracy predictor's table or the user's sensitivity CSV is unusable. */
	@SerializedName("predictor_data")
	PREDICTOR_DATA,
	/** An op's shapes do not work out (kernel larger than the map, channels that do not divide, ...). */
	@SerializedName("shape")
	SHAPE,
	/** The configuration does not fit the device or its caps, or its ILP is infeasible. */
	@SerializedName("does_not_fit")
	DOES_NOT_FIT,
	/** Not one configuration of a subgraph or of the network could be evaluated: there is no frontier. */
	@SerializedName("no_configuration")
	NO_CONFIGURATION,
	/** The user cancelled (or the time limit stopped) the evaluation of this configuration. */
	@SerializedName("cancelled")
	CANCELLED,
	/** The time limit passed before the solver found any configuration. */
	@SerializedName("time_limit")
	TIME_LIMIT,
	/** A fault while evaluating (out of memory, stack overflow, internal error); the others are still searched. */
	@SerializedName("fault")
	FAULT
}
