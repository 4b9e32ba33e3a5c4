package org.pipelinetracker.iati.imports;

/** The upload is larger than {@code tracker.iati.import.max-bytes}: answered 413 by the import controller. */
public final class ImportTooLargeException extends RuntimeException {

	ImportTooLargeException(long max) {
		super("the file is larger than the import limit of " + max + " bytes (tracker.iati.import.max-bytes)", null,
				false, false);
	}
}
