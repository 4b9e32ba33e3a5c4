package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Records the incoming funds (type 1) of an activity. */
@Component
class IncomingFundsMapper {

	private final ProjectWriteService writes;

	IncomingFundsMapper(ProjectWriteService writes) {
		this.writes = writes;
	}

	/**
	 * Type 1 → incoming funds, in their own currency on their value date, from the provider (the transaction's
	 * provider-org, else the activity's funding organisation, else the reporting organisation) to the receiver-org
	 * when published, with the transaction's description. With {@code beforeFirstCommitment} only those dated before
	 * {@code firstCommitment} (all of them when there is none), else the others: the first of the former is what moves
	 * an AGREED project to FINANCED. Under a commitment only in our own export, whose {@code ref} names the funding.
	 * Incoming funds carry no id: one already recorded with the same funding, date, amount and provider counts as
	 * present, so a second import appends nothing.
	 */
	void record(ActivityImport act, LocalDate firstCommitment, boolean beforeFirstCommitment) {
		List<PublishedTransaction> incoming = Transactions.of(act, TransactionType.INCOMING_FUNDS, beforeFirstCommitment).stream()
				.filter(c -> (firstCommitment == null || c.date.isBefore(firstCommitment)) == beforeFirstCommitment)
				.toList();
		if (incoming.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		for (ProjectView.IncomingFundsView i : act.view().incomingFunds) {
			present.merge(key(i.fundingId(), i.receivedOn(), i.amount(), i.provider()), 1, Integer::sum);
		}
		for (PublishedTransaction c : incoming) {
			String fundingId = Transactions.ownFunding(act, c);
			String key = key(fundingId, c.date, c.money, c.provider);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			String description = c.description();
			act.write(c.what, () -> writes.recordIncomingFunds(act.projectId, new Requests.IncomingFundsRequest(
					new MoneyRequest(c.money.amount(), c.money.currency()), c.date, fundingId, c.provider, c.receiver,
					description, act.with(c.what + " from " + c.provider), null), act.run.actor));
		}
	}

	private static String key(String fundingId, LocalDate on, Money amount, String provider) {
		return Objects.toString(fundingId, "") + "|" + on + "|" + amount.currency() + "|"
				+ amount.amount().stripTrailingZeros().toPlainString() + "|" + provider;
	}
}
