package org.hao.engine.model;

/** A feature-map shape (channels x height x width); all sizes are positive. */
public record Shape(int channels, int height, int width) {
	public Shape {
		Checks.positive("channels", channels);
		Checks.positive("height", height);
		Checks.positive("width", width);
	}

	/** Number of activations in the tensor. */
	public long elements() {
		return (long) channels * height * width;
	}

	@Override
	public String toString() {
		return channels + "x" + height + "x" + width;
	}
}
