package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.FundingCodes;
import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.query.PendingApprovalView;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records the disbursements (type 3) of an activity, each against the commitment it draws on. */
@Component
class DisbursementMapper {

	private final ProjectWriteService writes;

	DisbursementMapper(ProjectWriteService writes) {
		this.writes = writes;
	}

	/**
	 * Type 3 → a disbursement, against the earliest commitment of the same funder and currency, dated on or before
	 * it, that still has room for it (first in, first out, over what this file disburses); in our own export, the
	 * commitment its ref names. Our disbursements carry no
	 * id: one already recorded for the same commitment, date and amount counts as present, so a second import
	 * appends nothing. A disbursement outside the loan's effectiveness and closing dates is kept as published, with a
	 * note saying so.
	 */
	void record(ActivityImport act) {
		List<PublishedTransaction> disbursements = Transactions.of(act, TransactionType.DISBURSEMENT, true);
		if (disbursements.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		Map<String, BigDecimal> allocated = new HashMap<>();
		for (ProjectView.FundingView f : act.view().fundings) {
			for (ProjectView.DisbursementView d : f.disbursements) {
				present.merge(key(f.fundingId, d.disbursedOn(), d.amount()), 1, Integer::sum);
			}
		}
		// a disbursement an earlier import submitted for approval is present too: it is not submitted again
		for (PendingApprovalView p : act.view().pendingApprovals) {
			if (p.kind() == MoneyEntryKind.DISBURSEMENT) {
				present.merge(key(p.fundingId(), p.effectiveOn(), p.amount()), 1, Integer::sum);
			}
		}
		List<ProjectView.FundingView> all = act.view().fundings;
		for (PublishedTransaction d : disbursements) {
			ProjectView.FundingView target = null;
			BigDecimal room = null;
			boolean anyCandidate = false;
			// our own export names the funding in the ref
			List<ProjectView.FundingView> named = act.own && d.t.ref != null
					? all.stream().filter(f -> f.fundingId.equals(d.t.ref)).toList() : List.of();
			List<ProjectView.FundingView> fundings = named.isEmpty() ? all : named;
			for (ProjectView.FundingView f : fundings) {
				if (!f.amount.currency().equals(d.money.currency()) || f.committedOn.isAfter(d.date) || !sameFunder(f, d.provider)) {
					continue;
				}
				anyCandidate = true;
				BigDecimal left = f.amount.amount().subtract(allocated.getOrDefault(f.fundingId, BigDecimal.ZERO));
				if (left.compareTo(d.money.amount()) >= 0) {
					target = f;
					break;
				}
				room = room == null || left.compareTo(room) > 0 ? left : room;
			}
			if (target == null) {
				act.skip(d.what, anyCandidate
						? "disbursement of " + d.money + " on " + d.date + " exceeds what remains of every commitment from "
								+ d.provider + " in " + d.money.currency() + " (at most " + room.toPlainString() + " left on one)"
						: "disbursement of " + d.money + " on " + d.date + ": no commitment from " + d.provider + " in "
								+ d.money.currency() + " dated on or before it");
				continue;
			}
			String fundingId = target.fundingId;
			allocated.merge(fundingId, d.money.amount(), BigDecimal::add);
			String key = key(fundingId, d.date, d.money);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			if (target.effectiveOn != null && d.date.isBefore(target.effectiveOn)
					|| target.closingOn != null && d.date.isAfter(target.closingOn)) {
				act.note(d.what, "disbursement of " + d.money + " on " + d.date + " kept as published, though it falls outside "
						+ "the loan dates of " + fundingId + " (effective " + orUnknown(target.effectiveOn) + ", closing "
						+ orUnknown(target.closingOn) + ")");
			}
			boolean recorded = act.write(d.what, () -> writes.recordPublishedDisbursement(act.projectId, new Requests.DisbursementRequest(
					fundingId, new MoneyRequest(d.money.amount(), d.money.currency()), d.date,
					act.with(d.what + " from " + d.provider), null), act.run.actor));
			if (!recorded) {
				allocated.merge(fundingId, d.money.amount().negate(), BigDecimal::add);
			}
		}
	}

	/** The provider is the commitment's funder, or Korea Eximbank under any of its names for an Eximbank commitment. */
	private static boolean sameFunder(ProjectView.FundingView f, String provider) {
		return provider.equals(f.funder) || (f.source == FundingSource.EXIMBANK && FundingCodes.isKoreaEximbank(provider));
	}

	private static String orUnknown(LocalDate date) {
		return date == null ? "unknown" : date.toString();
	}

	private static String key(String fundingId, LocalDate on, Money amount) {
		return fundingId + "|" + on + "|" + amount.currency() + "|" + amount.amount().stripTrailingZeros().toPlainString();
	}
}
