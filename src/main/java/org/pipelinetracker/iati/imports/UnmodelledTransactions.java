package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * The transactions whose type the domain does not model ({@link TransactionType} lists those it does): none is
 * recorded, each is reported as skipped with its type's name and its value.
 */
@Component
class UnmodelledTransactions {

	private final Codelists codelists;

	UnmodelledTransactions(Codelists codelists) {
		this.codelists = codelists;
	}

	/** The transaction types with no command in our domain (5 interest, 6 loan repayment, 7-13 …): reported, one by one. */
	void report(ActivityImport act) {
		IatiActivity a = act.activity;
		for (IatiActivity.Transaction t : a.transactions) {
			if (TransactionType.of(t.type) != null) {
				continue;
			}
			String what = Transactions.name(a, t);
			String value = (t.currency != null ? t.currency : Objects.toString(a.defaultCurrency, "")) + " "
					+ Objects.toString(t.value, "?") + " on " + t.date();
			if (t.type == null) {
				act.skip(what, "no transaction-type: " + value);
			}
			else {
				act.skip(what, "transaction type " + t.type + " ("
						+ codelists.transactionTypeName(t.type).orElse("unknown code") + ") is not modelled: " + value);
			}
		}
	}
}
