package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Stage;

import java.util.List;
import java.util.Set;

/**
 * Filters for the project list; null (or, for {@code words} and {@code stages}, empty) means "any". {@code words}: the
 * words of a search, in their {@link org.pipelinetracker.reference.SearchText} form, each to be found in the project's
 * search text; {@code flag}: projects carrying this data-quality flag; {@code stages}: any of these stages (an IATI
 * activity status stands for the stages it is given for).
 */
public record ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag,
		Set<Stage> stages) {

	public ProjectFilter {
		words = words == null ? List.of() : List.copyOf(words);
		stages = stages == null ? Set.of() : Set.copyOf(stages);
	}

	/** Without a data-quality flag filter or a set of stages. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words) {
		this(stage, sector, region, words, null, Set.of());
	}

	/** Without a set of stages. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag) {
		this(stage, sector, region, words, flag, Set.of());
	}
}
