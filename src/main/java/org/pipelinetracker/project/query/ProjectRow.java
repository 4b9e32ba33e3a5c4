package org.pipelinetracker.project.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.pipelinetracker.project.api.Stage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the project-status read model: columns to filter on, and the whole {@link ProjectView} as JSON.
 */
@Entity
@Table(name = "project_view")
class ProjectRow {

	@Id
	@Column(name = "project_id", length = 64)
	private String projectId;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(nullable = false, length = 5)
	private String sector;

	@Column(nullable = false, length = 100)
	private String region;

	@Column(nullable = false, length = 20)
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Stage stage;

	@Column(name = "proposed_on", nullable = false)
	private LocalDate proposedOn;

	@Column(nullable = false)
	private long version;

	@Column(name = "last_event_at", nullable = false)
	private Instant lastEventAt;

	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	@Column(nullable = false)
	private String document;

	protected ProjectRow() {
	}

	ProjectRow(String projectId) {
		this.projectId = projectId;
	}

	void update(ProjectView view, String json) {
		title = view.title;
		sector = view.sector;
		region = view.region;
		stage = view.stage;
		proposedOn = view.proposedOn;
		version = view.version;
		lastEventAt = view.lastEventAt;
		document = json;
	}

	String projectId() {
		return projectId;
	}

	long version() {
		return version;
	}

	String document() {
		return document;
	}
}
