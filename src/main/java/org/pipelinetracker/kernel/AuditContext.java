package org.pipelinetracker.kernel;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is writing, why, and from which source: becomes the metadata of the command and of every event it produces.
 * <p>
 * The actor of an HTTP write is the authenticated principal's name ({@link #of(Principal)}), never something the
 * client states: the old {@code X-Actor} header is ignored. Writes the application makes itself (demo data, the IATI
 * command-line import, deadlines) name a system actor ({@link #system(String)}).
 */
public record AuditContext(String actor, String reason, String sourceUrl) {

	private static final Pattern SYSTEM_ACTOR = Pattern.compile("[\\p{L}\\p{N} ._@:-]{1,100}");
	private static final int MAX_PRINCIPAL_NAME = 200;

	/**
	 * The authenticated principal as the actor. The security configuration lets no write through without one, so a
	 * missing principal is a programming error, not a client's.
	 */
	public static AuditContext of(Principal principal) {
		if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
			throw new IllegalStateException("a write reached the application without an authenticated principal");
		}
		String name = principal.getName().strip();
		return new AuditContext(name.length() > MAX_PRINCIPAL_NAME ? name.substring(0, MAX_PRINCIPAL_NAME) : name,
				null, null);
	}

	/** A write the application makes on its own behalf; 400 when the name is not a plain name. */
	public static AuditContext system(String name) {
		if (name == null || !SYSTEM_ACTOR.matcher(name.strip()).matches()) {
			throw InvalidRequestException.of("actor", Text.of("problem.field.systemActor"));
		}
		return new AuditContext(name.strip(), null, null);
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
