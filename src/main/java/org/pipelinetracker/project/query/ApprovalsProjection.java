package org.pipelinetracker.project.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.project.api.MoneyEntryApprovedEvent;
import org.pipelinetracker.project.api.MoneyEntryRejectedEvent;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code approval_entry}: every money entry submitted for approval, its submitter, time and reason, and whether
 * and by whom it was approved or rejected (processing group {@value #PROCESSING_GROUP}). Its only state is its
 * {@link JdbcTemplate}, so a rebuild and the consistency check's shadow run the very same handlers. No figure reads
 * it: the money projections count the money events an approval records, never a submission.
 */
@Component
@ProcessingGroup(ApprovalsProjection.PROCESSING_GROUP)
class ApprovalsProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "approvals";

	private final JdbcTemplate jdbc;

	ApprovalsProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(MoneyEntrySubmittedEvent e, @Timestamp Instant at, EventMessage<?> message) {
		Object reason = message.getMetaData().get(AuditMetadata.REASON);
		String facilityId = e.commitment() != null ? e.commitment().facilityId() : null;
		jdbc.update("delete from approval_entry where entry_id = ?", e.entryId()); // a replayed batch writes it again
		jdbc.update("insert into approval_entry (entry_id, project_id, kind, funding_id, amount, currency, effective_on,"
				+ " facility_id, submitted_by, submitted_at, reason, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " 'PENDING')", e.entryId(), e.projectId().value(), e.kind().name(), e.fundingId(), e.amount().amount(),
				e.amount().currency(), Date.valueOf(e.effectiveOn()), facilityId, String.valueOf(e.submittedBy()),
				java.sql.Timestamp.from(at), reason == null ? null : reason.toString());
	}

	@EventHandler
	void on(MoneyEntryApprovedEvent e, @Timestamp Instant at) {
		decided(e.entryId(), "APPROVED", e.approvedBy(), at, null);
	}

	@EventHandler
	void on(MoneyEntryRejectedEvent e, @Timestamp Instant at) {
		decided(e.entryId(), "REJECTED", e.rejectedBy(), at, e.reason());
	}

	private void decided(String entryId, String state, String by, Instant at, String reason) {
		jdbc.update("update approval_entry set state = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
				+ " where entry_id = ?", state, by, java.sql.Timestamp.from(at), reason, entryId);
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from approval_entry");
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("approval_entry", "entry_id"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new ApprovalsProjection(storage);
	}
}
