package org.hao.dsl.formatting2;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Pair;
import org.hao.dsl.hao.Choice;
import org.hao.dsl.hao.Constraint;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Import;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.SpaceEntry;
import org.hao.dsl.hao.Subgraph;

/**
 * Layout of .hao files: one attribute, op, choice or constraint per line; blocks indented by one level; value sets
 * inline as <code>{ 3, 5, 7 }</code>; a blank line between top-level elements; single spaces elsewhere.
 */
public class HaoFormatter extends AbstractFormatter2 {

	/** Keywords whose braces hold an inline list, not a block. */
	private static final Set<String> INLINE_LISTS = Set.of("packing", "peak", "efficiency", "kernel", "expand", "width",
			"depth", "weights", "activations", "ratio");

	/** Keywords that start an attribute line inside a block, per element type. */
	private static final Map<EClass, Set<String>> LINE_KEYWORDS = Map.of(HaoPackage.Literals.FPGA_DEVICE,
			Set.of("dsp", "bram18k", "lut", "ff", "clock", "bandwidth", "cap", "packing"),
			HaoPackage.Literals.GPU_DEVICE, Set.of("peak", "bandwidth", "efficiency", "pruning", "launch"),
			HaoPackage.Literals.POWER, Set.of("power", "static", "mac", "ddr", "engines", "scope"),
			HaoPackage.Literals.NETWORK, Set.of("input"), HaoPackage.Literals.SEARCH,
			Set.of("network", "space", "device", "devices", "objective", "constraints", "predictor", "seed", "time",
					"quantization"),
			HaoPackage.Literals.QUANTIZATION_SPEC,
			Set.of("method", "algorithm", "first-last", "granularity", "scales", "sensitivity"));

	@Override
	public void format(Object obj, IFormattableDocument doc) {
		if (obj instanceof XtextResource resource) {
			_format(resource, doc);
		} else if (obj instanceof EObject e) {
			formatObject(e, doc);
			for (EObject child : e.eContents()) {
				doc.format(child);
			}
		} else if (obj == null) {
			_format((Void) null, doc);
		} else {
			_format(obj, doc);
		}
	}

	private void formatObject(EObject e, IFormattableDocument doc) {
		for (ISemanticRegion region : textRegionExtensions.semanticRegions(e)) {
			doc.append(region, f -> {
				f.oneSpace();
				f.lowPriority();
			});
		}
		ISemanticRegionsFinder regions = textRegionExtensions.regionFor(e);
		for (Pair<ISemanticRegion, ISemanticRegion> braces : regions.keywordPairs("{", "}")) {
			formatBraces(braces.getKey(), braces.getValue(), doc);
		}
		for (ISemanticRegion glued : regions.keywords(".")) { // decimal point of a number
			doc.prepend(glued, f -> f.noSpace());
			doc.append(glued, f -> f.noSpace());
		}
		for (ISemanticRegion minus : regions.keywords("-")) {
			doc.append(minus, f -> f.noSpace());
		}
		for (ISemanticRegion comma : regions.keywords(",", ":")) {
			doc.prepend(comma, f -> f.noSpace());
			doc.append(comma, f -> f.oneSpace());
		}
		Set<String> lineKeywords = LINE_KEYWORDS.getOrDefault(e.eClass(), Set.of());
		for (ISemanticRegion kw : regions.keywords(lineKeywords.toArray(String[]::new))) {
			doc.prepend(kw, f -> f.newLine());
		}
		if (e instanceof Model model) {
			formatModel(model, doc);
		} else if (e instanceof Subgraph || e instanceof Op || e instanceof SpaceEntry || e instanceof Choice
				|| e instanceof Constraint) {
			doc.prepend(e, f -> f.newLine());
		}
	}

	private void formatBraces(ISemanticRegion open, ISemanticRegion close, IFormattableDocument doc) {
		ISemanticRegion before = open.getPreviousSemanticRegion();
		doc.prepend(open, f -> f.oneSpace());
		if (before != null && INLINE_LISTS.contains(before.getText())) {
			doc.append(open, f -> f.oneSpace());
			doc.prepend(close, f -> f.oneSpace());
		} else {
			doc.append(open, f -> f.newLine());
			doc.prepend(close, f -> f.newLine());
			doc.interior(open, close, f -> f.indent());
		}
	}

	private void formatModel(Model model, IFormattableDocument doc) {
		List<Import> imports = model.getImports();
		for (int i = 1; i < imports.size(); i++) {
			doc.prepend(imports.get(i), f -> f.newLine());
		}
		List<Element> elements = model.getElements();
		for (int i = 0; i < elements.size(); i++) {
			if (i > 0 || !imports.isEmpty()) {
				doc.prepend(elements.get(i), f -> f.setNewLines(2));
			}
		}
		if (!elements.isEmpty()) {
			doc.append(elements.get(elements.size() - 1), f -> f.newLine());
		}
	}
}
