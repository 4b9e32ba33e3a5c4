package org.pipelinetracker.iati.export;

import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The projects an export holds, one at a time (so an export of any size never holds more than one project in
 * memory): every project id of the project-status read model, in id order, each folded from its own event stream
 * as effective on {@code asOf} and recorded at {@code knownAt}. A project that did not exist then is left out.
 * The filters apply to the project as it was at the cut, not as it is now.
 */
@Service
class ExportSelection {

	private final JdbcTemplate jdbc;
	private final ProjectTimeline timeline;

	ExportSelection(JdbcTemplate jdbc, ProjectTimeline timeline) {
		this.jdbc = jdbc;
		this.timeline = timeline;
	}

	/** What to export: a valid-time and transaction-time cut (each optional) and filters (null = any). */
	record Criteria(LocalDate asOf, Instant knownAt, Stage stage, String sector, String region) {

		boolean accepts(ProjectView view) {
			return (stage == null || stage == view.stage) && (sector == null || sector.equals(view.sector))
					&& (region == null || region.equals(view.region));
		}
	}

	interface ProjectSink {
		void accept(ProjectView view) throws IOException;
	}

	void forEach(Criteria criteria, ProjectSink sink) throws IOException {
		List<String> ids = jdbc.queryForList("select project_id from project_view order by project_id", String.class);
		for (String id : ids) {
			Optional<ProjectView> view = criteria.asOf() == null && criteria.knownAt() == null
					? timeline.current(id) : timeline.view(id, criteria.asOf(), criteria.knownAt());
			if (view.isPresent() && criteria.accepts(view.get())) {
				sink.accept(view.get());
			}
		}
	}
}
