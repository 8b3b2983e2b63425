package org.hao.engine.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.hao.engine.model.Activation;
import org.hao.engine.model.Add;
import org.hao.engine.model.Concat;
import org.hao.engine.model.Conv;
import org.hao.engine.model.Depthwise;
import org.hao.engine.model.FullyConnected;
import org.hao.engine.model.MBConv;
import org.hao.engine.model.NetworkSpec;
import org.hao.engine.model.OpSpec;
import org.hao.engine.model.Padding;
import org.hao.engine.model.Pointwise;
import org.hao.engine.model.Pool;
import org.hao.engine.model.PoolKind;
import org.hao.engine.model.SeReference;
import org.hao.engine.model.Shuffle;
import org.hao.engine.model.Split;
import org.hao.engine.model.SqueezeExcite;
import org.hao.engine.model.SubgraphSpec;

/**
 * Writes a {@link NetworkSpec} as {@code .hao} text (docs/language.md): one op per line, tabs, {@code in X} only where
 * an op does not read the op written before it, every activation and padding spelled out. Names that are keywords
 * of the language are escaped with {@code ^}.
 */
public final class HaoText {
	private HaoText() {
	}

	/**
	 * @param header    comment lines written before the network (without {@code //})
	 * @param isKeyword the language's keywords (names equal to one are written {@code ^name})
	 */
	public static String network(NetworkSpec n, List<String> header, Predicate<String> isKeyword) {
		StringBuilder b = new StringBuilder();
		for (String line : header) {
			b.append("// ").append(line).append('\n');
		}
		b.append("network ").append(id(n.name(), isKeyword)).append(" {\n");
		b.append("\tinput ").append(n.input().channels()).append(" x ").append(n.input().height()).append(" x ")
				.append(n.input().width()).append('\n');
		for (SubgraphSpec s : n.subgraphs()) {
			b.append("\tsubgraph ").append(id(s.name(), isKeyword))
					.append(s.mode() == org.hao.engine.model.ExecutionMode.PIPELINED ? " pipelined" : "")
					.append(" {\n");
			for (OpSpec op : s.ops()) {
				b.append("\t\t").append(op(op, isKeyword)).append('\n');
			}
			b.append("\t}\n");
		}
		return b.append("}\n").toString();
	}

	/** One op as a line of .hao text. */
	public static String op(OpSpec op, Predicate<String> k) {
		List<String> w = new ArrayList<>();
		switch (op) {
			case Conv c -> {
				w.add("conv " + id(c.name(), k) + in(c.inputs(), k) + " out " + c.outChannels() + " kernel "
						+ c.kernel());
				opt(w, "stride", c.stride());
				opt(w, "groups", c.groups());
				opt(w, "dilation", c.dilation());
				w.add(padding(c.padding()));
				w.add(act(c.activation()));
			}
			case Depthwise d -> {
				w.add("depthwise " + id(d.name(), k) + in(d.inputs(), k) + " kernel " + d.kernel());
				opt(w, "stride", d.stride());
				opt(w, "dilation", d.dilation());
				w.add(padding(d.padding()));
				w.add(act(d.activation()));
			}
			case Pointwise p -> {
				w.add("pointwise " + id(p.name(), k) + in(p.inputs(), k) + " out " + p.outChannels());
				opt(w, "groups", p.groups());
				w.add(act(p.activation()));
			}
			case FullyConnected f -> {
				w.add("fc " + id(f.name(), k) + in(f.inputs(), k) + " out " + f.outFeatures());
				w.add(act(f.activation()));
			}
			case Pool p -> {
				w.add("pool " + id(p.name(), k) + (p.kind() == PoolKind.MAX ? " max" : " avg") + in(p.inputs(), k));
				if (p.global()) {
					w.add("global");
				} else {
					w.add("kernel " + p.kernel() + " stride " + p.stride());
					w.add(padding(p.padding()));
					if (p.ceilMode()) {
						w.add("ceil");
					}
				}
			}
			case Add a -> {
				w.add("add " + id(a.name(), k) + in(a.inputs(), k));
				if (a.from() != null) {
					w.add("from " + id(a.from(), k));
				}
				w.add(act(a.activation()));
			}
			case Concat c -> w.add("concat " + id(c.name(), k) + " in " + names(c.inputs(), k));
			case Split s ->
				w.add("split " + id(s.name(), k) + in(s.inputs(), k) + " part " + s.part() + " of " + s.parts());
			case Shuffle s -> w.add("shuffle " + id(s.name(), k) + in(s.inputs(), k) + " groups " + s.groups());
			case SqueezeExcite s -> w.add("squeeze " + id(s.name(), k) + in(s.inputs(), k) + " hidden " + s.hidden());
			case MBConv m -> {
				w.add("mbconv " + id(m.name(), k) + in(m.inputs(), k) + " expand " + number(m.expansion()) + " kernel "
						+ m.kernel());
				opt(w, "stride", m.stride());
				w.add("out " + m.outChannels());
				if (m.squeezeExcite()) {
					w.add("se ratio " + number(m.seRatio()) + " of "
							+ (m.seReference() == SeReference.EXPANDED ? "expanded" : "input"));
				}
				w.add(act(m.activation()));
				opt(w, "repeat", m.repeat());
			}
		}
		return String.join(" ", w.stream().filter(s -> !s.isEmpty()).toList());
	}

	private static void opt(List<String> w, String keyword, int value) {
		if (value != 1) {
			w.add(keyword + " " + value);
		}
	}

	private static String in(List<String> inputs, Predicate<String> k) {
		return inputs.isEmpty() ? "" : " in " + names(inputs, k);
	}

	private static String names(List<String> inputs, Predicate<String> k) {
		return String.join(", ", inputs.stream().map(i -> i.equals(OpSpec.NETWORK_INPUT) ? i : id(i, k)).toList());
	}

	private static String padding(Padding p) {
		return switch (p.mode()) {
			case SAME -> "";
			case VALID -> "padding valid";
			case EXPLICIT -> "padding " + p;
		};
	}

	private static String act(Activation a) {
		return "act " + a.name().toLowerCase(Locale.ROOT);
	}

	private static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String id(String name, Predicate<String> isKeyword) {
		return isKeyword.test(name) ? "^" + name : name;
	}
}
