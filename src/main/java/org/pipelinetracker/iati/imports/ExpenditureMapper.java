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

/** Records the expenditure (type 4) of an activity. */
@Component
class ExpenditureMapper {

	private final ProjectWriteService writes;

	ExpenditureMapper(ProjectWriteService writes) {
		this.writes = writes;
	}

	/**
	 * Type 4 → an expenditure, in its own currency on its value date, with the provider-org (who spent) and
	 * receiver-org (who was paid) as published, if at all, and the transaction's description. Paid from a commitment
	 * only in our own export, whose {@code ref} names the funding. One already recorded with the same funding, date
	 * and amount counts as present.
	 */
	void record(ActivityImport act) {
		List<PublishedTransaction> expenditures = Transactions.of(act, TransactionType.EXPENDITURE, true);
		if (expenditures.isEmpty()) {
			return;
		}
		Map<String, Integer> present = new HashMap<>();
		for (ProjectView.ExpenditureView e : act.view().expenditures) {
			present.merge(key(e.fundingId(), e.spentOn(), e.amount()), 1, Integer::sum);
		}
		IatiActivity a = act.activity;
		for (PublishedTransaction c : expenditures) {
			String fundingId = Transactions.ownFunding(act, c);
			String key = key(fundingId, c.date, c.money);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			String provider = OrganisationMapper.orgName(a, c.t.provider);
			String description = c.description();
			act.write(c.what, () -> writes.recordExpenditure(act.projectId, new Requests.ExpenditureRequest(
					new MoneyRequest(c.money.amount(), c.money.currency()), c.date, fundingId, provider, c.receiver,
					description, act.with(c.what + (provider == null ? "" : " by " + provider)
							+ (c.receiver == null ? "" : " to " + c.receiver)), null), act.run.actor));
		}
	}

	private static String key(String fundingId, LocalDate on, Money amount) {
		return Objects.toString(fundingId, "") + "|" + on + "|" + amount.currency() + "|"
				+ amount.amount().stripTrailingZeros().toPlainString();
	}
}
