package org.hao.engine.arch;

/**
 * The accelerator architecture of an FPGA device (see {@link ArchitectureKind}).
 *
 * @param kind overlay, dataflow or per-subgraph
 * @param overlay the overlay's description (OVERLAY only, else null)
 * @param reconfiguration reconfiguration time source (PER_SUBGRAPH only, else null)
 */
public record Architecture(ArchitectureKind kind, OverlaySpec overlay, Reconfiguration reconfiguration) {
	/** The default of FPGA searches: an overlay with free engine sizes. */
	public static final Architecture FREE_OVERLAY = new Architecture(ArchitectureKind.OVERLAY, OverlaySpec.FREE, null);
	/** Every layer its own engine. */
	public static final Architecture DATAFLOW = new Architecture(ArchitectureKind.DATAFLOW, null, null);

	public Architecture {
		if (kind == null) {
			throw new IllegalArgumentException("architecture kind must not be null");
		}
		if (kind == ArchitectureKind.OVERLAY && overlay == null) {
			throw new IllegalArgumentException("an overlay architecture needs an overlay description");
		}
		if (kind == ArchitectureKind.PER_SUBGRAPH && reconfiguration == null) {
			throw new IllegalArgumentException("per-subgraph reconfiguration needs the device's bitstream size and"
					+ " configuration-port rate (its reconfiguration time)");
		}
	}

	public static Architecture overlay(OverlaySpec spec) {
		return new Architecture(ArchitectureKind.OVERLAY, spec, null);
	}

	public static Architecture perSubgraph(Reconfiguration r) {
		return new Architecture(ArchitectureKind.PER_SUBGRAPH, null, r);
	}
}
