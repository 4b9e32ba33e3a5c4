package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction read from the file and checked for form by {@link Transactions} (a commitment, disbursement,
 * incoming funds or expenditure): its date, its money in its own currency, who provides and receives it, and its
 * codes with the activity's defaults applied. {@code what} names it in the report.
 */
final class PublishedTransaction {

	IatiActivity.Transaction t;
	String what;
	LocalDate date;
	Money money;
	String provider;
	/** The receiver-org's name (or ref), null when not published. */
	String receiver;
	String financeType;
	String flowType;
	/** The funding a commitment is recorded as (see {@link Transactions#commitments}); null for the others. */
	String fundingId;
	/** A type 2 transaction with a negative value: only a correction of a commitment with the same ref. */
	boolean negative;
	/** Further type 2 transactions of this commitment (same ref), in order: corrections by their value. */
	final List<PublishedTransaction> corrections = new ArrayList<>();

	/** The transaction's description, kept to 2000 characters, or null. */
	String description() {
		String text = t.description;
		return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
	}
}
