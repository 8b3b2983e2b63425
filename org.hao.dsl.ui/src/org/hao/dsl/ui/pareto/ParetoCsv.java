package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.hao.engine.report.AtomicFiles;

/** CSV export of the points the view shows. */
final class ParetoCsv {

	private ParetoCsv() {
	}

	static void write(ParetoResults results, Path target) throws IOException {
		AtomicFiles.write(target, w -> {
			w.write("chosen,accuracy,latency_ms,fps,dsp,bram18k,lut,energy_mj\n");
			for (int i = 0; i < results.points().size(); i++) {
				ParetoResults.Point p = results.points().get(i);
				w.write(String.format(Locale.ROOT, "%s,%.4f,%.6f,%.3f,%d,%d,%d,%.6f%n", i == results.chosen() ? "*" : "",
						p.accuracy(), p.latencyMs(), p.fps(), p.dsp(), p.bram18k(), p.lut(), p.energyMj()));
			}
		});
	}
}
