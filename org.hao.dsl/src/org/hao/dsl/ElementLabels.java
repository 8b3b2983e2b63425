package org.hao.dsl;

import java.util.Locale;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.SimpleAttributeResolver;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.FullyConnectedOp;
import org.hao.dsl.hao.GpuDevice;
import org.hao.dsl.hao.SqueezeExciteOp;

/**
 * How messages, dialogs and views name a model element: by the keyword the user writes ({@code conv}, {@code fc},
 * {@code network}), never by its EMF class name ({@code ConvOp}, {@code DeviceDecl}), which carries a suffix only to
 * keep it apart from the engine's records.
 */
public final class ElementLabels {
	private ElementLabels() {
	}

	/** The element's kind as the user writes it, e.g. {@code conv}, {@code mbconv}, {@code FPGA device}. */
	public static String kind(EObject element) {
		return switch (element) {
			case FpgaDevice d -> "FPGA device";
			case GpuDevice d -> "GPU device";
			case FullyConnectedOp f -> "fc";
			case SqueezeExciteOp s -> "squeeze";
			default -> kind(element.eClass());
		};
	}

	/** The kind of the elements of {@code type} as the user writes it, e.g. {@code device} for {@code DeviceDecl}. */
	public static String kind(EClass type) {
		return type.getName().replaceFirst("(?<=\\w)(Op|Spec|Decl)$", "").toLowerCase(Locale.ROOT);
	}

	/** The element's name, or null when it has none or it is blank. */
	public static String name(EObject element) {
		EAttribute name = SimpleAttributeResolver.NAME_RESOLVER.getAttribute(element);
		return name == null || !(element.eGet(name) instanceof String s) || s.isBlank() ? null : s;
	}

	/** A label such as {@code conv 'c1'}, or the kind alone for an element without a name. */
	public static String describe(EObject element) {
		String name = name(element);
		return name == null ? kind(element) : kind(element) + " '" + name + "'";
	}
}
