package org.pipelinetracker.project.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The project and its version after a write. {@code approvalId} is set only when the write was a money entry that
 * waits for a second person's approval ({@code GET /api/approvals}): it counts once approved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteResult(String projectId, long version, String approvalId) {

	public WriteResult(String projectId, long version) {
		this(projectId, version, null);
	}
}
