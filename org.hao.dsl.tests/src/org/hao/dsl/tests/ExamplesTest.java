package org.hao.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.Issue;
import org.hao.dsl.cli.HaoModelLoader;
import org.hao.dsl.hao.Search;
import org.hao.dsl.mapping.ModelMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every file in examples/ (read from the checkout) parses, validates without any issue and maps to the engine. */
class ExamplesTest {

	static List<Path> examples() throws IOException {
		String dir = System.getProperty("hao.examples.dir", "../examples");
		Path examples = Path.of(dir).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(examples), "examples folder not found: " + examples);
		try (Stream<Path> files = Files.list(examples)) {
			List<Path> hao = files.filter(f -> f.toString().endsWith(".hao")).sorted().toList();
			assertTrue(hao.size() >= 4, "expected at least 4 examples in " + examples + ", found " + hao);
			return hao;
		}
	}

	@TestFactory
	Stream<DynamicTest> everyExampleIsClean() throws IOException {
		return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			HaoModelLoader loader = new HaoModelLoader();
			Resource resource = loader.load(file);
			List<Issue> issues = loader.validate(resource);
			assertEquals(List.of(), issues.stream().map(i -> i.getLineNumber() + ": " + i.getMessage()).toList());
			ModelMapper mapper = new ModelMapper();
			HaoModelLoader.model(resource).getElements().stream().filter(Search.class::isInstance)
					.map(Search.class::cast).forEach(search -> assertTrue(!mapper.toSearches(search).isEmpty()));
		}));
	}
}
