package org.hao.dsl.validation;

import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.hao.dsl.ElementLabels;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.hao.dsl.hao.HaoPackage;

/** Shared helpers of the validators composed into {@link HaoValidator}. */
abstract class HaoCheckBase extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(HaoPackage.eINSTANCE);
	}

	/**
	 * A check that calls the engine on numbers out of its range (an overflow, a record refusing a value) reports an
	 * error on the element it was checking, with its line, instead of Xtext's line-less "Error executing EValidator".
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable targetException) {
		if ((targetException instanceof ArithmeticException || targetException instanceof IllegalArgumentException)
				&& getCurrentObject() != null) {
			error("cannot be checked: " + targetException.getMessage() + " (a size or count is out of range)",
					getCurrentObject(), null);
			return;
		}
		super.handleExceptionDuringValidation(targetException);
	}

	/**
	 * Leaves out an error that only follows from a syntax or value error inside the element (a missing attribute that
	 * was written wrongly, a network whose subgraphs did not parse): the syntax error says what is wrong.
	 */
	@Override
	public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code,
			String... issueData) {
		if ((HaoIssueCodes.MISSING_ATTRIBUTE.equals(code) || HaoIssueCodes.EMPTY_NETWORK.equals(code))
				&& SyntaxErrorsNear.in(object)) {
			return;
		}
		super.acceptError(message, object, feature, index, code, issueData);
	}

	/** Composed into HaoValidator, so it must not register itself a second time. */
	@Override
	public void register(EValidatorRegistrar registrar) {
	}

	/** Error on {@code owner}'s {@code feature} when the attribute is missing; returns whether it is present. */
	protected boolean require(Object value, EObject owner, EStructuralFeature nameFeature, String keyword,
			String what) {
		if (value != null) {
			return true;
		}
		error(describe(owner) + " needs '" + keyword + "' (" + what + ")", owner, nameFeature,
				HaoIssueCodes.MISSING_ATTRIBUTE, keyword);
		return false;
	}

	protected void positive(Integer value, EObject owner, EStructuralFeature feature, String what) {
		if (value != null && value <= 0) {
			error(what + " must be positive, was " + value, owner, feature, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	protected void positive(Double value, EObject owner, EStructuralFeature feature, String what) {
		if (value != null && !(value > 0 && Double.isFinite(value))) {
			error(what + " must be positive, was " + value, owner, feature, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	protected void nonNegative(Double value, EObject owner, EStructuralFeature feature, String what) {
		if (value != null && !(value >= 0 && Double.isFinite(value))) {
			error(what + " must not be negative, was " + value, owner, feature, HaoIssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	/** Range check of a list element; the marker goes on the element at {@code index}. */
	protected <T> void eachInRange(List<T> values, Predicate<T> valid, EObject owner, EStructuralFeature feature,
			String rule) {
		for (int i = 0; i < values.size(); i++) {
			T v = values.get(i);
			if (v != null && !valid.test(v)) {
				error(rule + ", was " + v, owner, feature, i, HaoIssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
	}

	protected <T> void noDuplicates(List<T> values, EObject owner, EStructuralFeature feature, String what) {
		for (int i = 0; i < values.size(); i++) {
			if (values.subList(0, i).contains(values.get(i))) {
				warning("duplicate " + what + " " + shown(values.get(i)), owner, feature, i,
						HaoIssueCodes.DUPLICATE_ENTRY);
			}
		}
	}

	/** A value for a message: an element by its name (an EObject's toString holds its identity hash), else as is. */
	private static String shown(Object value) {
		if (value instanceof EObject e) {
			var nameFeature = e.eClass().getEStructuralFeature("name");
			Object name = nameFeature == null ? null : e.eGet(nameFeature);
			if (name != null) {
				return "'" + name + "'";
			}
		}
		return String.valueOf(value);
	}

	static String describe(EObject owner) {
		return ElementLabels.describe(owner);
	}
}
