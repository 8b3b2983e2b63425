package org.hao.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * Validation of .hao files. Each composed validator has one concern; issue codes are in {@link HaoIssueCodes}.
 * Unresolved references are reported by Xtext's linker.
 */
@ComposedChecks(validators = {ImportAndNameValidator.class, DeviceValidator.class, NetworkValidator.class,
		SpaceValidator.class, SearchValidator.class})
public class HaoValidator extends AbstractHaoValidator {
}
