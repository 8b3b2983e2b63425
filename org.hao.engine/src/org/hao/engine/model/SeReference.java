package org.hao.engine.model;

/**
 * The width a squeeze-excite's hidden layer is a fraction of.
 * <ul>
 * <li>{@link #BLOCK_INPUT}: hidden = max(1, floor(blockInput x ratio)), as in MnasNet (TensorFlow
 * {@code mnasnet_model.py}: {@code num_reduced_filters = max(1, int(input_filters * se_ratio))}) and EfficientNet
 * (torchvision {@code MBConv}: {@code squeeze_channels = max(1, cnf.input_channels // 4)}).</li>
 * <li>{@link #EXPANDED}: hidden = make_divisible(expanded x ratio, 8), as in MobileNetV3 (torchvision
 * {@code InvertedResidual}: {@code _make_divisible(expanded_channels // 4, 8)}).</li>
 * </ul>
 */
public enum SeReference {
	BLOCK_INPUT, EXPANDED
}
