package org.pipelinetracker.audit.chain;

/**
 * The result of recomputing the event chain.
 *
 * @param eventsChecked    chained events whose hash was recomputed and matched (up to the first break)
 * @param upToGlobalIndex  the global index of the last of them (0, the genesis, when none was): the same "N events,
 *                         up to global index G" as the read-model check and the rebuild report
 * @param chainValid       whether every chained event and every chain row is as it was chained
 * @param firstBrokenIndex the global index where the chain first breaks, or {@code null} when it is valid
 * @param problem          what is wrong there, in plain words (for example "event 42 is missing"), or {@code null}
 */
public record ChainReport(long eventsChecked, long upToGlobalIndex, boolean chainValid, Long firstBrokenIndex,
		String problem) {

	static ChainReport valid(long eventsChecked, long upToGlobalIndex) {
		return new ChainReport(eventsChecked, upToGlobalIndex, true, null, null);
	}

	static ChainReport broken(long eventsChecked, long upToGlobalIndex, long index, String problem) {
		return new ChainReport(eventsChecked, upToGlobalIndex, false, index, problem);
	}
}
