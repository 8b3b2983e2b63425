/**
 * The results model: typed records of a search's outcome (document, point, accelerator, subgraph and layer
 * configuration, failures), owned by the engine and written and read by one Gson mapping ({@link ResultsJson}) in the
 * CLI, the reports and the IDE. {@code ResultsJson.FORMAT_VERSION} is written into every document; the golden file
 * {@code org.hao.engine.tests/golden/results-format.json} pins the format.
 */
package org.hao.engine.results;
