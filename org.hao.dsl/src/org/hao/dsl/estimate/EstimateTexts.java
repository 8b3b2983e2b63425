package org.hao.dsl.estimate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.hao.engine.estimate.LayerEstimate;
import org.hao.engine.estimate.NetworkEstimate;
import org.hao.engine.results.AcceleratorConfig;
import org.hao.engine.estimate.SubgraphEstimate;

/**
 * The inline-estimate texts the Eclipse editor (code minings, hovers) and the language server (code lenses, hovers)
 * both show, so the two editors say the same thing about a network.
 */
public final class EstimateTexts {
	/** Separator between the figures of one line. */
	public static final String DOT = " \u00b7 ";

	private EstimateTexts() {
	}

	/** Whether the estimate ran on an overlay (engines shared by every layer). */
	public static boolean overlay(NetworkEstimate est) {
		return est.accelerator() != null && "overlay".equals(est.accelerator().architecture());
	}

	/**
	 * The accelerator line at the network, e.g. {@code overlay overlay · conv 2x12x20 (PPxICPxOCP) · depthwise 2x64 ·
	 * 84.7 fps · 304 DSP · 326 BRAM on ZU3EG}.
	 */
	public static String accelerator(NetworkEstimate est) {
		AcceleratorConfig a = est.accelerator();
		String engines = "";
		if (a.convEngine() != null) {
			AcceleratorConfig.ConvEngineConfig c = a.convEngine();
			AcceleratorConfig.DepthwiseEngineConfig d = a.depthwiseEngine();
			engines = DOT + "conv " + c.pp() + "x" + c.icp() + "x" + c.ocp() + " (PPxICPxOCP)" + DOT
					+ (d != null ? "depthwise " + d.pp() + "x" + d.cp() : "no depthwise engine");
		}
		return a.architecture() + " " + a.name() + engines + DOT + String.format(Locale.ROOT, "%.1f fps", est.fps())
				+ DOT + est.dsp() + " DSP" + DOT + est.bram18k() + " BRAM on " + est.device();
	}

	/** {@code 0.84 ms · 48 DSP · 6 BRAM}. */
	public static String resources(double ms, int dsp, int bram) {
		return String.format(Locale.ROOT, "%.2f ms", ms) + DOT + dsp + " DSP" + DOT + bram + " BRAM";
	}

	/**
	 * The estimate at a subgraph: its time on the overlay, its time and resources on its own engines, or why it does
	 * not fit ({@code does not fit ZU3EG: <the engine's reason>}; {@code brief}: the reason up to its first ';', for an
	 * inline annotation whose full text is in the hover).
	 */
	public static String subgraph(NetworkEstimate est, SubgraphEstimate se, boolean brief) {
		if (Double.isNaN(se.latencyMs())) {
			String reason = se.message() == null ? se.status() : se.message();
			return "does not fit " + est.device() + ": " + (brief ? firstClause(reason) : reason);
		}
		return overlay(est) ? String.format(Locale.ROOT, "subgraph: %.2f ms on the overlay", se.latencyMs())
				: "subgraph: " + resources(se.latencyMs(), se.dsp(), se.bram18k()) + " on " + est.device();
	}

	/**
	 * The engine's explanation up to its first ';', without parenthesised detail (the rest is in the hover and the
	 * Problems view).
	 */
	private static String firstClause(String message) {
		int semi = message.indexOf(';');
		String first = semi < 0 ? message : message.substring(0, semi);
		return first.replaceAll(" \\([^)]*\\)", "");
	}

	/**
	 * The estimate of one op of a subgraph, or null when no layer comes from it. On an overlay: its time and the engines
	 * it runs on (they are shared, so an op has no DSP of its own). Otherwise every layer has its own engine: a
	 * pipeline's stages run concurrently (the op costs its slowest stage, its engines' resources add up), sequential
	 * layers add up in time and share the largest engine.
	 */
	public static String op(SubgraphEstimate se, String opName, boolean overlay) {
		boolean pipelined = "PIPELINED".equals(se.mode());
		double ms = 0;
		int dsp = 0;
		int bram = 0;
		boolean any = false;
		Set<String> engines = new LinkedHashSet<>();
		for (LayerEstimate l : se.layers()) {
			if (opName != null && opName.equals(l.sourceOp())) {
				any = true;
				engines.add(l.engine());
				ms = pipelined ? Math.max(ms, l.latencyMs()) : ms + l.latencyMs();
				dsp = pipelined ? dsp + l.dsp() : Math.max(dsp, l.dsp());
				bram = pipelined ? bram + l.bram18k() : Math.max(bram, l.bram18k());
			}
		}
		if (!any) {
			return null;
		}
		return overlay ? String.format(Locale.ROOT, "%.2f ms", ms) + DOT + String.join(" + ", engines) + " engine"
				: resources(ms, dsp, bram);
	}
}
