package org.hao.dsl.tests;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.cli.HaoCli;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Element;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Network;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.MappingException;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.engine.estimate.Estimator;
import org.hao.engine.expand.ShapeException;
import org.hao.engine.model.Device;
import org.hao.engine.bench.Devices;

/**
 * Runs one file through everything a keystroke or a command reaches: parser, validator, mapper, estimator (as the
 * editor's inline estimates do, also for files with semantic errors) and {@code hao check}. Fails with the file and
 * the stack trace when anything crashes or an error does not name a line.
 */
final class Pipeline {

	/** What a run did, for the figures. */
	record Outcome(long bytes, long millis, int issues, int errors, int estimates) {
	}

	private static final Pattern CHECK_LINE = Pattern.compile(".+:\\d+:\\d+: (error|warning|info): .+");

	private Pipeline() {
	}

	/** Parser, validator, mapper and estimator, in-process. */
	static Outcome run(Path file) {
		long t0 = System.nanoTime();
		try {
			HaoModelLoader loader = new HaoModelLoader();
			Resource resource = loader.load(file);
			List<Issue> issues = loader.validate(resource);
			for (Issue i : issues) {
				if (i.getLineNumber() == null || i.getLineNumber() < 1 || i.getMessage() == null
						|| i.getMessage().isBlank()) {
					throw new AssertionError(file + ": issue without a line or message: " + i);
				}
			}
			boolean errors = issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
			boolean syntax = issues.stream().anyMatch(Issue::isSyntaxError);
			int estimates = syntax ? 0 : estimate(file, HaoModelLoader.model(resource), errors);
			return new Outcome(Files.size(file), (System.nanoTime() - t0) / 1_000_000, issues.size(),
					(int) issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).count(), estimates);
		} catch (HaoModelLoader.LoadException e) {
			return new Outcome(0, (System.nanoTime() - t0) / 1_000_000, 1, 1, 0);
		} catch (AssertionError e) {
			throw e;
		} catch (Throwable e) {
			throw new AssertionError(file + ": crashed: " + e, e);
		}
	}

	/**
	 * Maps every network and estimates it, like the editor's inline estimates. On a file with semantic errors the
	 * mapper and the engine may refuse (MappingException, ShapeException, IllegalArgumentException naming the field);
	 * on a file without errors they must not.
	 */
	private static int estimate(Path file, Model model, boolean hasErrors) {
		if (model == null) {
			return 0;
		}
		ModelMapper mapper = new ModelMapper();
		int n = 0;
		for (Element e : model.getElements()) {
			if (e instanceof Network net) {
				try {
					Estimator.estimate(mapper.toNetwork(net, null), device(model, net, mapper));
					n++;
				} catch (MappingException | ShapeException | IllegalArgumentException expected) {
					if (!hasErrors) {
						throw new AssertionError(file + ": validated clean but the engine refused network "
								+ net.getName() + ": " + expected, expected);
					}
				}
			} else if (e instanceof Search s && !hasErrors) {
				mapper.toSearches(s); // a clean search must map
			}
		}
		return n;
	}

	private static Device device(Model model, Network net, ModelMapper mapper) {
		for (Element e : model.getElements()) {
			if (e instanceof Search s && ModelMapper.networkOf(s) == net && !s.getDevices().isEmpty()
					&& !s.getDevices().get(0).eIsProxy()) {
				return mapper.toDevice(s.getDevices().get(0));
			}
		}
		return Devices.ZU3EG_HLS;
	}

	/** {@code hao check FILE}: exit 0 or 1, and every printed line is {@code file:line:col: severity: message}. */
	static int check(Path file) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = HaoCli.run(new String[]{"check", file.toString()}, new PrintWriter(out, true),
				new PrintWriter(err, true));
		if (code != 0 && code != 1) {
			throw new AssertionError(file + ": hao check exited " + code + ": " + err);
		}
		for (String line : out.toString().lines().toList()) {
			if (!line.startsWith(file.toString() + ":") || !CHECK_LINE.matcher(line).matches()) {
				throw new AssertionError(file + ": check printed a line without file:line:col: " + line);
			}
		}
		if (!err.toString().isBlank()) {
			throw new AssertionError(file + ": check wrote to stderr: " + err);
		}
		return code;
	}
}
