package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Stage;

import java.util.List;

/**
 * Filters for the project list; null (or, for {@code words}, empty) means "any". {@code words}: the words of a search,
 * in their {@link org.pipelinetracker.reference.SearchText} form, each to be found in the project's search text;
 * {@code flag}: projects carrying this data-quality flag.
 */
public record ProjectFilter(Stage stage, String sector, String region, List<String> words, DataQuality.Flag flag) {

	public ProjectFilter {
		words = words == null ? List.of() : List.copyOf(words);
	}

	/** Without a data-quality flag filter. */
	public ProjectFilter(Stage stage, String sector, String region, List<String> words) {
		this(stage, sector, region, words, null);
	}
}
