package org.hao.dsl.ui.estimate;

import java.util.List;

/** The estimates computed for one document version ({@code stamp}); never shown as current for another version. */
public record EstimateSnapshot(long stamp, List<EstimateEntry> entries, String problem) {

	public static final EstimateSnapshot NONE = new EstimateSnapshot(Long.MIN_VALUE, List.of(), null);

	public EstimateEntry entry(String key) {
		return entries.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
	}
}
