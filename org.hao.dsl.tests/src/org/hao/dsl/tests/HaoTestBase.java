package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.hao.dsl.hao.Model;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** Xtext's JUnit 5 injection plus a small, valid model that tests break one piece at a time. */
@ExtendWith(InjectionExtension.class)
@InjectWith(HaoInjectorProvider.class)
abstract class HaoTestBase {

	/**
	 * A valid file: one FPGA device, a network with a residual, a space and a search. Not a compile-time constant
	 * (String.valueOf), so classes using it never keep a stale inlined copy after an incremental build.
	 */
	static final String VALID = String.valueOf("""
			device Small fpga {
				dsp 100
				bram18k 200
				lut 20000
				ff 40000
				clock 100 MHz
				bandwidth 2.5 GB/s
				cap 0.8
				packing { 16: 1, 8: 2 }
				power {
					static 1 W
					mac 1.0 pJ
					ddr 30 pJ/B
				}
			}

			network Net {
				input 3 x 32 x 32
				subgraph stem {
					conv c1 out 16 kernel 3 stride 2
				}
				subgraph body pipelined {
					pointwise p1 out 16
					add r1 from c1
				}
				subgraph blocks pipelined {
					mbconv m1 expand 4 kernel 3 stride 2 out 24 se repeat 2
				}
				subgraph head {
					pool gap avg global
					fc out1 out 10
				}
			}

			space NetSpace for Net {
				subgraph blocks {
					kernel { 3, 5 }
					expand { 3, 6 }
					width { 0.5, 1.0 }
					depth { 1, 2 }
					bits weights { 8 } activations { 8 }
					prune block 4 x 4 ratio { 0.0, 0.5 }
				}
			}

			search find {
				space NetSpace
				device Small
				objective accuracy
				constraints {
					fps >= 10
					accuracy >= 50 %
				}
				seed 7
				time limit 5 seconds
			}
			""");

	@Inject
	protected ParseHelper<Model> parser;

	@Inject
	protected ValidationTestHelper validator;

	protected Model parse(String text) throws Exception {
		Model model = parser.parse(text);
		assertNotNull(model, "parse returned no model");
		return model;
	}

	/** {@link #VALID} with one fragment replaced; fails if the fragment is not there (tests stay honest). */
	protected static String validWith(String fragment, String replacement) {
		if (!VALID.contains(fragment)) {
			throw new IllegalArgumentException("fragment not in VALID: " + fragment);
		}
		return VALID.replace(fragment, replacement);
	}

	/** {@link #VALID} with {@code entry} (e.g. a {@code layer c1 { ... }} block) first in its space NetSpace. */
	protected static String validWithSpaceEntry(String entry) {
		return validWith("space NetSpace for Net {", "space NetSpace for Net {\n" + entry);
	}
}
