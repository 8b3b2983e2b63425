package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.ui.SearchInput;
import org.hao.dsl.ui.SearchInputException;
import org.hao.engine.expand.ExpandedNetwork;
import org.hao.engine.expand.NetworkExpander;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.export.NetworkExport;
import org.hao.engine.export.PointChoices;
import org.hao.engine.results.ParetoPoint;

/**
 * Export... on a point of the Pareto view: the point's network (its kernel, expansion, width, depth, bit-width and
 * pruning choices applied to the network of the search that found it) written as PyTorch {@code nn.Module} source and
 * an ONNX graph by {@link NetworkExport}, the code of {@code hao export --search NAME --point N}. The search's network
 * is read from the .hao file as saved now.
 */
public final class PointExport {

	private PointExport() {
	}

	/** Why a point cannot be exported (the file does not validate, the search or the point's choices do not fit it). */
	public static final class ExportException extends Exception {
		private static final long serialVersionUID = 1L;

		ExportException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/**
	 * Expands {@code point} of search {@code searchName} in {@code model} and writes it to {@code pytorch} and / or
	 * {@code onnx} (either may be null).
	 *
	 * @return the exported network
	 */
	public static ExpandedNetwork write(IFile model, String searchName, ParetoPoint point, Path pytorch, Path onnx)
			throws ExportException {
		ExpandedNetwork x;
		String network;
		try {
			Search search = SearchInput.load(model, searchName);
			var spec = new ModelMapper().toSearches(search).get(0);
			network = spec.network().name();
			x = NetworkExpander.expand(spec.network(), PointChoices.of(point));
		} catch (SearchInputException | MappingException | IllegalArgumentException | ShapeException e) {
			throw new ExportException(model.getName() + ": " + e.getMessage(), e);
		} catch (IOException | CoreException e) {
			throw new ExportException("cannot read " + model.getFullPath() + ": " + e.getMessage(), e);
		}
		try {
			NetworkExport.write(x, network, pytorch, onnx);
		} catch (IOException e) {
			throw new ExportException(e.getMessage(), e);
		}
		return x;
	}

	/** The ONNX file beside a chosen .py file: the same name with {@code .onnx}. */
	public static Path onnxBeside(Path pytorch) {
		String name = pytorch.getFileName().toString().replaceFirst("\\.py$", "");
		return pytorch.resolveSibling(name + ".onnx");
	}
}
