package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.project.api.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The activity's transactions as the money mappers see them: checked for form, in the order they are recorded
 * in, and for commitments grouped with their corrections under a stable funding id. Read again by each mapper
 * (the activity is small); only the mapper that records a type reports its unsound transactions.
 */
final class Transactions {

	private Transactions() {
	}

	/**
	 * The transactions of one type, sound in form, in date order (in file order for our own export, which is
	 * the order they were recorded in). A negative type 2 value is kept (flagged): it may correct a commitment. With
	 * {@code report}, each unsound one is reported as skipped (done once, when the commitments or disbursements are
	 * recorded).
	 */
	static List<PublishedTransaction> of(ActivityImport act, TransactionType type, boolean report) {
		IatiActivity a = act.activity;
		List<PublishedTransaction> result = new ArrayList<>();
		for (IatiActivity.Transaction t : a.transactions) {
			if (!type.is(t.type)) {
				continue;
			}
			String what = name(a, t);
			String problem = null;
			BigDecimal value = null;
			String currency = t.currency != null ? t.currency : a.defaultCurrency;
			try {
				value = t.value == null ? null : new BigDecimal(t.value.replace(",", ""));
			}
			catch (NumberFormatException e) {
				problem = "value '" + t.value + "' is not a number";
			}
			if (problem == null && value == null) {
				problem = "no value";
			}
			else if (problem == null && value.signum() < 0 && type != TransactionType.COMMITMENT) {
				continue; // a reversal: kept under its code, with its sign, by CodedTransactionMapper
			}
			else if (problem == null && value.signum() == 0) {
				problem = "zero value: our commitments, disbursements, incoming funds and expenditures are positive;"
						+ " not modelled";
			}
			else if (problem == null && t.date() == null) {
				problem = "no value-date or transaction-date";
			}
			else if (problem == null && currency == null) {
				problem = "no currency (neither on the value nor as the activity's default-currency)";
			}
			if (problem != null) {
				if (report) {
					act.skip(what, problem);
				}
				continue;
			}
			PublishedTransaction c = new PublishedTransaction();
			c.t = t;
			c.what = what;
			c.date = t.date();
			c.money = new Money(value, currency);
			c.provider = OrganisationMapper.provider(a, t);
			c.receiver = OrganisationMapper.orgName(a, t.receiver);
			c.financeType = t.financeType != null ? t.financeType : a.defaultFinanceType;
			c.flowType = t.flowType != null ? t.flowType : a.defaultFlowType;
			c.negative = value.signum() < 0;
			result.add(c);
		}
		if (act.own) {
			result.sort(Comparator.comparingInt(c -> c.t.index));
		}
		else {
			result.sort(Comparator.comparing((PublishedTransaction c) -> c.date).thenComparingInt(c -> c.t.index));
		}
		return result;
	}

	/**
	 * The commitments: each type 2 transaction, except those that correct an earlier one with the same ref and
	 * currency, which are listed on it as its corrections: in our own export every later one (the corrections it
	 * writes, with the difference as value), in other files a negative one. A negative one that corrects nothing is
	 * skipped. Our own export keeps its funding ids (the ref); otherwise the id is derived, see below.
	 */
	static List<PublishedTransaction> commitments(ActivityImport act, boolean report) {
		List<PublishedTransaction> commitments = new ArrayList<>();
		Map<String, PublishedTransaction> firstByRef = new HashMap<>();
		for (PublishedTransaction c : of(act, TransactionType.COMMITMENT, report)) {
			PublishedTransaction corrected = c.t.ref == null ? null : firstByRef.get(c.t.ref);
			if (corrected != null && (act.own || c.negative) && corrected.money.currency().equals(c.money.currency())) {
				corrected.corrections.add(c);
				continue;
			}
			if (c.negative) {
				if (report) {
					act.skip(c.what, negativeProblem(c));
				}
				continue;
			}
			commitments.add(c);
			if (c.t.ref != null) {
				firstByRef.putIfAbsent(c.t.ref, c);
			}
		}
		if (act.own) {
			Set<String> used = new HashSet<>();
			for (PublishedTransaction c : commitments) {
				if (c.t.ref != null && ProjectIdentifiers.isRecordId(c.t.ref) && used.add(c.t.ref)) {
					c.fundingId = c.t.ref;
				}
			}
		}
		// a stable id per published commitment: from its ref when it has one (a later file may change its value:
		// that becomes a correction), else from all its fields; an id used twice in the file falls back to the latter
		Set<String> used = new HashSet<>();
		commitments.stream().filter(c -> c.fundingId != null).forEach(c -> used.add(c.fundingId));
		for (PublishedTransaction c : commitments) {
			if (c.fundingId != null) {
				continue;
			}
			String byRef = c.t.ref == null ? null : "T" + ProjectIdentifiers.hash(c.provider + "|2|ref|" + c.t.ref, 16);
			String byContent = "T" + ProjectIdentifiers.hash(c.provider + "|2|" + c.date + "|" + c.money.currency() + "|"
					+ c.money.amount().stripTrailingZeros().toPlainString() + "|" + Objects.toString(c.t.ref, ""), 16);
			c.fundingId = byRef != null && used.add(byRef) ? byRef : byContent;
			if (!c.fundingId.equals(byRef)) {
				int n = 1;
				String base = c.fundingId;
				while (!used.add(c.fundingId)) {
					c.fundingId = base + "-" + ++n;
				}
			}
		}
		return commitments;
	}

	/** The reason a negative type 2 value that corrects no commitment is not recorded. */
	private static String negativeProblem(PublishedTransaction c) {
		return "negative value " + c.money.amount().toPlainString() + " (a reversal or de-obligation) matches no"
				+ " commitment with the same ref: our commitments and disbursements are positive; not modelled";
	}

	/** In our own export, the funding a type 1 or 4 transaction's {@code ref} names, if the project has it; else null. */
	static String ownFunding(ActivityImport act, PublishedTransaction c) {
		if (!act.own || c.t.ref == null) {
			return null;
		}
		return act.view().fundings.stream().anyMatch(f -> f.fundingId.equals(c.t.ref)) ? c.t.ref : null;
	}

	/** How the report names a transaction: the activity, its position and its ref. */
	static String name(IatiActivity a, IatiActivity.Transaction t) {
		return a.identifier + " transaction #" + t.index + (t.ref == null ? "" : " (ref " + t.ref + ")");
	}

	static LocalDate firstDate(List<PublishedTransaction> transactions) {
		return transactions.stream().map(c -> c.date).min(Comparator.naturalOrder()).orElse(null);
	}
}
