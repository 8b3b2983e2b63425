package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.Model;
import org.hao.dsl.mapping.ModelMapper;
import org.hao.dsl.scoping.HaoStdlib;
import org.hao.engine.arch.ArchitectureKind;
import org.hao.engine.arch.DpuConfigurations;
import org.hao.engine.model.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hao devices}: the standard device library, one block per device: a summary line (kind, resources, clock,
 * bandwidth, architecture) and every figure as written in the library with the source its comment names.
 */
@Command(name = "devices", description = "List the standard device library with each figure's source.")
public class DevicesCommand extends ConsoleCommand {

	@Option(names = "--brief", description = "one line per device, without the figures and their sources")
	boolean brief;

	@Override
	protected int run(PrintWriter out, PrintWriter err) {
		XtextResourceSet rs = HaoModelLoader.injector().getInstance(XtextResourceSet.class);
		Resource lib = HaoModelLoader.injector().getInstance(HaoStdlib.class).ensureLoaded(rs);
		Model model = (Model) lib.getContents().get(0);
		ModelMapper mapper = new ModelMapper();
		if (!brief) {
			out.println("Standard library (hao-stdlib:/devices.hao); the sources legend is at the top of that file:");
			ICompositeNode root = NodeModelUtils.getNode(model);
			for (String line : root.getText().split("\\R")) {
				if (line.startsWith("//   [") || line.startsWith("//            ")) {
					out.println("  " + line.substring(2).strip());
				}
			}
			out.println();
		}
		out.println(
				"Fixed overlays, 'accelerator overlay \"DPU Bnnnn\"' on any FPGA device (PP x ICP x OCP: Xilinx Vitis AI"
						+ " README_DPUCZDX8G.md; resources per core: PG338 v1.2 Table 9, low DSP usage, without depthwise/avg-pool/ReLU6):");
		DpuConfigurations.all().values()
				.forEach(c -> out.printf(java.util.Locale.ROOT,
						"  %-10s conv %-8s depthwise %-6s %4d DSP %4d BRAM18K %6d LUT per core%n", c.name(), c.conv(),
						c.depthwise(), c.resources().dsp(), c.resources().bram18k(), c.resources().lut()));
		out.println();
		for (var e : model.getElements()) {
			if (!(e instanceof DeviceDecl d)) {
				continue;
			}
			Device engine = mapper.toDevice(d);
			out.println(summary(engine));
			if (!brief) {
				// the device's text as written (its figures with their source comments), without the comments above it
				ICompositeNode node = NodeModelUtils.getNode(d);
				String text = node.getText();
				int start = text.indexOf("device ");
				for (String line : text.substring(Math.max(0, start)).strip().split("\\R")) {
					out.println("    " + line.replace("\t", "    "));
				}
				out.println();
			}
		}
		out.flush();
		return ExitCode.OK.code();
	}

	static String summary(Device d) {
		if (d.fpga() == null) {
			return String.format(Locale.ROOT, "%-20s mobile GPU, %.1f GB/s", d.name(), d.gpu().bandwidthGBps());
		}
		var f = d.fpga();
		var a = d.architecture();
		String arch = a.kind() == ArchitectureKind.OVERLAY ? (a.overlay().pinned()
				? "overlay " + a.overlay().label() + " (conv " + a.overlay().conv() + ", depthwise "
						+ a.overlay().depthwise()
						+ (a.overlay().cores() > 1 ? ", " + a.overlay().cores() + " cores" : "") + ")"
				: "overlay, engine sizes chosen by SCIP") : a.kind().keyword();
		return String.format(Locale.ROOT, "%-20s FPGA, %d DSP, %d BRAM18K, %d LUT, %.0f MHz, %.2f GB/s; %s", d.name(),
				f.dsp(), f.bram18k(), f.lut(),
				a.overlay() != null && a.overlay().clockMhz() != null ? a.overlay().clockMhz() : f.clockMhz(),
				f.ddrGBps(), arch);
	}
}
