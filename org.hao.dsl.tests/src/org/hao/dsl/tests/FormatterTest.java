package org.hao.dsl.tests;

import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;

import com.google.inject.Inject;

class FormatterTest extends HaoTestBase {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void formatsBlocksListsAndNumbers() {
		String messy = "device D fpga { dsp   10 bram18k 2 lut 3 ff 4 clock 100.5  MHz bandwidth 1 GB/s "
				+ "packing {16:1,8 : 2} }\n"
				+ "network N { input 3   x 8 x 8 subgraph s pipelined { conv c out 4 kernel 3\n\n\n"
				+ "   add r from c } }\n"
				+ "space S for N { subgraph s { kernel {3,5} prune block 4 x 4 ratio { 0.0,0.5 } } }\n";
		String expected = """
				device D fpga {
					dsp 10
					bram18k 2
					lut 3
					ff 4
					clock 100.5 MHz
					bandwidth 1 GB/s
					packing { 16: 1, 8: 2 }
				}

				network N {
					input 3 x 8 x 8
					subgraph s pipelined {
						conv c out 4 kernel 3
						add r from c
					}
				}

				space S for N {
					subgraph s {
						kernel { 3, 5 }
						prune block 4 x 4 ratio { 0.0, 0.5 }
					}
				}
				""";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(messy);
			request.setExpectation(expected);
			request.setUseSerializer(false);
		});
	}

	@Test
	void formattingIsStable() {
		String formatted = """
				search s {
					network N
					device ZU3EG
					constraints {
						fps >= 50
						latency <= 20 ms
					}
					time limit 10 seconds
				}
				""";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(formatted);
			request.setUseSerializer(false);
		});
	}
}
