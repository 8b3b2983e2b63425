package org.hao.dsl.tests;

import static org.hao.dsl.hao.HaoPackage.Literals.*;
import static org.hao.dsl.validation.HaoIssueCodes.*;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.hao.dsl.hao.Model;
import org.junit.jupiter.api.Test;

/** One test per rule: the broken element carries the issue code; the valid model carries none. */
class ValidationTest extends HaoTestBase {

	@Test
	void validModelHasNoIssues() throws Exception {
		validator.assertNoIssues(parse(VALID));
	}

	@Test
	void unresolvedReference() throws Exception {
		Model m = parse(validWith("device Small\n", "device Nowhere\n"));
		validator.assertError(m, SEARCH, Diagnostic.LINKING_DIAGNOSTIC, "Nowhere");
	}

	@Test
	void duplicateTopLevelName() throws Exception {
		Model m = parse(VALID + "\nnetwork Net { input 1 x 1 x 1 subgraph s { fc f out 1 } }\n");
		validator.assertError(m, NETWORK, DUPLICATE_NAME, "duplicate network name 'Net'");
	}

	@Test
	void duplicateOpNameAcrossSubgraphs() throws Exception {
		Model m = parse(validWith("fc out1 out 10", "fc c1 out 10"));
		validator.assertError(m, FULLY_CONNECTED_OP, DUPLICATE_NAME, "duplicate op name 'c1'");
	}

	@Test
	void deviceShadowingTheStandardLibraryIsAWarning() throws Exception {
		Model m = parse(VALID.replace("Small", "ZU3EG"));
		validator.assertWarning(m, FPGA_DEVICE, SHADOWS_STDLIB_DEVICE, "ZU3EG");
	}

	@Test
	void missingRequiredDeviceFigure() throws Exception {
		Model m = parse(validWith("\tdsp 100\n", ""));
		validator.assertError(m, FPGA_DEVICE, MISSING_ATTRIBUTE, "needs 'dsp'");
	}

	@Test
	void missingRequiredOpAttribute() throws Exception {
		Model m = parse(validWith("conv c1 out 16 kernel 3", "conv c1 kernel 3"));
		validator.assertError(m, CONV_OP, MISSING_ATTRIBUTE, "conv 'c1' needs 'out'");
	}

	@Test
	void capAboveOneIsOutOfRange() throws Exception {
		Model m = parse(validWith("cap 0.8", "cap 1.5"));
		validator.assertError(m, FPGA_DEVICE, VALUE_OUT_OF_RANGE, "(0, 1]");
	}

	@Test
	void zeroAndNegativeNumbersAreOutOfRange() throws Exception {
		validator.assertError(parse(validWith("dsp 100", "dsp 0")), FPGA_DEVICE, VALUE_OUT_OF_RANGE,
				"dsp must be positive, was 0");
		validator.assertError(parse(validWith("input 3 x 32 x 32", "input 3 x -32 x 32")), INPUT_SHAPE,
				VALUE_OUT_OF_RANGE, "height must be positive");
		validator.assertError(parse(validWith("ratio { 0.0, 0.5 }", "ratio { 0.0, 1.0 }")), PRUNE_CHOICE,
				VALUE_OUT_OF_RANGE, "[0, 1)");
	}

	@Test
	void missingPowerIsAWarning() throws Exception {
		Model m = parse(validWith("\tpower {\n\t\tstatic 1 W\n\t\tmac 1.0 pJ\n\t\tddr 30 pJ/B\n\t}\n", ""));
		validator.assertWarning(m, FPGA_DEVICE, MISSING_POWER);
	}

	@Test
	void residualAddOfDifferentShapesGoesOnTheAdd() throws Exception {
		Model m = parse(validWith("pointwise p1 out 16", "pointwise p1 out 32"));
		validator.assertError(m, ADD_OP, SHAPE_MISMATCH, "add 'r1' of 'p1' with shape", "'c1' with shape",
				"must be equal");
	}

	@Test
	void strideLargerThanTheFeatureMap() throws Exception {
		Model m = parse(validWith("conv c1 out 16 kernel 3 stride 2", "conv c1 out 16 kernel 3 stride 64"));
		validator.assertError(m, CONV_OP, IMPOSSIBLE_STRIDE, "stride 64 is larger than the 32x32 feature map");
	}

	@Test
	void spaceWhoseSmallestConfigurationBreaksAResidual() throws Exception {
		// narrowing 'body' makes p1 8 channels wide, but r1 adds the 16-channel c1
		Model m = parse(
				validWith("space NetSpace for Net {", "space NetSpace for Net {\n\tsubgraph body { width { 0.5 } }"));
		validator.assertWarning(m, SEARCH, SHAPE_MISMATCH, "smallest configuration of space 'NetSpace'", "'r1'");
	}

	@Test
	void residualFromALaterOp() throws Exception {
		Model m = parse(validWith("add r1 from c1", "add r1 from m1"));
		validator.assertError(m, ADD_OP, ADD_FORWARD_REFERENCE, "comes after add 'r1'");
	}

	@Test
	void emptyChoiceSet() throws Exception {
		Model m = parse(validWith("kernel { 3, 5 }", "kernel { }"));
		validator.assertError(m, KERNEL_CHOICE, EMPTY_CHOICE_SET, "'kernel' needs at least one value");
	}

	@Test
	void kernelChoicesOnASubgraphWithoutBlocksHaveNoEffect() throws Exception {
		Model m = parse(validWith("subgraph blocks {\n\t\tkernel", "subgraph head {\n\t\tkernel"));
		validator.assertWarning(m, KERNEL_CHOICE, CHOICE_NOT_APPLICABLE, "no mbconv block");
	}

	@Test
	void perLayerChoicesTakeBitsAndPruneOnly() throws Exception {
		Model m = parse(validWithSpaceEntry("""
					layer c1 {
						bits weights { 8 } activations { 8 }
						width { 0.5 }
					}
				"""));
		validator.assertError(m, WIDTH_CHOICE, CHOICE_NOT_APPLICABLE, "'bits' and 'prune' only");
	}

	@Test
	void perLayerBitsAreSearchedWithoutWarning() throws Exception {
		Model m = parse(validWithSpaceEntry("""
					layer c1 {
						bits weights { 8, 16 } activations { 8 }
					}
				"""));
		validator.assertNoIssues(m);
	}

	@Test
	void perLayerBitsTheDeviceCannotRunAreErrors() throws Exception {
		Model m = parse(validWithSpaceEntry("""
					layer c1 {
						bits weights { 32 } activations { 8 }
					}
				"""));
		validator.assertError(m, SEARCH, UNSUPPORTED_BIT_WIDTH, "cannot run 32-bit operands");
	}

	@Test
	void perLayerPruningIsSearchedWithoutWarning() throws Exception {
		Model m = parse(validWithSpaceEntry("""
					layer c1 {
						prune block 4 x 4 ratio { 0.0, 0.5 }
					}
				"""));
		validator.assertNoIssues(m);
	}

	@Test
	void unsupportedBitWidthForTheDevice() throws Exception {
		Model m = parse(validWith("bits weights { 8 } activations { 8 }", "bits weights { 32 } activations { 8 }"));
		validator.assertError(m, SEARCH, UNSUPPORTED_BIT_WIDTH, "cannot run 32-bit operands", "[8, 16]");
	}

	@Test
	void unlistedNarrowBitWidthRunsLikeTheNextWider() throws Exception {
		Model m = parse(validWith("bits weights { 8 } activations { 8 }", "bits weights { 4 } activations { 8 }"));
		validator.assertWarning(m, SEARCH, BIT_WIDTH_ROUNDED_UP, "4-bit");
	}

	@Test
	void spaceOfAnotherNetwork() throws Exception {
		Model m = parse(validWith("\tspace NetSpace\n", "\tspace NetSpace\n\tnetwork Other\n")
				+ "\nnetwork Other { input 1 x 4 x 4 subgraph s { fc f out 1 } }\n");
		validator.assertError(m, SEARCH, SPACE_NETWORK_MISMATCH, "is for network 'Net', not for 'Other'");
	}

	@Test
	void searchWithoutDevice() throws Exception {
		Model m = parse(validWith("\tdevice Small\n", ""));
		validator.assertError(m, SEARCH, MISSING_ATTRIBUTE, "needs 'device'");
	}

	@Test
	void fpsNoConfigurationCanReach() throws Exception {
		// 100 DSP x 0.8 x 2 MAC x 100 MHz = 16 GMAC/s; the smallest variant needs several MMAC per frame
		Model m = parse(validWith("fps >= 10", "fps >= 1000000"));
		validator.assertError(m, MIN_FPS, INFEASIBLE_CONSTRAINT, "no configuration can reach 1000000 fps",
				"80 DSP x 2 MAC at 100 MHz");
	}

	@Test
	void energyNoConfigurationCanMeet() throws Exception {
		Model m = parse(validWith("fps >= 10", "energy <= 0.000001 mJ"));
		validator.assertError(m, MAX_ENERGY, INFEASIBLE_CONSTRAINT, "mJ per frame");
	}

	@Test
	void reachableConstraintIsNotFlagged() throws Exception {
		Model m = parse(validWith("fps >= 10", "latency <= 100 ms"));
		validator.assertNoIssues(m);
	}

	@Test
	void dspCapBelowTheSmallestOverlay() throws Exception {
		// the default architecture is an overlay: its smallest engines (conv 1x1x1, depthwise 1x1) need 2 DSP at 8 bit
		Model m = parse(validWith("fps >= 10", "dsp <= 1"));
		validator.assertError(m, MAX_RESOURCE, INFEASIBLE_CONSTRAINT, "the smallest overlay", "needs at least", "DSP",
				"only 1 are usable");
	}

	@Test
	void deviceTooSmallForTheNetworkGoesOnTheDevice() throws Exception {
		Model m = parse(validWith("bram18k 200", "bram18k 1"));
		validator.assertError(m, SEARCH, INFEASIBLE_CONSTRAINT, "BRAM18K", "on 'Small'");
	}

	@Test
	void resourceCapAboveTheDeviceIsAWarning() throws Exception {
		Model m = parse(validWith("fps >= 10", "dsp <= 500"));
		validator.assertWarning(m, MAX_RESOURCE, CONSTRAINT_ABOVE_DEVICE, "has only 100");
	}

	@Test
	void accuracyAbove100Percent() throws Exception {
		Model m = parse(validWith("accuracy >= 50 %", "accuracy >= 101 %"));
		validator.assertError(m, MIN_ACCURACY, VALUE_OUT_OF_RANGE, "(0, 100]");
	}

	@Test
	void sameConstraintTwice() throws Exception {
		Model m = parse(validWith("fps >= 10", "fps >= 10\n\t\tfps >= 20"));
		validator.assertError(m, MIN_FPS, DUPLICATE_ENTRY, "given twice");
	}

	@Test
	void missingImport() throws Exception {
		Model m = parse("import \"does-not-exist.hao\"\n" + VALID);
		validator.assertError(m, IMPORT, IMPORT_NOT_FOUND, "does-not-exist.hao");
	}
}
