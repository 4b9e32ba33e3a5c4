package org.pipelinetracker.audit.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEntry;
import org.axonframework.eventhandling.deadletter.jpa.DeadLetterEventEntry;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.audit.deadletter.DeadLetterReport.GroupCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dead-letter queues of the processing groups: what they hold, retrying them, evicting a sequence.
 * <p>
 * Listing reads Axon's {@link DeadLetterEntry} rows as stored, without deserializing the events, so a letter whose
 * payload can no longer be read is listed too. Counts, retries and evictions go through Axon's queue and its
 * {@link SequencedDeadLetterProcessor}, which claims a sequence before handling it, so two retries (or two nodes)
 * never handle the same sequence at once.
 */
@Component
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final EventProcessingConfiguration processing;
	private final EntityManagerProvider entityManagers;
	private final TransactionManager transactions;
	private final Serializer serializer;

	DeadLetters(EventProcessingConfiguration processing, EntityManagerProvider entityManagers,
			TransactionManager transactions, Serializer serializer) {
		this.processing = processing;
		this.entityManagers = entityManagers;
		this.transactions = transactions;
		this.serializer = serializer;
	}

	/** The processing groups (one per processor here) that have a dead-letter queue, by name. */
	List<String> groups() {
		return processing.eventProcessors().keySet().stream()
				.filter(group -> processing.deadLetterQueue(group).isPresent())
				.sorted()
				.toList();
	}

	/** The counts of {@code groups} and their first {@code limit} dead letters. */
	DeadLetterReport report(List<String> groups, int limit) {
		List<GroupCount> counts = new ArrayList<>();
		List<DeadLetterView> letters = new ArrayList<>();
		long total = 0;
		for (String group : groups) {
			SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
			// list first, then count: a letter parked in between must not make the count smaller than the list
			List<DeadLetterView> listed = letters.size() < limit ? list(group, limit - letters.size()) : List.of();
			letters.addAll(listed);
			long size = Math.max(queue.size(), listed.size());
			counts.add(new GroupCount(group, queue.amountOfSequences(), size));
			total += size;
		}
		return new DeadLetterReport(total, letters.size() < total, counts, letters);
	}

	/**
	 * Handles the dead letters of {@code group} again, sequence by sequence (oldest first), each in order; a sequence
	 * stops at its first failure, which stays parked with its cause and one more attempt.
	 */
	RetryResult retry(String group, String actor) {
		SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
		SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
				.orElseThrow(() -> unknownGroup(group));
		long before = queue.size();
		List<String> failed = new ArrayList<>();
		for (String sequence : sequences(group)) {
			boolean done = processor.process(letter -> sequence.equals(sequenceOf(letter)));
			if (!done && queue.contains(sequence)) {
				failed.add(sequence);
			}
		}
		long remaining = queue.size();
		long retried = Math.max(0, before - remaining);
		log.info("Dead letters of {} retried by {}: {} handled, {} remain, sequences still parked: {}", group, actor,
				retried, remaining, failed);
		return new RetryResult(group, retried, remaining, failed);
	}

	/** Removes every dead letter of one sequence without handling it. */
	EvictionResult evict(String group, String sequence, String actor) {
		SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
		List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
		queue.deadLetterSequence(sequence).forEach(letters::add);
		if (letters.isEmpty()) {
			throw new DeadLettersNotFoundException(
					"Processing group '" + group + "' holds no dead letters of sequence '" + sequence + "'");
		}
		letters.forEach(queue::evict);
		log.warn("{} dead letter(s) of sequence {} in {} evicted by {}, without being handled", letters.size(), sequence,
				group, actor);
		return new EvictionResult(group, sequence, letters.size());
	}

	private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
		if (!processing.eventProcessors().containsKey(group)) {
			throw unknownGroup(group);
		}
		return processing.deadLetterQueue(group).orElseThrow(() -> unknownGroup(group));
	}

	private DeadLettersNotFoundException unknownGroup(String group) {
		return new DeadLettersNotFoundException("There is no processing group '" + group
				+ "' with a dead-letter queue; the groups with one are " + groups());
	}

	private List<DeadLetterView> list(String group, int max) {
		return transactions.fetchInTransaction(() -> entityManagers.getEntityManager()
				.createQuery("select e from DeadLetterEntry e where e.processingGroup = :group "
						+ "order by e.sequenceIdentifier, e.sequenceIndex", DeadLetterEntry.class)
				.setParameter("group", group)
				.setMaxResults(max)
				.getResultList()
				.stream()
				.map(this::view)
				.toList());
	}

	/** The sequences parked in {@code group}, the one parked first first. */
	private List<String> sequences(String group) {
		return transactions.fetchInTransaction(() -> entityManagers.getEntityManager()
				.createQuery("select e.sequenceIdentifier from DeadLetterEntry e where e.processingGroup = :group "
						+ "group by e.sequenceIdentifier order by min(e.enqueuedAt), e.sequenceIdentifier", String.class)
				.setParameter("group", group)
				.getResultList());
	}

	private DeadLetterView view(DeadLetterEntry entry) {
		DeadLetterEventEntry event = entry.getMessage();
		return new DeadLetterView(entry.getProcessingGroup(), entry.getSequenceIdentifier(), entry.getSequenceIndex(),
				entry.getDeadLetterId(), event.getMessageType(), event.getPayload().getType().getName(),
				event.getEventIdentifier(), event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
				event.getTimeStamp(), entry.getEnqueuedAt(), entry.getLastTouched(), entry.getProcessingStarted(),
				entry.getCauseType(), entry.getCauseMessage(), diagnostics(entry));
	}

	private Map<String, Object> diagnostics(DeadLetterEntry entry) {
		SerializedObject<byte[]> serialized = entry.getDiagnostics();
		if (serialized == null || serialized.getData() == null) {
			return null;
		}
		try {
			MetaData diagnostics = serializer.deserialize(serialized);
			return diagnostics == null || diagnostics.isEmpty() ? null : new TreeMap<>(diagnostics);
		}
		catch (RuntimeException e) {
			log.debug("Diagnostics of dead letter {} cannot be read", entry.getDeadLetterId(), e);
			return Map.of("unreadable", true);
		}
	}

	private static String sequenceOf(DeadLetter<?> letter) {
		if (letter instanceof JpaDeadLetter<?> jpa) {
			return jpa.getSequenceIdentifier();
		}
		if (letter instanceof GenericDeadLetter<?> generic) {
			return String.valueOf(generic.getSequenceIdentifier());
		}
		return null;
	}

	/** No such processing group (with a queue), or no such sequence in it. */
	static final class DeadLettersNotFoundException extends RuntimeException {

		DeadLettersNotFoundException(String detail) {
			super(detail, null, false, false);
		}
	}
}
