package org.pipelinetracker.project.command;

import org.pipelinetracker.messaging.SnapshotTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * What the project aggregate needs from the framework, so that the aggregate, its entities and its policies stay
 * plain Java: the {@link StallPolicy} from the properties, and the JSON shape of its snapshots.
 */
@Configuration(proxyBeanMethods = false)
class ProjectCommandConfiguration {

	@Bean
	StallPolicy stallPolicy(@Value("${tracker.alerts.no-funding-days:180}") int noFundingDays,
			@Value("${tracker.alerts.no-disbursement-days:180}") int noDisbursementDays,
			@Value("${tracker.alerts.backfill-settle:5m}") Duration backfillSettle) {
		return new StallPolicy(noFundingDays, noDisbursementDays, backfillSettle);
	}

	/** A snapshot of a {@link Project} is its fields (its own, those of {@link ProjectState} and of each {@link Funding}). */
	@Bean
	SnapshotTypes projectSnapshotTypes() {
		return () -> List.of(Project.class, Funding.class, PendingEntries.class);
	}
}
