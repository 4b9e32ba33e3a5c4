package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.ApproveMoneyEntryCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.FacilityHeadroom;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.RejectMoneyEntryCommand;
import org.pipelinetracker.project.app.Requests.ApprovalDecisionRequest;
import org.pipelinetracker.project.query.ApprovalQueries;
import org.pipelinetracker.project.query.ApprovalQueries.ApprovalEntry;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Approves or rejects a money entry submitted for approval ({@link ApprovalPolicy}). The entry is found in the
 * approvals read model (404 when it has none of that id); the project decides: another person than the submitter,
 * the entry's rules checked again as the project stands now. A commitment that draws on a credit facility reserves
 * its headroom here, at the approval, and a correction of one moves the facility's usage here: a pending or
 * rejected entry never holds headroom (docs/architecture/decisions.md).
 */
@Service
public class ApprovalService {

	private final CommandGateway commands;
	private final Validator validator;
	private final ApprovalQueries approvals;
	private final ProjectTimeline timeline;
	private final ObjectProvider<FacilityHeadroom> facilities;

	ApprovalService(CommandGateway commands, Validator validator, ApprovalQueries approvals, ProjectTimeline timeline,
			ObjectProvider<FacilityHeadroom> facilities) {
		this.commands = commands;
		this.validator = validator;
		this.approvals = approvals;
		this.timeline = timeline;
		this.facilities = facilities;
	}

	public WriteResult approve(String entryId, ApprovalDecisionRequest r, AuditContext audit) {
		ApprovalDecisionRequest request = r != null ? r : new ApprovalDecisionRequest(null, null);
		Violations v = AuditedCommands.validate(validator, request);
		v.checkUrl("sourceUrl", request.sourceUrl());
		v.throwIfAny();
		ApprovalEntry entry = entry(entryId);
		Supplier<WriteResult> approve = () -> AuditedCommands.write(commands, entry.projectId(),
				new ApproveMoneyEntryCommand(AuditedCommands.id(entry.projectId()), entry.id()), audit, request);
		if (!"PENDING".equals(entry.state())) {
			return approve.get(); // the project answers that it was decided already
		}
		Map<String, Object> meta = audit.withReason(AuditedCommands.blankToNull(request.reason()),
				AuditedCommands.blankToNull(request.sourceUrl())).toMetaData();
		if (entry.kind() == MoneyEntryKind.COMMITMENT && entry.facilityId() != null) {
			FacilityHeadroom headroom = facility();
			headroom.reserve(entry.facilityId(), entry.projectId(), entry.fundingId(), entry.amount(),
					entry.effectiveOn(), meta);
			try {
				return approve.get();
			}
			catch (RuntimeException refused) {
				headroom.release(entry.facilityId(), entry.projectId(), entry.fundingId(), entry.amount(),
						"approval refused: " + refused.getMessage(), meta);
				throw refused;
			}
		}
		if (entry.kind() == MoneyEntryKind.CORRECTION) {
			return approveCorrection(entry, meta, approve);
		}
		return approve.get();
	}

	public WriteResult reject(String entryId, ApprovalDecisionRequest r, AuditContext audit) {
		Violations v = AuditedCommands.validate(validator, r);
		v.check(r.reason() != null && !r.reason().isBlank(), "reason", Text.of("problem.field.reasonRequired"));
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		ApprovalEntry entry = entry(entryId);
		return AuditedCommands.write(commands, entry.projectId(), new RejectMoneyEntryCommand(
				AuditedCommands.id(entry.projectId()), entry.id(), r.reason().trim()), audit, r);
	}

	/** A correction of a commitment that draws on a facility moves the facility's usage by the difference. */
	private WriteResult approveCorrection(ApprovalEntry entry, Map<String, Object> meta,
			Supplier<WriteResult> approve) {
		ProjectView project = timeline.current(entry.projectId()).orElse(null);
		ProjectView.FundingView funding = project == null ? null : project.fundings.stream()
				.filter(f -> f.fundingId.equals(entry.fundingId())).findFirst().orElse(null);
		if (funding == null || funding.facilityId == null
				|| !funding.amount.currency().equals(entry.amount().currency())) {
			return approve.get();
		}
		FacilityHeadroom headroom = facility();
		Money delta = entry.amount().minus(funding.amount);
		if (delta.isPositive()) {
			headroom.reserve(funding.facilityId, entry.projectId(), entry.fundingId(), delta, entry.effectiveOn(), meta);
			try {
				return approve.get();
			}
			catch (RuntimeException refused) {
				headroom.release(funding.facilityId, entry.projectId(), entry.fundingId(), delta,
						"approval refused: " + refused.getMessage(), meta);
				throw refused;
			}
		}
		WriteResult result = approve.get();
		if (delta.amount().signum() < 0) {
			headroom.release(funding.facilityId, entry.projectId(), entry.fundingId(),
					Money.zero(delta.currency()).minus(delta), "commitment corrected to " + entry.amount(), meta);
		}
		return result;
	}

	private ApprovalEntry entry(String entryId) {
		return approvals.find(entryId)
				.orElseThrow(() -> Problems.of(Problems.Kind.APPROVAL_NOT_FOUND, entryId).exception());
	}

	private FacilityHeadroom facility() {
		FacilityHeadroom headroom = facilities.getIfAvailable();
		if (headroom == null) {
			throw CommandRejectedException.rule("facilityId", Text.of("problem.rule.facilitiesUnavailable"));
		}
		return headroom;
	}
}
