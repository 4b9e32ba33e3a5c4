package org.pipelinetracker.iati.imports;

import javax.xml.stream.XMLStreamException;
import java.io.InputStream;

/**
 * The import's parse alone, for the benchmark's parse-only ceiling: the same reader and limits ({@link IatiReader}),
 * every activity read into its {@link IatiActivity} and dropped, no command sent.
 */
public final class IatiParseOnly {

	private IatiParseOnly() {
	}

	/** Reads every activity of the stream; the number read. */
	public static long activities(InputStream in) throws XMLStreamException {
		long[] count = {0};
		IatiReader.read(in, activity -> count[0]++);
		return count[0];
	}
}
