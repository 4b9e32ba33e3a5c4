package org.pipelinetracker.iati.conventions;

/**
 * The IATI TransactionType codes this application records with typed commands: the export writes each kind of money
 * movement under its code, the import turns each code back into the same kind. The other codes (5 interest payment,
 * 6 loan repayment, 7 reimbursement, … 13) and negative values of 1, 3 and 4 are kept under their own code as
 * published ({@code TransactionRecordedEvent}).
 */
public enum TransactionType {
	INCOMING_FUNDS("1"), COMMITMENT("2"), DISBURSEMENT("3"), EXPENDITURE("4");

	private final String code;

	TransactionType(String code) {
		this.code = code;
	}

	/** The TransactionType code, e.g. {@code "2"} for a commitment. */
	public String code() {
		return code;
	}

	/** Whether {@code code} (as published, may be null) is this type. */
	public boolean is(String code) {
		return this.code.equals(code);
	}

	/** The recorded type a code stands for, or null when the code is not one of them. */
	public static TransactionType of(String code) {
		for (TransactionType type : values()) {
			if (type.is(code)) {
				return type;
			}
		}
		return null;
	}
}
