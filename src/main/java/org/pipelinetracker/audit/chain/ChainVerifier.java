package org.pipelinetracker.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Proves the event store unchanged: brings the chain up to date, then recomputes every link from the stored events
 * and names the first place where an event, or the chain itself, is no longer as it was chained.
 */
@Service
public class ChainVerifier {

	private static final int PAGE = 500;
	private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

	private final EventChainer chainer;
	private final JdbcTemplate jdbc;

	ChainVerifier(EventChainer chainer, JdbcTemplate jdbc) {
		this.chainer = chainer;
		this.jdbc = jdbc;
	}

	/** The latest link, after chaining every event that may be chained now. */
	public ChainHead head() {
		catchUp();
		return chainer.head();
	}

	/** The link of the event with this global index, if it has been chained (and the link was not deleted). */
	public Optional<ChainHead> link(long globalIndex) {
		return jdbc.query("select global_index, hash, chained_at from event_chain where global_index = ?",
				(rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()), globalIndex)
				.stream().findFirst();
	}

	/**
	 * Chains what may be chained, then walks the chain from its first row. For each row, in this order: it must
	 * follow the row before it (its previous index and previous hash), no event may be stored at an index it
	 * declared unused, its event must exist, and the hash recomputed from that event's stored bytes must equal the
	 * stored hash. The first failure is the answer.
	 */
	public ChainReport verify() {
		catchUp();
		long checked = 0;
		long previousIndex = ChainHash.GENESIS_INDEX;
		String previousHash = ChainHash.GENESIS_HASH;
		while (true) {
			List<Link> links = jdbc.query("select global_index, previous_index, hash, previous_hash from event_chain "
					+ "where global_index > ? order by global_index fetch first " + PAGE + " rows only",
					(rs, row) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
					previousIndex);
			if (links.isEmpty()) {
				return ChainReport.valid(checked, previousIndex);
			}
			NavigableMap<Long, StoredEvent> events = events(previousIndex, links.get(links.size() - 1).globalIndex());
			for (Link link : links) {
				ChainReport broken = check(link, previousIndex, previousHash, events, checked);
				if (broken != null) {
					return broken;
				}
				checked++;
				previousIndex = link.globalIndex();
				previousHash = link.hash();
			}
		}
	}

	/** Chains what may be chained; if that fails (a broken head, a busy lock) the chain as it stands is the answer. */
	private void catchUp() {
		try {
			chainer.chainPending();
		}
		catch (RuntimeException e) {
			log.warn("Event chain: could not bring the chain up to date ({}); answering from the chain as it is",
					e.getMessage());
		}
	}

	private static ChainReport check(Link link, long previousIndex, String previousHash,
			NavigableMap<Long, StoredEvent> events, long checked) {
		long index = link.globalIndex();
		if (link.previousIndex() > previousIndex && link.previousIndex() < index) {
			// the row this one follows is gone: its chain row was deleted (and perhaps its event too)
			long lost = link.previousIndex();
			String event = events.containsKey(lost) ? "event " + lost + " is still stored" : "event " + lost
					+ " is missing too";
			return ChainReport.broken(checked, previousIndex, lost, "the chain row of event " + lost
					+ " is missing (chain row " + index + " follows " + lost + ", the chain before it ends at "
					+ previousIndex + "); " + event);
		}
		if (link.previousIndex() != previousIndex) {
			return ChainReport.broken(checked, previousIndex, index, "chain row " + index + " claims to follow "
					+ link.previousIndex() + ", but the chain before it ends at " + previousIndex);
		}
		if (!previousHash.equals(link.previousHash())) {
			return ChainReport.broken(checked, previousIndex, index, "chain row " + index + " does not continue the "
					+ "chain: its previous hash differs from the hash of chain row " + previousIndex);
		}
		Map.Entry<Long, StoredEvent> unexpected = events.higherEntry(previousIndex);
		if (unexpected != null && unexpected.getKey() < index) {
			long stray = unexpected.getKey();
			return ChainReport.broken(checked, previousIndex, stray, "event " + stray + " is stored at an index the "
					+ "chain declared unused (chain row " + index + " follows " + previousIndex + "): it was added after "
					+ "the chain passed that index");
		}
		StoredEvent event = events.get(index);
		if (event == null) {
			return ChainReport.broken(checked, previousIndex, index, "event " + index + " is missing");
		}
		if (!ChainHash.of(link.previousHash(), link.previousIndex(), event).equals(link.hash())) {
			return ChainReport.broken(checked, previousIndex, index, "event " + index + " does not match its chain "
					+ "hash: it was changed after it was chained, or chain row " + index + " was");
		}
		return null;
	}

	/** The stored events with indexes in ({@code after}, {@code upTo}], by index. */
	private NavigableMap<Long, StoredEvent> events(long after, long upTo) {
		NavigableMap<Long, StoredEvent> events = new TreeMap<>();
		jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index > ? "
				+ "and global_index <= ? order by global_index", StoredEvent.MAPPER, after, upTo)
				.forEach(event -> events.put(event.globalIndex(), event));
		return events;
	}

	/** One row of {@code event_chain}. */
	private record Link(long globalIndex, long previousIndex, String hash, String previousHash) {
	}
}
