package org.hao.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hao check FILE...}: parse and validate; prints nothing for clean files, exit 1 when any error, 2 when a file
 * cannot be read at all ({@code hao: cannot read FILE: REASON} on stderr; the other files are still checked).
 */
@Command(name = "check", description = "Parse and validate .hao files; prints file:line:col: severity: message.")
public class CheckCommand extends ConsoleCommand {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = ".hao files to check")
	List<Path> files;

	@Override
	protected int run(PrintWriter out, PrintWriter err) {
		HaoModelLoader loader = new HaoModelLoader();
		boolean errors = false;
		boolean unreadable = false;
		for (Path file : files) {
			Resource resource;
			try {
				resource = loader.load(file);
			} catch (HaoModelLoader.LoadException e) {
				out.flush();
				err.println("hao: " + e.getMessage());
				unreadable = true;
				continue;
			}
			List<Issue> issues = loader.validate(resource).stream()
					.sorted(Comparator.comparing((Issue i) -> i.getOffset() == null ? 0 : i.getOffset())).toList();
			for (Issue issue : issues) {
				IssuePrinter.print(out, file.toString(), issue);
				errors |= issue.getSeverity() == Severity.ERROR;
			}
		}
		out.flush();
		return (unreadable ? ExitCode.USAGE : errors ? ExitCode.FAILED : ExitCode.OK).code();
	}
}
