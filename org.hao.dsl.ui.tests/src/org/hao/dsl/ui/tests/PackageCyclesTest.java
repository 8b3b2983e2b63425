package org.hao.dsl.ui.tests;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The IDE's packages (one per editor service, docs/ide.md) form no cycle, the document model ({@code org.hao.dsl.ui}
 * itself) included: ArchUnit on the bundle's compiled classes ({@code ../org.hao.dsl.ui/target/classes}).
 */
class PackageCyclesTest {

	/** Each package below org.hao.dsl.ui is a slice; the root package is the slice "ui". */
	private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
		@Override
		public SliceIdentifier getIdentifierOf(JavaClass c) {
			String p = c.getPackageName();
			if (p.equals("org.hao.dsl.ui")) {
				return SliceIdentifier.of("ui");
			}
			return p.startsWith("org.hao.dsl.ui.")
					? SliceIdentifier.of(p.substring("org.hao.dsl.ui.".length()).split("\\.")[0])
					: SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "packages of org.hao.dsl.ui";
		}
	};

	@Test
	void theIdePackagesHaveNoCycles() {
		Path classes = Path.of("..", "org.hao.dsl.ui", "target", "classes");
		assertTrue(Files.isDirectory(classes.resolve("org/hao/dsl/ui/editor")), classes.toAbsolutePath().toString());
		JavaClasses ui = new ClassFileImporter().importPath(classes);
		slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(ui);
	}
}
