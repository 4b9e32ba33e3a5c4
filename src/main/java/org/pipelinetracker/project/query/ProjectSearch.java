package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.reference.SearchText;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the project list's search ({@code q}) compares for one project, kept in {@code project_view.search_text}: its
 * id, its title in every language recorded, its partners' names in every language and their organisation
 * identifiers, and every spelling of its region, each in its
 * {@link SearchText} form, once. A project matches when each word of the query is found in it.
 */
final class ProjectSearch {

	private ProjectSearch() {
	}

	static String text(ProjectView view, Codelists codelists) {
		Set<String> parts = new LinkedHashSet<>();
		parts.add(SearchText.normalise(view.projectId));
		view.texts.values().forEach(text -> parts.add(SearchText.normalise(text.title())));
		for (Partner partner : view.partners) {
			parts.add(SearchText.normalise(partner.name()));
			partner.names().values().forEach(name -> parts.add(SearchText.normalise(name)));
			if (partner.ref() != null) {
				parts.add(SearchText.normalise(partner.ref()));
			}
		}
		codelists.regionSpellings(view.region).forEach(spelling -> parts.add(SearchText.normalise(spelling)));
		parts.add(SearchText.normalise(view.region));
		parts.remove("");
		return String.join(" ", parts);
	}
}
