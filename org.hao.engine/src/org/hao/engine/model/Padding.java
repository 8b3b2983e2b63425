package org.hao.engine.model;

/**
 * Spatial padding of a windowed op (convolution, depthwise, pool), in pixels per side.
 * <ul>
 * <li>{@link Mode#SAME}: out = ceil(in / stride) (TensorFlow's 'same'; equals PyTorch's symmetric padding of
 * (k-1)/2 for odd k).</li>
 * <li>{@link Mode#VALID}: no padding, out = floor((in - dilation (k - 1) - 1) / stride) + 1.</li>
 * <li>{@link Mode#EXPLICIT}: top / left / bottom / right pixels (ONNX {@code pads} order begin, begin, end, end),
 * out = floor((in + top + bottom - dilation (k - 1) - 1) / stride) + 1, or with {@code ceil} mode (pooling) the
 * ceiling, dropping a last window that would start in the bottom / right padding (PyTorch's rule).</li>
 * </ul>
 */
public record Padding(Mode mode, int top, int left, int bottom, int right) {
	public enum Mode {
		SAME, VALID, EXPLICIT
	}

	public static final Padding SAME = new Padding(Mode.SAME, 0, 0, 0, 0);
	public static final Padding VALID = new Padding(Mode.VALID, 0, 0, 0, 0);

	public Padding {
		Checks.notNull("mode", mode);
		if (top < 0 || left < 0 || bottom < 0 || right < 0) {
			throw new IllegalArgumentException(
					"padding must not be negative, was " + top + ", " + left + ", " + bottom + ", " + right);
		}
		if (mode != Mode.EXPLICIT && (top | left | bottom | right) != 0) {
			throw new IllegalArgumentException(mode + " padding takes no pixel counts");
		}
	}

	/** The same number of pixels on every side. */
	public static Padding of(int pixels) {
		return new Padding(Mode.EXPLICIT, pixels, pixels, pixels, pixels);
	}

	/** {@code vertical} pixels on top and bottom, {@code horizontal} left and right. */
	public static Padding of(int vertical, int horizontal) {
		return new Padding(Mode.EXPLICIT, vertical, horizontal, vertical, horizontal);
	}

	/**
	 * Output size along one axis.
	 *
	 * @param in       input size (pixels)
	 * @param kernel   window size
	 * @param stride   step
	 * @param dilation spacing of the window's taps (1 = dense)
	 * @param vertical true for the height axis (top / bottom padding), false for the width (left / right)
	 * @param ceil     ceil mode (pooling)
	 * @return the output size; 0 or less when the window does not fit (the caller reports it)
	 */
	public long outputSize(int in, int kernel, int stride, int dilation, boolean vertical, boolean ceil) {
		if (mode == Mode.SAME) {
			return in / stride + (in % stride == 0 ? 0 : 1);
		}
		long begin = vertical ? top : left;
		long end = vertical ? bottom : right;
		long span = (long) in + begin + end - (long) dilation * (kernel - 1) - 1;
		if (span < 0) {
			return 0;
		}
		long out = (ceil ? Math.ceilDiv(span, stride) : span / stride) + 1;
		if (ceil && (out - 1) * stride >= in + begin) {
			out--; // the last window would start inside the end padding
		}
		return out;
	}

	@Override
	public String toString() {
		return switch (mode) {
			case SAME -> "same";
			case VALID -> "valid";
			case EXPLICIT -> top == bottom && left == right ? (top == left ? "" + top : top + ", " + left)
					: top + ", " + left + ", " + bottom + ", " + right;
		};
	}
}
