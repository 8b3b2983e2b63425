package org.hao.engine.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hao.engine.predict.AccuracyPredictor;
import org.hao.engine.predict.DropModel;
import org.hao.engine.results.ParetoPoint;

/**
 * Drops frontier points whose predicted top-1 cannot be told from chance (docs/search.md, "Points at chance"): the
 * lower end of the point's prediction interval, before the soft floor that keeps every printed value above chance,
 * is at or below chance, 100/K % for K classes ({@link AccuracyPredictor#atChance}). Such a network (a binary MobileNet
 * predicted at 0.10 % top-1 on ImageNet) is not a design: its interval says the predictor cannot rule out that it
 * learns nothing. Applies when the written network's own interval is above chance (see {@link #apply}).
 *
 * @param points the kept points, in the given order
 * @param dropped how many points were dropped
 * @param bound the accuracy at or below which a point's interval lower end reaches chance (percent)
 */
record ChanceFilter(List<ParetoPoint> points, int dropped, double bound) {

	/**
	 * The frontier without its points at chance, for a network with {@code classes} classes (<= 0: 1000) whose written
	 * configuration's interval starts at {@code writtenLow} (percent). When that is at chance too (a toy network far
	 * outside the predictor's table), the accuracy axis carries no evidence to filter on and every point is kept.
	 */
	static ChanceFilter apply(List<ParetoPoint> front, int classes, double writtenLow) {
		double bound = AccuracyPredictor.atChance(classes);
		if (writtenLow <= bound) {
			return new ChanceFilter(front, 0, bound);
		}
		List<ParetoPoint> kept = new ArrayList<>(front.size());
		for (ParetoPoint p : front) {
			if (p.accuracyLow() > bound) {
				kept.add(p);
			}
		}
		return new ChanceFilter(kept, front.size() - kept.size(), bound);
	}

	/** The warning that says how many points were dropped and why; null when none was. */
	String warning(int classes) {
		if (dropped == 0) {
			return null;
		}
		int k = classes > 0 ? classes : 1000;
		String chance = new BigDecimal(100.0 / k).round(new MathContext(3)).stripTrailingZeros().toPlainString();
		return String.format(Locale.ROOT,
				"%d frontier point%s dropped: predicted top-1 indistinguishable from chance (%s %% for %d classes):"
						+ " the %.0f %% interval reaches it",
				dropped, dropped == 1 ? "" : "s", chance, k, 100 * DropModel.INTERVAL_LEVEL);
	}
}
