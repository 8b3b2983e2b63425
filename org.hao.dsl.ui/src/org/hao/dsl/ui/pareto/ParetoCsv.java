package org.hao.dsl.ui.pareto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hao.engine.io.AtomicFiles;

/** CSV export of the points the view shows (every front of a comparison, a device column first). */
final class ParetoCsv {

	private ParetoCsv() {
	}

	static void write(List<ParetoResults> fronts, Path target) throws IOException {
		AtomicFiles.write(target, w -> {
			w.write("device,chosen,accuracy,latency_ms,fps,dsp,bram18k,lut,energy_mj,frames_per_joule,average_watts\n");
			for (ParetoResults results : fronts) {
				for (int i = 0; i < results.points().size(); i++) {
					org.hao.engine.results.ParetoPoint p = results.points().get(i);
					w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.6f,%.3f,%d,%d,%d,%.6f,%.3f,%.4f%n",
							results.device(), i == results.chosen() ? "*" : "", p.accuracy(), p.latencyMs(), p.fps(),
							p.dsp(), p.bram18k(), p.lut(), p.energyMj(), p.framesPerJoule(), p.averageWatts()));
				}
			}
		});
	}
}
