package org.hao.dsl.ide.contentassist;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.hao.dsl.hao.BitsChoice;
import org.hao.dsl.hao.DeviceDecl;
import org.hao.dsl.hao.FpgaDevice;
import org.hao.dsl.hao.GpuDevice;
import org.hao.dsl.hao.KernelChoice;
import org.hao.dsl.hao.Model;
import org.hao.dsl.hao.Packing;
import org.hao.dsl.hao.Peak;
import org.hao.dsl.hao.Search;
import org.hao.dsl.hao.Space;

/**
 * Xtext's generic proposals (keywords, cross-references incl. the standard device library) plus values the grammar
 * cannot know: bit-widths the targeted devices support, and the usual kernel sizes.
 */
public class HaoProposalProvider extends IdeContentProposalProvider {

	private static final Set<Integer> DEFAULT_BITS = Set.of(4, 8, 16);

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		super._createProposals(assignment, context, acceptor);
		String feature = assignment.getFeature();
		EObject model = context.getCurrentModel();
		if (("weights".equals(feature) || "activations".equals(feature)) && model instanceof BitsChoice bits) {
			for (Integer b : bitWidths(bits)) {
				propose(String.valueOf(b), b + "-bit (supported by the target device)", context, acceptor);
			}
		} else if ("values".equals(feature) && model instanceof KernelChoice) {
			for (int k : new int[]{3, 5, 7}) {
				propose(String.valueOf(k), k + "x" + k + " kernel", context, acceptor);
			}
		}
	}

	private void propose(String value, String description, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(value, context);
		if (entry != null) {
			entry.setDescription(description);
			entry.setKind(ContentAssistEntry.KIND_VALUE);
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
		}
	}

	/** Widths of the packing / peak tables of the devices searched with this space; 4/8/16 when none is known. */
	static Set<Integer> bitWidths(BitsChoice bits) {
		Space space = EcoreUtil2.getContainerOfType(bits, Space.class);
		Model root = EcoreUtil2.getContainerOfType(bits, Model.class);
		Set<Integer> widths = new TreeSet<>();
		if (space != null && root != null) {
			for (EObject e : root.getElements()) {
				if (e instanceof Search s && s.getSpace() == space) {
					for (DeviceDecl d : s.getDevices()) {
						if (d instanceof FpgaDevice f) {
							f.getPacking().stream().map(Packing::getBits).filter(java.util.Objects::nonNull)
									.forEach(widths::add);
						} else if (d instanceof GpuDevice g) {
							g.getPeaks().stream().map(Peak::getBits).filter(java.util.Objects::nonNull)
									.forEach(widths::add);
						}
					}
				}
			}
		}
		return widths.isEmpty() ? DEFAULT_BITS : widths;
	}
}
