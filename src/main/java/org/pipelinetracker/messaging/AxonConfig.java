package org.pipelinetracker.messaging;

import org.pipelinetracker.kernel.AuditMetadata;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.math.BigDecimal;
import java.util.List;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Axon wiring: the Jackson 3 serializer, audit metadata propagation, snapshots and the clock.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

	/**
	 * Axon 4.13 + Jackson 3: tokens such as {@code ReplayToken} hold a polymorphic {@code TrackingToken}. Jackson 3
	 * refuses to read such a subtype back unless a validator allows it, and a replay then silently never runs.
	 * Allow Axon's own types (and only those) to be read polymorphically.
	 */
	@Bean
	Jackson3SerializerCustomizer axonJson(List<SnapshotTypes> snapshotTypes) {
		JsonAutoDetect.Value fieldsOnly = JsonAutoDetect.Value.construct(Visibility.ANY, Visibility.NONE,
				Visibility.NONE, Visibility.DEFAULT, Visibility.DEFAULT);
		return builder -> {
			builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
							.allowIfSubType("org.axonframework.")
							.build())
					// Money is exact: store decimals as strings so no reader can round them through a double.
					.withConfigOverride(BigDecimal.class,
							override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
					.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
			// Snapshots: an aggregate and its entities through their fields, never their getters (Axon applies only
			// one customizer, the first it finds, so the modules declare their types instead of customizers).
			snapshotTypes.stream().flatMap(declared -> declared.types().stream()).forEach(type ->
					builder.withConfigOverride(type, override -> override.setVisibility(fieldsOnly)));
		};
	}

	/** Correlation and trace ids: Axon's default, which a custom provider would otherwise replace. */
	@Bean
	CorrelationDataProvider messageOrigin() {
		return new MessageOriginProvider();
	}

	/** Copies who/why/source (and a restatement's reason) from each command onto every event it produces. */
	@Bean
	CorrelationDataProvider auditCorrelationData() {
		return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR, AuditMetadata.REASON, AuditMetadata.SOURCE_URL,
				AuditMetadata.RESTATEMENT_REASON);
	}

	/** A snapshot of a project after every {@code threshold} events, so long streams load quickly. */
	@Bean
	SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
			@Value("${tracker.snapshot.threshold:50}") int threshold) {
		return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
	}

	/**
	 * The caches of loaded aggregates named by {@code @Aggregate(cache = ...)} on {@code Project} and
	 * {@code Facility} (one each: a project's id must never find a cached facility): the
	 * {@code tracker.aggregate-cache.size} most recently used aggregates (0: no cache). A stale entry (another node
	 * wrote since) can never store events: see {@link AggregateCache}; the command is then sent again
	 * ({@code CommandReliabilityConfig}).
	 */
	@Bean
	Cache projectCache(@Value("${tracker.aggregate-cache.size:10000}") int size) {
		return size <= 0 ? NoCache.INSTANCE : new AggregateCache(size);
	}

	@Bean
	Cache facilityCache(@Value("${tracker.aggregate-cache.size:10000}") int size) {
		return size <= 0 ? NoCache.INSTANCE : new AggregateCache(Math.max(1, size / 10));
	}

	/** "Today" for effective-date rules, in the zone the projects live in. */
	@Bean
	Clock clock(@Value("${tracker.time-zone:Asia/Tashkent}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}
}
