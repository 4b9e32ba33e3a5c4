package org.pipelinetracker.system;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is writing, why, and from which source: becomes the metadata of the command and of every event it produces.
 */
public record AuditContext(String actor, String reason, String sourceUrl) {

	/** Until security lands, the actor comes from this header (or is "anonymous"). */
	public static final String ACTOR_HEADER = "X-Actor";
	private static final Pattern ACTOR = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,100}");

	/** The actor named by the {@value #ACTOR_HEADER} header; 400 when it is not a plain name. */
	public static AuditContext fromActorHeader(String header) {
		if (header == null || header.isBlank()) {
			return new AuditContext("anonymous", null, null);
		}
		if (!ACTOR.matcher(header.trim()).matches()) {
			throw InvalidRequestException.of(ACTOR_HEADER, "must be 1-100 letters, digits, spaces or '.', '_', '@', '-'");
		}
		return new AuditContext(header.trim(), null, null);
	}

	public AuditContext withReason(String newReason, String newSourceUrl) {
		return new AuditContext(actor, newReason, newSourceUrl);
	}

	public Map<String, Object> toMetaData() {
		Map<String, Object> meta = new HashMap<>();
		meta.put(AuditMetadata.ACTOR, actor);
		if (reason != null && !reason.isBlank()) {
			meta.put(AuditMetadata.REASON, reason.trim());
		}
		if (sourceUrl != null && !sourceUrl.isBlank()) {
			meta.put(AuditMetadata.SOURCE_URL, sourceUrl.trim());
		}
		return meta;
	}
}
