package org.hao.dsl.ui.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/** Comment and string partitions of .hao documents; installed by the file buffer for every *.hao file. */
public class HaoPartitions implements IDocumentSetupParticipant {

	public static final String PARTITIONING = "__hao_partitioning";
	public static final String COMMENT = "__hao_comment";
	public static final String STRING = "__hao_string";
	public static final String[] TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING};

	@Override
	public void setup(IDocument document) {
		install(document);
	}

	public static void install(IDocument document) {
		if (document instanceof IDocumentExtension3 ext && ext.getDocumentPartitioner(PARTITIONING) == null) {
			FastPartitioner partitioner = new FastPartitioner(scanner(), new String[]{COMMENT, STRING});
			ext.setDocumentPartitioner(PARTITIONING, partitioner);
			partitioner.connect(document);
		}
	}

	private static RuleBasedPartitionScanner scanner() {
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		Token comment = new Token(COMMENT);
		Token string = new Token(STRING);
		scanner.setPredicateRules(new IPredicateRule[]{new EndOfLineRule("//", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true), new SingleLineRule("\"", "\"", string, '\\'),
				new SingleLineRule("'", "'", string, '\\')});
		return scanner;
	}
}
