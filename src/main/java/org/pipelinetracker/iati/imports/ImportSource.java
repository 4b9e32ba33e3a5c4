package org.pipelinetracker.iati.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * An IATI file that can be read twice: once whole to check it ({@link IatiFileCheck}), then again to import it. An
 * upload spooled to a temporary file, a multipart part, a file on disk.
 */
@FunctionalInterface
public interface ImportSource {

	/** A new stream over the whole file, from its first byte. */
	InputStream open() throws IOException;
}
