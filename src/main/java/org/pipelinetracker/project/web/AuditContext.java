package org.pipelinetracker.project.web;

import org.pipelinetracker.system.AuditMetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is writing, why, and from which source: becomes the metadata of the command and of every event it produces.
 */
public record AuditContext(String actor, String reason, String sourceUrl) {

	public AuditContext withReason(String newReason, String newSourceUrl) {
		return new AuditContext(actor, newReason, newSourceUrl);
	}

	Map<String, Object> toMetaData() {
		Map<String, Object> meta = new HashMap<>();
		meta.put(AuditMetadata.ACTOR, actor);
		if (reason != null && !reason.isBlank()) {
			meta.put(AuditMetadata.REASON, reason);
		}
		if (sourceUrl != null && !sourceUrl.isBlank()) {
			meta.put(AuditMetadata.SOURCE_URL, sourceUrl);
		}
		return meta;
	}
}
