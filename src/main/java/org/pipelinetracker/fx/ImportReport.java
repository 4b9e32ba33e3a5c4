package org.pipelinetracker.fx;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import of official rates did: the dates and currencies of the file, how many rates it added and how many
 * were stored already with the same value, and the elements it skipped with the reason (in the caller's language).
 * Importing the same file again adds nothing.
 */
record ImportReport(List<LocalDate> dates, List<String> currencies, int added, int unchanged, List<Skipped> skipped,
		String source, String origin) {

	/** An element not imported. */
	record Skipped(String ccy, String reason) {
	}
}
