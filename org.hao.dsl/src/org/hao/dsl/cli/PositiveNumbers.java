package org.hao.dsl.cli;

import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for options that must be positive ({@code --time-limit}, {@code --threads}): a zero, negative
 * or non-finite value is refused while the command line is read, before any search starts, as a usage error (exit 2)
 * naming the option and the value.
 */
final class PositiveNumbers {
	private PositiveNumbers() {
	}

	/** Seconds, more than 0 and finite. */
	static final class Seconds implements ITypeConverter<Double> {
		@Override
		public Double convert(String value) {
			double s;
			try {
				s = Double.parseDouble(value.strip());
			} catch (NumberFormatException e) {
				throw new TypeConversionException("'" + value + "' is not a number of seconds");
			}
			if (!(s > 0) || Double.isInfinite(s)) {
				throw new TypeConversionException(
						String.format(Locale.ROOT, "must be more than 0 seconds, was '%s'", value));
			}
			return s;
		}
	}

	/** A count of at least 1. */
	static final class Count implements ITypeConverter<Integer> {
		@Override
		public Integer convert(String value) {
			int n;
			try {
				n = Integer.parseInt(value.strip());
			} catch (NumberFormatException e) {
				throw new TypeConversionException("'" + value + "' is not a whole number");
			}
			if (n < 1) {
				throw new TypeConversionException("must be at least 1, was '" + value + "'");
			}
			return n;
		}
	}
}
