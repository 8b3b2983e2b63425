package org.hao.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.hao.dsl.ui.wizards.ExampleProjects;

/**
 * Two files in a HAO project: {@code net.hao} defines the network {@code Toy} (the toy example's network) and
 * {@code search.hao} imports it and defines a space and a search on it.
 */
final class TwoFiles {

	static final String NET = """
			// the network, used by search.hao
			network Toy {
				input 3 x 32 x 32
				subgraph stem sequential {
					conv stem_conv out 16 kernel 3 stride 2
				}
				subgraph body pipelined {
					pointwise expand1 out 32
					depthwise dw1 kernel 3
					pointwise project1 out 16
					add res1 from stem_conv
				}
				subgraph head sequential {
					pool gap avg global
					fc classifier out 10
				}
			}

			network Other {
				input 3 x 32 x 32
				subgraph only sequential {
					conv c1 out 8 kernel 3 stride 2
					pool gap avg global
					fc classifier out 10
				}
			}
			""";

	static final String SEARCH = """
			import "net.hao"

			space ToySpace for Toy {
				subgraph body {
					kernel { 3, 5 }
				}
			}

			search toy_search {
				space ToySpace
				device ZU3EG
				objective accuracy
				seed 1
				time limit 10 seconds
			}
			""";

	final IFile net;
	final IFile search;

	private TwoFiles(IFile net, IFile search) {
		this.net = net;
		this.search = search;
	}

	/** A fresh project {@code name} with both files. */
	static TwoFiles in(String name) throws CoreException {
		IProject p = ExampleProjects.ensureProject(name, null);
		return new TwoFiles(put(p.getFile("net.hao"), NET), put(p.getFile("search.hao"), SEARCH));
	}

	static IFile put(IFile f, String text) throws CoreException {
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (f.exists()) {
			f.setContents(in, true, false, null);
		} else {
			f.create(in, true, null);
		}
		return f;
	}

	static String saved(IFile f) throws Exception {
		try (var in = f.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
