package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.GpuDevice;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.validation.HaoIssueCodes;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;
import com.google.inject.Provider;

class ImportTest extends HaoTestBase {

	private static final String LIB = """
			device Board fpga {
				dsp 10 bram18k 10 lut 1000 ff 2000 clock 100 MHz bandwidth 1 GB/s packing { 8: 2 }
				power { static 1 W }
			}
			network Tiny {
				input 1 x 8 x 8
				subgraph s { conv c out 4 kernel 3 }
			}
			""";

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Test
	void importedElementsResolveAcrossFiles() throws Exception {
		XtextResourceSet rs = resourceSets.get();
		Model lib = parser.parse(LIB, URI.createURI("mem:/models/lib.hao"), rs);
		Model main = parser.parse("import \"lib.hao\"\nsearch s { network Tiny device Board }\n",
				URI.createURI("mem:/models/main.hao"), rs);
		validator.assertNoErrors(main);
		Search s = (Search) main.getElements().get(0);
		assertSame(lib.getElements().get(1), s.getNetwork());
		assertSame(lib.getElements().get(0), s.getDevices().get(0));
	}

	@Test
	void withoutImportTheNamesDoNotResolve() throws Exception {
		XtextResourceSet rs = resourceSets.get();
		parser.parse(LIB, URI.createURI("mem:/models/lib.hao"), rs);
		Model main = parser.parse("search s { network Tiny device Board }\n", URI.createURI("mem:/models/main.hao"),
				rs);
		validator.assertError(main, HaoPackage.Literals.SEARCH, Diagnostic.LINKING_DIAGNOSTIC, "Tiny");
	}

	@Test
	void standardLibraryIsAlwaysInScope() throws Exception {
		Model main = parse("network N { input 1 x 8 x 8 subgraph s { conv c out 4 kernel 3 } }\n"
				+ "search s { network N devices ZU3EG, ZU9EG, ZU7EV, Adreno640 }\n");
		validator.assertNoErrors(main);
		Search s = (Search) main.getElements().get(1);
		FpgaDevice zu3eg = (FpgaDevice) s.getDevices().get(0);
		assertEquals(360, zu3eg.getDsp());
		assertEquals(432, zu3eg.getBram18k());
		assertEquals(70560, zu3eg.getLut());
		assertEquals(2520, ((FpgaDevice) s.getDevices().get(1)).getDsp());
		assertEquals(1728, ((FpgaDevice) s.getDevices().get(2)).getDsp());
		assertEquals(34.1, ((GpuDevice) s.getDevices().get(3)).getBandwidthGBps());
	}

	@Test
	void importCyclesAndSelfImportsTerminate() {
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			XtextResourceSet rs = resourceSets.get();
			Model a = parser.parse("import \"b.hao\"\nimport \"a.hao\"\n"
					+ "network A { input 1 x 4 x 4 subgraph s { fc f out 2 } }\nsearch sa { network B device ZU3EG }\n",
					URI.createURI("mem:/cycle/a.hao"), rs);
			Model b = parser.parse("import \"a.hao\"\nnetwork B { input 1 x 4 x 4 subgraph s { fc g out 2 } }\n"
					+ "search sb { network A device ZU3EG }\n", URI.createURI("mem:/cycle/b.hao"), rs);
			validator.assertNoErrors(a);
			validator.assertNoErrors(b);
			validator.assertWarning(a, HaoPackage.Literals.IMPORT, HaoIssueCodes.IMPORT_SELF);
			assertEquals("B", ((Network) ((Search) a.getElements().get(1)).getNetwork()).getName());
		});
	}
}
