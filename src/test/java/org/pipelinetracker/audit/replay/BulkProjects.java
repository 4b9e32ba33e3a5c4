package org.pipelinetracker.audit.replay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.Stage;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Many projects appended straight to the event store, five events each (proposed, agreement, AGREED, a KOICA grant
 * of USD 1,000.00, FINANCED), in transactions of 1,000 projects: a store large enough to watch a rebuild.
 */
final class BulkProjects {

	private BulkProjects() {
	}

	static void append(EventStorageEngine storage, TransactionTemplate tx, String prefix, int projects, String actor) {
		LocalDate proposed = LocalDate.of(2024, 1, 10);
		MetaData meta = MetaData.with("actor", actor);
		for (int from = 0; from < projects; from += 1000) {
			int start = from;
			int end = Math.min(projects, from + 1000);
			tx.executeWithoutResult(s -> {
				List<DomainEventMessage<?>> batch = new ArrayList<>();
				for (int i = start; i < end; i++) {
					ProjectId id = ProjectId.of(prefix + i);
					batch.add(event(id, 0, new ProjectProposedEvent(id, "Bulk " + i, null, "21030", "Navoiy Region",
							List.of(), null, proposed, null, null), meta));
					batch.add(event(id, 1, new AgreementSignedEvent(id, "L", AgreementType.LOAN, proposed.plusDays(1),
							List.of(), null), meta));
					batch.add(event(id, 2, new ProjectStageChangedEvent(id, Stage.PROPOSED, Stage.AGREED, proposed.plusDays(1)), meta));
					batch.add(event(id, 3, new FundingCommittedEvent(id, "K", FundingSource.KOICA_GRANT, null, "KOICA",
							Money.of("1000.00", "USD"), proposed.plusDays(2), LoanTerms.NONE, "110", "10", null), meta));
					batch.add(event(id, 4, new ProjectStageChangedEvent(id, Stage.AGREED, Stage.FINANCED, proposed.plusDays(2)), meta));
				}
				storage.appendEvents(batch);
			});
		}
	}

	private static DomainEventMessage<?> event(ProjectId id, long sequence, Object payload, MetaData meta) {
		return new GenericDomainEventMessage<>("Project", id.value(), sequence, payload, meta);
	}
}
