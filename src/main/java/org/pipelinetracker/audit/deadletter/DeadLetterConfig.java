package org.pipelinetracker.audit.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Axon's JPA sequenced dead-letter queue for the processing groups that enable it with
 * {@code axon.eventhandling.processors.<group>.dlq.enabled=true}.
 * <ul>
 * <li>The queue: {@code dead_letter_entry}, payloads and metadata with the same (Jackson 3) serializers as the event
 * store, at most {@code tracker.dead-letters.max-sequences} sequences (projects) per group and
 * {@code tracker.dead-letters.max-sequence-size} letters per sequence. When a group's queue is full, parking fails
 * ({@code DeadLetterQueueOverflowException}) and the processor retries the event, stalling that segment, rather than
 * dropping it.</li>
 * <li>The policy ({@link DeadLetterPolicy}): every exception dead-letters the event, with its cause truncated to the
 * column's size and the number of failed attempts in the diagnostics.</li>
 * <li>A token reset clears the group's queue: a rebuild handles every event again, so what was parked before is
 * obsolete (and fails again, and is parked again, if the cause was not repaired).</li>
 * <li>Each segment keeps a cache of the sequences it knows are not parked, so an ordinary event does not cost a
 * query on {@code dead_letter_entry}.</li>
 * </ul>
 * This replaces Axon's own queue provider (same switch, same serializers, explicit limits). Do not set
 * {@code axon.eventhandling.processors.<group>.dlq.cache.*}: Axon would then install its own invoker settings for
 * the group instead of these, and a reset would no longer clear the queue.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

	/** The queue of each group whose {@code dlq.enabled} is true; replaces Axon's provider of the same type. */
	@Bean
	DeadLetterQueueProviderConfigurerModule projectionDeadLetterQueues(EventProcessorProperties processors,
			EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
			@Value("${tracker.dead-letters.max-sequences:1024}") int maxSequences,
			@Value("${tracker.dead-letters.max-sequence-size:1024}") int maxSequenceSize,
			@Value("${tracker.dead-letters.claim-duration:30s}") Duration claimDuration) {
		return new DeadLetterQueueProviderConfigurerModule(processors, group -> config -> JpaSequencedDeadLetterQueue
				.builder()
				.processingGroup(group)
				.entityManagerProvider(entityManagerProvider)
				.transactionManager(transactionManager)
				.genericSerializer(config.serializer())
				.eventSerializer(config.eventSerializer())
				.maxSequences(maxSequences)
				.maxSequenceSize(maxSequenceSize)
				.claimDuration(claimDuration)
				.build());
	}

	/** The enqueue policy, reset behaviour and sequence cache of each group with a queue. */
	@Bean
	ConfigurerModule deadLetterPolicies(EventProcessorProperties processors,
			@Value("${tracker.dead-letters.cache-size:1024}") int cacheSize) {
		List<String> groups = groupsWithQueue(processors);
		return configurer -> {
			for (String group : groups) {
				configurer.eventProcessing()
						.registerDeadLetterPolicy(group, config -> new DeadLetterPolicy(group))
						.registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, builder) -> builder
								.allowReset(true)
								.enableSequenceIdentifierCache()
								.sequenceIdentifierCacheSize(cacheSize));
			}
		};
	}

	static List<String> groupsWithQueue(EventProcessorProperties processors) {
		return processors.getProcessors().entrySet().stream()
				.filter(e -> e.getValue() != null && e.getValue().getDlq() != null && e.getValue().getDlq().isEnabled())
				.map(Map.Entry::getKey)
				.filter(Objects::nonNull)
				.sorted()
				.toList();
	}
}
