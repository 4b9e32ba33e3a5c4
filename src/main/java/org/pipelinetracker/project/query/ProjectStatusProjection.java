package org.pipelinetracker.project.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * Keeps {@code project_view} up to date: one row per project, rebuilt from scratch by a token reset.
 */
@Component
@ProcessingGroup(ProjectStatusProjection.PROCESSING_GROUP)
class ProjectStatusProjection {

	static final String PROCESSING_GROUP = "project-status";

	private final ProjectRowRepository rows;
	private final JsonMapper json;
	private final Codelists codelists;

	ProjectStatusProjection(ProjectRowRepository rows, JsonMapper json, Codelists codelists) {
		this.rows = rows;
		this.json = json;
		this.codelists = codelists;
	}

	@EventHandler
	void on(ProjectEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		String id = event.projectId().value();
		ProjectRow row;
		ProjectView view;
		ProjectRow existing = rows.findById(id).orElse(null);
		if (existing != null && sequence <= existing.version()) {
			return; // already applied (delivery is at least once)
		}
		if (event instanceof ProjectProposedEvent) {
			row = new ProjectRow(id);
			view = new ProjectView();
		}
		else if (existing == null) {
			throw new IllegalStateException("no project_view row for " + id + " at event " + sequence);
		}
		else {
			row = existing;
			view = json.readValue(row.document(), ProjectView.class);
		}
		view.apply(event, sequence, recordedAt, code -> codelists.sectorName(code).orElse(null));
		view.usd = null; // computed when read, with the rates in force then
		row.update(view, json.writeValueAsString(view));
		rows.save(row);
	}

	@ResetHandler
	void reset() {
		rows.deleteAllInBatch();
	}
}
