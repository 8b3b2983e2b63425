package org.hao.dsl.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.hao.dsl.hao.HaoPackage;
import org.hao.dsl.hao.Op;
import org.hao.dsl.hao.PoolOp;

/**
 * Where a shape error of the engine ({@code stride 64 is larger than the 8x8 feature map}, {@code window 7x7 ... does
 * not fit}) belongs in the source: on the attribute at fault, as the user wrote it. A pool without {@code stride}
 * steps by its kernel (PyTorch's default), so its "stride" error is the kernel's and is reported as
 * {@code kernel 128 is larger than the 32x32 feature map}, on the kernel; without the attribute at fault written (an
 * mbconv's default stride), the marker stays on the op's name.
 */
record ShapeErrorPlace(String message, EStructuralFeature feature) {

	private static final Pattern STRIDE = Pattern.compile("^stride (\\d+) is larger than (.*)$", Pattern.DOTALL);

	static ShapeErrorPlace of(Op op, String engineMessage) {
		Matcher m = STRIDE.matcher(engineMessage);
		if (m.matches()) {
			if (written(op, "stride")) {
				return new ShapeErrorPlace(engineMessage, feature(op, "stride"));
			}
			if (op instanceof PoolOp && written(op, "kernel")) {
				return new ShapeErrorPlace("kernel " + m.group(1) + " is larger than " + m.group(2)
						+ "; without 'stride' a pool steps by its kernel", feature(op, "kernel"));
			}
		} else if (engineMessage.startsWith("window ") && written(op, "kernel")) {
			return new ShapeErrorPlace(engineMessage, feature(op, "kernel"));
		}
		return new ShapeErrorPlace(engineMessage, HaoPackage.Literals.OP__NAME);
	}

	private static EStructuralFeature feature(Op op, String name) {
		return op.eClass().getEStructuralFeature(name);
	}

	private static boolean written(Op op, String name) {
		EStructuralFeature f = feature(op, name);
		return f != null && op.eIsSet(f) && op.eGet(f) != null;
	}
}
