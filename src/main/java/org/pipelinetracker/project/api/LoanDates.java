package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;

/**
 * A loan's effectiveness date (when it became effective, on or after its commitment; disbursements start then) and
 * its closing date (the final disbursement date: none after it). Either may be unknown (null).
 */
public record LoanDates(LocalDate effectiveOn, LocalDate closingOn) {

	public static final LoanDates NONE = new LoanDates(null, null);

	@JsonIgnore
	public boolean isEmpty() {
		return effectiveOn == null && closingOn == null;
	}
}
