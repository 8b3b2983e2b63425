package org.hao.dsl.validation;

/** Issue codes of the .hao validator; quick fixes key on these. Issue data, where given, is documented per code. */
public final class HaoIssueCodes {

	private static final String PREFIX = "org.hao.dsl.";

	/** An imported file does not exist. */
	public static final String IMPORT_NOT_FOUND = PREFIX + "importNotFound";
	/** An imported file exists but cannot be read as .hao text (e.g. it is UTF-16); its elements are not in scope. */
	public static final String IMPORT_NOT_READABLE = PREFIX + "importNotReadable";
	/** A file imports itself. */
	public static final String IMPORT_SELF = PREFIX + "importSelf";
	/** Two elements of the same kind (or two ops/subgraphs of one network) share a name. */
	public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
	/** A device defined in a file has the name of a standard library device (the file's device wins). */
	public static final String SHADOWS_STDLIB_DEVICE = PREFIX + "shadowsStdlibDevice";
	/** A required attribute is missing; data[0] = the keyword to insert (e.g. "dsp"). */
	public static final String MISSING_ATTRIBUTE = PREFIX + "missingAttribute";
	/** A search's architecture on a device whose accelerator block pins an overlay. */
	public static final String ARCHITECTURE_PINNED = PREFIX + "architecturePinned";
	/** An accelerator clock above its device's rated clock. */
	public static final String CLOCK_ABOVE_DEVICE = PREFIX + "clockAboveDevice";
	/** A number outside its valid range; data[0] = a valid replacement value when one is obvious. */
	public static final String VALUE_OUT_OF_RANGE = PREFIX + "valueOutOfRange";
	/** The same entry twice in a table, choice set, device list or constraint block. */
	public static final String DUPLICATE_ENTRY = PREFIX + "duplicateEntry";
	/** A device without a power block: energy is reported as 0. */
	public static final String MISSING_POWER = PREFIX + "missingPower";
	/** A network without subgraphs or a subgraph without ops. */
	public static final String EMPTY_NETWORK = PREFIX + "emptyNetwork";
	/** Residual add of tensors of different shapes (channels x height x width), or another shape inference error. */
	public static final String SHAPE_MISMATCH = PREFIX + "shapeMismatch";
	/** A stride larger than the feature map it applies to. */
	public static final String IMPOSSIBLE_STRIDE = PREFIX + "impossibleStride";
	/** {@code add X from Y} where Y is X itself or comes after X. */
	public static final String ADD_FORWARD_REFERENCE = PREFIX + "addForwardReference";
	/** An op reads ({@code in X}) itself or a later op: a cycle, or an op written out of order. */
	public static final String FORWARD_REFERENCE = PREFIX + "forwardReference";
	/** An op whose output no op reads (a dead branch); the network's last op is its output. */
	public static final String UNUSED_OUTPUT = PREFIX + "unusedOutput";
	/** A choice set with no values. */
	public static final String EMPTY_CHOICE_SET = PREFIX + "emptyChoiceSet";
	/** A choice that cannot affect its target (e.g. kernel choices for a subgraph without mbconv blocks). */
	public static final String CHOICE_NOT_APPLICABLE = PREFIX + "choiceNotApplicable";
	/** A search's space belongs to another network than the search's network. */
	public static final String SPACE_NETWORK_MISMATCH = PREFIX + "spaceNetworkMismatch";
	/** A bit-width wider than every entry of the device's packing / peak table. data[0] = device name. */
	public static final String UNSUPPORTED_BIT_WIDTH = PREFIX + "unsupportedBitWidth";
	/** A bit-width not listed in the device table; it runs like the next wider listed width. */
	public static final String BIT_WIDTH_ROUNDED_UP = PREFIX + "bitWidthRoundedUp";
	/** A constraint that no configuration of the space can meet on the device (a proven bound). */
	public static final String INFEASIBLE_CONSTRAINT = PREFIX + "infeasibleConstraint";
	/** A resource cap at or above what the device offers: it has no effect. */
	public static final String CONSTRAINT_ABOVE_DEVICE = PREFIX + "constraintAboveDevice";
	/** The predictor CSV named by a search does not exist. */
	public static final String PREDICTOR_NOT_FOUND = PREFIX + "predictorNotFound";
	/** An accelerator attribute that only an overlay uses, on a dataflow or per-subgraph accelerator (warning). */
	public static final String ACCELERATOR_ATTRIBUTE_IGNORED = PREFIX + "acceleratorAttributeIgnored";
	/** The quantization block's algorithm is unknown or of the other method (qat / ptq). */
	public static final String BAD_QUANTIZATION_ALGORITHM = PREFIX + "badQuantizationAlgorithm";
	/** The sensitivity CSV of a search's quantization block is missing or has a bad row. */
	public static final String BAD_SENSITIVITY_TABLE = PREFIX + "badSensitivityTable";

	private HaoIssueCodes() {
	}
}
