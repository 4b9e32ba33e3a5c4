package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.app.LoanRequests;
import org.pipelinetracker.project.app.LoanWriteService;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The transactions with no typed command, kept under their IATI TransactionType code as published: 5 interest
 * payment, 6 loan repayment, 7 reimbursement, 8 and 9 purchase and sale of equity, 10 credit guarantee, 11 incoming
 * commitment, 12 and 13 outgoing and incoming pledge, and the negative values of 1, 3 and 4 (reversals), with their
 * sign. Only a transaction without a type, with a code outside 1 to 13, or unsound in form (no value, zero, no date,
 * no currency) is reported as not recorded. One already recorded with the same code, funding, date and value counts
 * as present (a re-import adds nothing).
 */
@Component
class CodedTransactionMapper {

	private static final Set<String> KEPT = Set.of("5", "6", "7", "8", "9", "10", "11", "12", "13");
	private static final Set<String> REVERSIBLE = Set.of("1", "3", "4");

	private final LoanWriteService loans;
	private final Codelists codelists;

	CodedTransactionMapper(LoanWriteService loans, Codelists codelists) {
		this.loans = loans;
		this.codelists = codelists;
	}

	void record(ActivityImport act) {
		IatiActivity a = act.activity;
		Map<String, Integer> present = new HashMap<>();
		for (ProjectView.TransactionView t : act.view().otherTransactions) {
			present.merge(key(t.type(), t.fundingId(), t.transactionDate(), t.value()), 1, Integer::sum);
		}
		for (IatiActivity.Transaction t : a.transactions) {
			String what = Transactions.name(a, t);
			if (t.type == null || !t.type.matches("[0-9]{1,2}") || Integer.parseInt(t.type) < 1
					|| Integer.parseInt(t.type) > 13) {
				String value = (t.currency != null ? t.currency : Objects.toString(a.defaultCurrency, "")) + " "
						+ Objects.toString(t.value, "?") + " on " + t.date();
				act.skip(what, t.type == null ? "no transaction-type: " + value : "transaction type " + t.type + " ("
						+ codelists.transactionTypeName(t.type).orElse("unknown code") + ") is not recorded: " + value);
				continue;
			}
			BigDecimal amount = parse(t.value);
			boolean kept = KEPT.contains(t.type) || REVERSIBLE.contains(t.type) && amount != null && amount.signum() < 0;
			if (!kept) {
				continue; // a typed transaction: its mapper records or reports it
			}
			String currency = t.currency != null ? t.currency : a.defaultCurrency;
			String problem = t.value == null ? "no value" : amount == null ? "value '" + t.value + "' is not a number"
					: amount.signum() == 0 ? "zero value" : t.date() == null ? "no value-date or transaction-date"
					: currency == null ? "no currency (neither on the value nor as the activity's default-currency)" : null;
			if (problem != null) {
				act.skip(what, problem);
				continue;
			}
			String fundingId = act.own && t.ref != null && act.view().fundings.stream()
					.anyMatch(f -> f.fundingId.equals(t.ref)) ? t.ref : null;
			Money value = new Money(amount, currency);
			String key = key(t.type, fundingId, t.date(), value);
			if (present.getOrDefault(key, 0) > 0) {
				present.merge(key, -1, Integer::sum);
				continue;
			}
			String provider = OrganisationMapper.orgName(a, t.provider);
			String receiver = OrganisationMapper.orgName(a, t.receiver);
			String description = t.description == null || t.description.length() <= 2000 ? t.description
					: t.description.substring(0, 1999) + "…";
			String detail = what + " (type " + t.type + ", " + codelists.transactionTypeName(t.type).orElse("?") + ")";
			act.write(what, () -> loans.recordTransaction(act.projectId, new LoanRequests.TransactionRequest(t.type,
					new LoanRequests.SignedMoneyRequest(amount, currency), t.date(), fundingId, provider, receiver,
					description, act.with(detail), null), act.run.actor));
		}
	}

	private static BigDecimal parse(String value) {
		try {
			return value == null ? null : new BigDecimal(value.replace(",", ""));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String key(String type, String fundingId, LocalDate on, Money value) {
		return type + "|" + Objects.toString(fundingId, "") + "|" + on + "|" + value.currency() + "|"
				+ value.amount().stripTrailingZeros().toPlainString();
	}
}
