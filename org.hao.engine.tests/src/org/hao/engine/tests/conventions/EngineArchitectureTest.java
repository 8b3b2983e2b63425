package org.hao.engine.tests.conventions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The engine's architecture rules (docs/engine-api-contract.md), checked by ArchUnit on the engine's compiled classes
 * (read from {@code ../org.hao.engine/target/classes}: inside OSGi the bundle's class path is not a directory that
 * ArchUnit can scan). Each rule fails with the offending classes and dependencies listed.
 */
class EngineArchitectureTest {
	private static JavaClasses engine;

	@BeforeAll
	static void importEngine() {
		Path classes = Path.of("..", "org.hao.engine", "target", "classes");
		assertTrue(Files.isDirectory(classes.resolve("org/hao/engine/search")),
				"engine classes not found at " + classes.toAbsolutePath());
		engine = new ClassFileImporter().importPath(classes);
		assertTrue(engine.size() > 100, "only " + engine.size() + " engine classes imported");
	}

	@Test
	void theEngineKnowsNothingOfEclipseEmfOrXtext() {
		noClasses().that().resideInAPackage("org.hao.engine..").should().dependOnClassesThat()
				.resideInAnyPackage("org.eclipse..", "org.hao.dsl..", "com.google.inject..")
				.because("the engine is plain Java: the CLI, the"
						+ " language server and the IDE all use it (DESIGN.md)")
				.check(engine);
	}

	@Test
	void theEnginesPackagesHaveNoCycles() {
		slices().matching("org.hao.engine.(*)..").should().beFreeOfCycles().check(engine);
	}

	@Test
	void benchmarksAreNotReachableFromProductionCode() {
		noClasses().that().resideInAPackage("org.hao.engine..").and().resideOutsideOfPackage("org.hao.engine.bench..")
				.should().dependOnClassesThat().resideInAPackage("org.hao.engine.bench..")
				.because(
						"benchmark fixtures (reference networks, timing) are not part of the product's evaluation path")
				.check(engine);
	}

	@Test
	void theResultsModelIsALeafOfRecords() {
		noClasses().that().resideInAPackage("org.hao.engine.results..").should().dependOnClassesThat()
				.resideInAnyPackage("org.hao.engine.search..", "org.hao.engine.report..", "org.hao.engine.cost..",
						"org.hao.engine.ilp..")
				.because("the CLI, the reports and the IDE read results files without running the engine")
				.check(engine);
	}
}
