package org.pipelinetracker.iati.imports;

import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Records the money of an activity in the order the project's rules need it: incoming funds that finance the
 * project, then the commitments with their corrections, the disbursements drawn on them, the other incoming funds
 * and the expenditure; the transaction types not modelled are reported. Each kind has its own mapper.
 */
@Component
class MoneyMapper {

	private final IncomingFundsMapper incomingFunds;
	private final CommitmentMapper commitments;
	private final DisbursementMapper disbursements;
	private final ExpenditureMapper expenditures;
	private final CodedTransactionMapper coded;

	MoneyMapper(IncomingFundsMapper incomingFunds, CommitmentMapper commitments, DisbursementMapper disbursements,
			ExpenditureMapper expenditures, CodedTransactionMapper coded) {
		this.incomingFunds = incomingFunds;
		this.commitments = commitments;
		this.disbursements = disbursements;
		this.expenditures = expenditures;
		this.coded = coded;
	}

	void record(ActivityImport act) {
		// incoming funds dated before the first commitment are what finances the project (AGREED → FINANCED):
		// they go first; the others after the commitments they may be received under
		LocalDate firstCommitment = Transactions.firstDate(Transactions.commitments(act, false));
		incomingFunds.record(act, firstCommitment, true);
		commitments.record(act);
		disbursements.record(act);
		incomingFunds.record(act, firstCommitment, false);
		expenditures.record(act);
		coded.record(act);
	}
}
