package org.pipelinetracker.kernel;

/**
 * Keys of the metadata every command and event carries.
 */
public final class AuditMetadata {

	/** Who recorded it: the authenticated principal, or a system actor for writes the application makes itself. */
	public static final String ACTOR = "actor";
	/** Why it was recorded (optional free text). */
	public static final String REASON = "reason";
	/** Where it comes from: a document or article URL (optional). */
	public static final String SOURCE_URL = "sourceUrl";
	/**
	 * Why a write into a closed period is a restatement (FINANCE or ADMIN, header {@code X-Restatement-Reason}):
	 * present only on a restatement, on the command and on every event it produces.
	 */
	public static final String RESTATEMENT_REASON = "restatementReason";
	/** Set by Axon: the id of the message that caused this one. */
	public static final String CORRELATION_ID = "correlationId";

	private AuditMetadata() {
	}
}
