package org.hao.engine.ilp;

/**
 * The resources one subgraph ILP may use: device capacity x utilisation cap, further lowered by optional user caps.
 * Keeps the parts so an infeasibility explanation can name them ("360 available x 0.85 cap").
 *
 * @param deviceDsp device DSP slices
 * @param deviceBram18k device BRAM18K blocks
 * @param deviceLut device LUTs
 * @param utilizationCap fraction of the device the accelerator may occupy, in (0, 1]
 * @param userDsp optional user cap on DSP (null = none)
 * @param userBram18k optional user cap on BRAM18K (null = none)
 * @param userLut optional user cap on LUT (null = none)
 */
public record ResourceBudget(int deviceDsp, int deviceBram18k, int deviceLut, double utilizationCap, Integer userDsp,
		Integer userBram18k, Integer userLut) {

	public ResourceBudget {
		if (!(utilizationCap > 0 && utilizationCap <= 1)) {
			throw new IllegalArgumentException("utilization cap must be in (0, 1], got " + utilizationCap);
		}
		if (deviceDsp < 0 || deviceBram18k < 0 || deviceLut < 0) {
			throw new IllegalArgumentException("device resources must be >= 0");
		}
	}

	/** A budget without user caps. */
	public static ResourceBudget of(int dsp, int bram18k, int lut, double utilizationCap) {
		return new ResourceBudget(dsp, bram18k, lut, utilizationCap, null, null, null);
	}

	public int dspLimit() {
		return limit(deviceDsp, userDsp);
	}

	public int bram18kLimit() {
		return limit(deviceBram18k, userBram18k);
	}

	public int lutLimit() {
		return limit(deviceLut, userLut);
	}

	private int limit(int device, Integer user) {
		int d = (int) Math.floor(device * utilizationCap + 1e-9);
		return user == null ? d : Math.min(d, Math.max(0, user));
	}

	/** Words for a limit, e.g. "306 available (360 x 0.85 cap)" or "200 available (user cap)". */
	String describe(Resource r) {
		int device = switch (r) {
			case DSP -> deviceDsp;
			case BRAM18K -> deviceBram18k;
			case LUT -> deviceLut;
		};
		Integer user = switch (r) {
			case DSP -> userDsp;
			case BRAM18K -> userBram18k;
			case LUT -> userLut;
		};
		int lim = limit(device, user);
		int dev = limit(device, null);
		if (user != null && user < dev) {
			return lim + " available (user cap " + user + "; device " + device + " x " + utilizationCap + " cap = "
					+ dev + ")";
		}
		return lim + " available (" + device + " x " + utilizationCap + " cap)";
	}

	/** The resources the ILP constrains. */
	public enum Resource {
		DSP("DSP"), BRAM18K("BRAM18K"), LUT("LUT");

		private final String label;

		Resource(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
