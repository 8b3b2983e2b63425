package org.hao.dsl.validation;

import static org.hao.dsl.hao.HaoPackage.Literals.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.hao.dsl.hao.BitsChoice;
import org.hao.dsl.hao.Choice;
import org.hao.dsl.hao.DepthChoice;
import org.hao.dsl.hao.ExpansionChoice;
import org.hao.dsl.hao.KernelChoice;
import org.hao.dsl.hao.LayerChoices;
import org.hao.dsl.hao.MBConvOp;
import org.hao.dsl.hao.PruneChoice;
import org.hao.dsl.hao.Space;
import org.hao.dsl.hao.SpaceEntry;
import org.hao.dsl.hao.Subgraph;
import org.hao.dsl.hao.SubgraphChoices;
import org.hao.dsl.hao.WidthChoice;

/** Search spaces: no empty choice sets, values in range, choices that can act on their target. */
public class SpaceValidator extends HaoCheckBase {

	@Check
	public void checkKernels(KernelChoice c) {
		nonEmpty(c.getValues(), c, "kernel");
		eachInRange(c.getValues(), v -> v > 0, c, KERNEL_CHOICE__VALUES, "kernel sizes must be positive");
		noDuplicates(c.getValues(), c, KERNEL_CHOICE__VALUES, "kernel size");
	}

	@Check
	public void checkExpansions(ExpansionChoice c) {
		nonEmpty(c.getValues(), c, "expand");
		eachInRange(c.getValues(), v -> v > 0, c, EXPANSION_CHOICE__VALUES, "expansion ratios must be positive");
		noDuplicates(c.getValues(), c, EXPANSION_CHOICE__VALUES, "expansion ratio");
	}

	@Check
	public void checkWidths(WidthChoice c) {
		nonEmpty(c.getValues(), c, "width");
		eachInRange(c.getValues(), v -> v > 0 && v <= 4, c, WIDTH_CHOICE__VALUES,
				"width multipliers must be in (0, 4]");
		noDuplicates(c.getValues(), c, WIDTH_CHOICE__VALUES, "width multiplier");
	}

	@Check
	public void checkDepths(DepthChoice c) {
		nonEmpty(c.getValues(), c, "depth");
		eachInRange(c.getValues(), v -> v > 0, c, DEPTH_CHOICE__VALUES, "depths (repeat counts) must be positive");
		noDuplicates(c.getValues(), c, DEPTH_CHOICE__VALUES, "depth");
	}

	@Check
	public void checkBits(BitsChoice c) {
		if (c.getWeights().isEmpty() || c.getActivations().isEmpty()) {
			error("empty choice set: 'bits' needs at least one weight and one activation bit-width", c, null,
					HaoIssueCodes.EMPTY_CHOICE_SET);
		}
		eachInRange(c.getWeights(), v -> v >= 1 && v <= 32, c, BITS_CHOICE__WEIGHTS, "bit-widths must be in 1..32");
		eachInRange(c.getActivations(), v -> v >= 1 && v <= 32, c, BITS_CHOICE__ACTIVATIONS,
				"bit-widths must be in 1..32");
		noDuplicates(c.getWeights(), c, BITS_CHOICE__WEIGHTS, "weight bit-width");
		noDuplicates(c.getActivations(), c, BITS_CHOICE__ACTIVATIONS, "activation bit-width");
	}

	@Check
	public void checkPrune(PruneChoice c) {
		nonEmpty(c.getRatios(), c, "prune ... ratio");
		positive(c.getRows(), c, PRUNE_CHOICE__ROWS, "block rows");
		positive(c.getCols(), c, PRUNE_CHOICE__COLS, "block cols");
		eachInRange(c.getRatios(), v -> v >= 0 && v < 1, c, PRUNE_CHOICE__RATIOS,
				"pruning ratios are the removed fraction of blocks and must be in [0, 1)");
		noDuplicates(c.getRatios(), c, PRUNE_CHOICE__RATIOS, "pruning ratio");
	}

	/** Kernel, expansion and depth choices act on mbconv blocks only. */
	@Check
	public void checkApplicable(SubgraphChoices entry) {
		if (entry.isAll()) {
			return;
		}
		for (int i = 0; i < entry.getSubgraphs().size(); i++) {
			Subgraph sg = entry.getSubgraphs().get(i);
			if (sg == null || sg.eIsProxy() || sg.getOps().stream().anyMatch(MBConvOp.class::isInstance)) {
				continue;
			}
			for (Choice choice : entry.getChoices()) {
				if (choice instanceof KernelChoice || choice instanceof ExpansionChoice
						|| choice instanceof DepthChoice) {
					warning("subgraph '" + sg.getName() + "' has no mbconv block, so " + keyword(choice)
							+ " choices have no effect on it", choice, null, HaoIssueCodes.CHOICE_NOT_APPLICABLE);
				}
			}
		}
	}

	/** The same subgraph named by two entries: the later entry wins per kind of choice. */
	@Check
	public void checkSubgraphNamedOnce(Space space) {
		Set<Subgraph> seen = new HashSet<>();
		for (SpaceEntry e : space.getEntries()) {
			if (e instanceof SubgraphChoices sc) {
				for (int i = 0; i < sc.getSubgraphs().size(); i++) {
					Subgraph sg = sc.getSubgraphs().get(i);
					if (sg != null && !sg.eIsProxy() && !seen.add(sg)) {
						warning("subgraph '" + sg.getName() + "' already has an entry in this space; "
								+ "this one overrides it per kind of choice", sc, SUBGRAPH_CHOICES__SUBGRAPHS, i,
								HaoIssueCodes.DUPLICATE_ENTRY);
					}
				}
			}
		}
	}

	@Check
	public void checkLayerChoices(LayerChoices entry) {
		for (Choice choice : entry.getChoices()) {
			if (!(choice instanceof BitsChoice || choice instanceof PruneChoice)) {
				error(keyword(choice) + " choices apply to subgraphs; a layer entry takes 'bits' and 'prune' only",
						choice, null, HaoIssueCodes.CHOICE_NOT_APPLICABLE);
			}
		}
	}

	private void nonEmpty(List<?> values, Choice owner, String keyword) {
		if (values.isEmpty()) {
			error("empty choice set: '" + keyword + "' needs at least one value", owner, (EStructuralFeature) null,
					HaoIssueCodes.EMPTY_CHOICE_SET);
		}
	}

	static String keyword(Choice choice) {
		return switch (choice) {
			case KernelChoice k -> "kernel";
			case ExpansionChoice e -> "expand";
			case WidthChoice w -> "width";
			case DepthChoice d -> "depth";
			case BitsChoice b -> "bits";
			default -> "prune";
		};
	}
}
