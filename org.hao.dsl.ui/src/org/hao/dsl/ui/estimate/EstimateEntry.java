package org.hao.dsl.ui.estimate;

import org.eclipse.jface.text.Position;

/**
 * One inline estimate: where it belongs (the defining element's offset, tracked as a document position once installed)
 * and its text, e.g. {@code 0.84 ms · 48 DSP · 6 BRAM}.
 *
 * @param key "op:NAME", "subgraph:NAME", "network:NAME" (the accelerator) or "search:NAME", to find an estimate for a
 *        hover
 */
public record EstimateEntry(String key, Position position, String text) {
}
