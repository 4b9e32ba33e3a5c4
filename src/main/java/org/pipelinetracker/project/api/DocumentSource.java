package org.pipelinetracker.project.api;

/**
 * Where a project document comes from.
 */
public enum DocumentSource {
	/** A {@code document-link} of an IATI activity: a link to a document published elsewhere. */
	IATI_LINK,
	/** A file uploaded to the tracker, stored in its database by SHA-256 ({@link DocumentAttachedEvent}). */
	UPLOAD
}
