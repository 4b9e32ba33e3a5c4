package org.pipelinetracker.audit.chain;

/**
 * The result of recomputing the event chain.
 *
 * @param eventsChecked    chained events whose hash was recomputed and matched (up to the first break)
 * @param chainValid       whether every chained event and every chain row is as it was chained
 * @param firstBrokenIndex the global index where the chain first breaks, or {@code null} when it is valid
 * @param problem          what is wrong there, in plain words (for example "event 42 is missing"), or {@code null}
 */
public record ChainReport(long eventsChecked, boolean chainValid, Long firstBrokenIndex, String problem) {

	static ChainReport valid(long eventsChecked) {
		return new ChainReport(eventsChecked, true, null, null);
	}

	static ChainReport broken(long eventsChecked, long index, String problem) {
		return new ChainReport(eventsChecked, false, index, problem);
	}
}
