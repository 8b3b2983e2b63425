package org.hao.engine.expand;

/** Channel rounding shared by width scaling and squeeze-excite sizing. */
public final class Channels {
	/** Hardware-friendly channel granularity, as in MobileNet's make_divisible. */
	public static final int DIVISOR = 8;

	private Channels() {
	}

	/**
	 * MobileNet's make_divisible: round {@code value} to the nearest multiple of 8 (at least 8), and go one step up
	 * if rounding down lost more than 10 % of the channels.
	 */
	public static int makeDivisible(double value) {
		int rounded = Math.max(DIVISOR, (int) (value + DIVISOR / 2.0) / DIVISOR * DIVISOR);
		if (rounded < 0.9 * value) {
			rounded += DIVISOR;
		}
		return rounded;
	}

	/**
	 * Channels after a width multiplier. A multiplier of exactly 1 keeps the written count (so a base network is
	 * reproduced exactly even when a count is not a multiple of 8).
	 */
	public static int scale(int channels, double widthMultiplier) {
		if (widthMultiplier == 1.0) {
			return channels;
		}
		return makeDivisible(channels * widthMultiplier);
	}
}
