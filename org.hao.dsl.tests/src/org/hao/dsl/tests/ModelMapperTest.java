package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.hao.dsl.hao.ConvOp;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.model.Add;
import org.hao.engine.model.BitWidths;
import org.hao.engine.model.DeviceKind;
import org.hao.engine.model.ExecutionMode;
import org.hao.engine.model.LayerKind;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.Objective;
import org.hao.engine.model.PowerScope;
import org.hao.engine.model.Pruning;
import org.hao.engine.model.Quantization;
import org.hao.engine.model.SearchSpec;
import org.hao.engine.model.Shape;
import org.hao.engine.model.SubgraphSpace;
import org.hao.engine.model.SubgraphSpec;
import org.junit.jupiter.api.Test;

class ModelMapperTest extends HaoTestBase {

	private final ModelMapper mapper = new ModelMapper();

	private SearchSpec mapValid(String text) throws Exception {
		Model model = parse(text);
		validator.assertNoErrors(model);
		Search search = (Search) model.getElements().get(3);
		List<SearchSpec> specs = mapper.toSearches(search);
		assertEquals(search.getDevices().size(), specs.size());
		return specs.get(0);
	}

	@Test
	void quantizationAlgorithmMapsAndImpliesItsMethod() throws Exception {
		SearchSpec lsq = mapValid(validWith("seed 7", "seed 7\n\t\t\t\tquantization { algorithm lsq }"));
		assertEquals(
				new Quantization(Quantization.Training.QAT, true, Quantization.Granularity.PER_CHANNEL,
						Quantization.Scales.FLOAT, null, Quantization.Algorithm.LSQ),
				lsq.quantization(), "lsq implies qat");
		SearchSpec qdrop = mapValid(
				validWith("seed 7", "seed 7\n\t\t\t\tquantization { algorithm QDrop first-last same }"));
		assertEquals(Quantization.Training.PTQ, qdrop.quantization().training(), "qdrop implies ptq");
		assertEquals(Quantization.Algorithm.QDROP, qdrop.quantization().algorithm(), "words are case-insensitive");
		assertEquals(Quantization.Algorithm.ADAROUND,
				mapValid(validWith("seed 7", "seed 7\n\t\t\t\tquantization { method ptq }")).quantization().algorithm(),
				"ptq's default algorithm");
		assertEquals(Quantization.Algorithm.STE, Quantization.DEFAULT.algorithm(), "qat's default algorithm");
		Model unknown = parse(validWith("seed 7", "seed 7\n\t\t\t\tquantization { algorithm gptq4 }"));
		validator.assertError(unknown, HaoPackage.Literals.QUANTIZATION_SPEC,
				org.hao.dsl.validation.HaoIssueCodes.BAD_QUANTIZATION_ALGORITHM,
				"unknown quantization algorithm 'gptq4' (one of minmax, adaround, gptq, brecq, qdrop, ste, lsq, pact, dorefa, hawq)");
		Model other = parse(validWith("seed 7", "seed 7\n\t\t\t\tquantization { method qat algorithm adaround }"));
		validator.assertError(other, HaoPackage.Literals.QUANTIZATION_SPEC,
				org.hao.dsl.validation.HaoIssueCodes.BAD_QUANTIZATION_ALGORITHM,
				"algorithm adaround is post-training quantization (method ptq), not method qat");
	}

	@Test
	void quantizationBlockMapsToTheMethodWithDefaults() throws Exception {
		assertEquals(Quantization.DEFAULT, mapValid(VALID).quantization(), "no block: the default method");
		SearchSpec all = mapValid(validWith("seed 7",
				"seed 7\n\t\t\t\tquantization { method ptq first-last same" + " granularity per-tensor scales pow2 }"));
		assertEquals(new Quantization(Quantization.Training.PTQ, false, Quantization.Granularity.PER_TENSOR,
				Quantization.Scales.POWER_OF_TWO, null), all.quantization());
		SearchSpec some = mapValid(validWith("seed 7", "seed 7\n\t\t\t\tquantization { granularity per-tensor }"));
		assertEquals(new Quantization(Quantization.Training.QAT, true, Quantization.Granularity.PER_TENSOR,
				Quantization.Scales.FLOAT, null), some.quantization(), "unsaid attributes keep their defaults");
		java.nio.file.Path csv = java.nio.file.Files.createTempFile("sens", ".csv");
		try {
			java.nio.file.Files.writeString(csv, "layer,bits,top1_drop\nc1,4,0.5\n");
			SearchSpec sens = mapValid(
					validWith("seed 7", "seed 7\n\t\t\t\tquantization { sensitivity \"" + csv + "\" }"));
			assertEquals(csv.toString(), sens.quantization().sensitivityCsv());
			// a bad row is an error on the sensitivity line naming the CSV's file:line
			java.nio.file.Files.writeString(csv, "layer,bits,top1_drop\nc1,4,0.5\nc1,4,0.7\n");
			Model bad = parse(validWith("seed 7", "seed 7\n\t\t\t\tquantization { sensitivity \"" + csv + "\" }"));
			validator.assertError(bad, HaoPackage.Literals.QUANTIZATION_SPEC,
					org.hao.dsl.validation.HaoIssueCodes.BAD_SENSITIVITY_TABLE,
					csv + ":3: layer c1 is listed twice (first on line 2)");
		} finally {
			java.nio.file.Files.deleteIfExists(csv);
		}
		Model missing = parse(
				validWith("seed 7", "seed 7\n\t\t\t\tquantization { sensitivity \"/nonexistent/s.csv\" }"));
		validator.assertError(missing, HaoPackage.Literals.QUANTIZATION_SPEC,
				org.hao.dsl.validation.HaoIssueCodes.BAD_SENSITIVITY_TABLE,
				"sensitivity table '/nonexistent/s.csv' not found");
	}

	@Test
	void searchMapsToEngineRecords() throws Exception {
		SearchSpec spec = mapValid(VALID);
		assertEquals("find", spec.name());
		assertEquals(Objective.MAX_ACCURACY, spec.objective());
		assertEquals(7, spec.seed());
		assertEquals(5.0, spec.timeLimitSeconds());
		assertNull(spec.predictorCsv());
		assertEquals(10.0, spec.constraints().minFps());
		assertEquals(50.0, spec.constraints().minAccuracy());
		assertNull(spec.constraints().maxDsp());

		assertEquals(DeviceKind.FPGA, spec.device().kind());
		assertEquals(100, spec.device().fpga().dsp());
		assertEquals(0.8, spec.device().fpga().utilizationCap());
		assertEquals(Map.of(16, 1, 8, 2), spec.device().fpga().macsPerDspByBits());
		assertEquals(30.0, spec.device().power().picojoulesPerDdrByte());

		assertEquals(new Shape(3, 32, 32), spec.network().input());
		List<SubgraphSpec> sgs = spec.network().subgraphs();
		assertEquals(List.of("stem", "body", "blocks", "head"), sgs.stream().map(SubgraphSpec::name).toList());
		assertEquals(ExecutionMode.SEQUENTIAL, sgs.get(0).mode());
		assertEquals(ExecutionMode.PIPELINED, sgs.get(1).mode());
		assertEquals(new Add("r1", "c1"), sgs.get(1).ops().get(1));
		assertEquals(new MBConv("m1", 4, 3, 2, 24, true, 2), sgs.get(2).ops().get(0));

		SubgraphSpace space = sgs.get(2).space();
		assertEquals(List.of(3, 5), space.kernels());
		assertEquals(List.of(3, 6), space.expansions());
		assertEquals(List.of(0.5, 1.0), space.widthMultipliers());
		assertEquals(List.of(1, 2), space.depths());
		assertEquals(List.of(BitWidths.INT8), space.bitWidths());
		assertEquals(List.of(Pruning.NONE, new Pruning(4, 4, 0.5)), space.pruning());
		assertEquals(SubgraphSpace.NONE, sgs.get(0).space());
	}

	@Test
	void energyBoundMapsToTheEngineConstraint() throws Exception {
		SearchSpec spec = mapValid(validWith("fps >= 10", "energy <= 5 mJ"));
		assertEquals(5.0, spec.constraints().maxEnergyMjPerFrame());
		assertNull(spec.constraints().minFps());
	}

	@Test
	void layerPruneLinesBecomePerOpPruningOfTheirSubgraph() throws Exception {
		SearchSpec spec = mapValid(validWithSpaceEntry("""
					layer c1, p1 {
						prune block 8 x 8 ratio { 0.0, 0.5 }
						prune block 16 x 4 ratio { 0.75 }
					}
				"""));
		List<Pruning> options = List.of(Pruning.NONE, new Pruning(8, 8, 0.5), new Pruning(16, 4, 0.75));
		List<SubgraphSpec> sgs = spec.network().subgraphs();
		assertEquals(Map.of("c1", options), sgs.get(0).space().opPruning());
		assertEquals(Map.of("p1", options), sgs.get(1).space().opPruning());
		assertEquals(Map.of(), sgs.get(3).space().opPruning());
		assertEquals(3, sgs.get(0).space().size());
	}

	@Test
	void layerBitsLinesBecomePerOpBitWidthsOfTheirSubgraph() throws Exception {
		SearchSpec spec = mapValid(validWithSpaceEntry("""
					layer c1 {
						bits weights { 8, 16 } activations { 8 }
					}
				"""));
		List<SubgraphSpec> sgs = spec.network().subgraphs();
		assertEquals(Map.of("c1", List.of(new BitWidths(8, 8), new BitWidths(16, 8))), sgs.get(0).space().opBits());
		assertEquals(Map.of(), sgs.get(1).space().opBits());
		SubgraphSpace sp = sgs.get(0).space();
		SubgraphSpace withoutLayerBits = new SubgraphSpace(sp.kernels(), sp.expansions(), sp.widthMultipliers(),
				sp.depths(), sp.bitWidths(), sp.pruning(), sp.opPruning());
		assertEquals(2 * withoutLayerBits.size(), sp.size());
	}

	@Test
	void mappedNetworkExpandsWithInferredShapes() throws Exception {
		SearchSpec spec = mapValid(VALID);
		ExpandedNetwork expanded = NetworkExpander.expand(spec.network());
		assertEquals(new Shape(10, 1, 1), expanded.output());
		assertEquals(new Shape(24, 8, 8), expanded.subgraph("blocks").output());
	}

	@Test
	void allEntryAppliesToEverySubgraphAndNamedEntriesOverride() throws Exception {
		String text = validWithSpaceEntry("""
					subgraph all {
						bits weights { 4, 8 } activations { 8 }
						kernel { 7 }
					}
				""");
		SearchSpec spec = mapValid(text);
		SubgraphSpace stem = spec.network().subgraphs().get(0).space();
		assertEquals(List.of(new BitWidths(4, 8), new BitWidths(8, 8)), stem.bitWidths());
		SubgraphSpace blocks = spec.network().subgraphs().get(2).space();
		assertEquals(List.of(3, 5), blocks.kernels(), "the named entry replaces the 'all' kernels");
		assertEquals(List.of(BitWidths.INT8), blocks.bitWidths());
	}

	@Test
	void standardLibraryGpuMapsWithItsEfficiencyTable() throws Exception {
		Model model = parse(VALID.replace("device Small\n", "devices Small, Adreno640\n"));
		List<SearchSpec> specs = mapper.toSearches((Search) model.getElements().get(3));
		SearchSpec gpu = specs.get(1);
		assertEquals(DeviceKind.MOBILE_GPU, gpu.device().kind());
		assertEquals(0.015, gpu.device().gpu().efficiency(LayerKind.DEPTHWISE));
		assertEquals(1797.0, gpu.device().gpu().peakGops(8));
		assertEquals(70.0, gpu.device().gpu().launchOverheadUs());
		assertEquals(0.6, gpu.device().gpu().pruningEfficiency());
		assertEquals(1.0, gpu.device().power().staticWatts());
	}

	@Test
	void powerScopeAndEnginePowerMap() throws Exception {
		// no scope: unspecified, no engine power (the original three figures)
		SearchSpec plain = mapValid(VALID);
		assertEquals(PowerScope.UNSPECIFIED, plain.device().power().scope());
		assertEquals(0.0, plain.device().power().enginesWatts());
		SearchSpec board = mapValid(validWith("static 1 W", "scope board\n\t\t\t\t\tstatic 1 W engines 0.5 W"));
		assertEquals(PowerScope.BOARD, board.device().power().scope());
		assertEquals(0.5, board.device().power().enginesWatts());
		assertEquals(1.5, board.device().power().runningWatts());
		SearchSpec chip = mapValid(validWith("static 1 W", "scope chip static 1 W"));
		assertEquals(PowerScope.CHIP, chip.device().power().scope());
	}

	@Test
	void incompleteModelGivesAMappingExceptionNamingTheElement() throws Exception {
		Model model = parse(validWith("conv c1 out 16 kernel 3", "conv c1 kernel 3"));
		MappingException e = assertThrows(MappingException.class,
				() -> mapper.toSearches((Search) model.getElements().get(3)));
		assertInstanceOf(ConvOp.class, e.source());
	}
}
