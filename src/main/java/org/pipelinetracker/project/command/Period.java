package org.pipelinetracker.project.command;

import java.time.LocalDate;

/** A suspension of the project, open-ended ({@code to} null) while it lasts. */
record Period(LocalDate from, LocalDate to) {

	boolean contains(LocalDate date) {
		return !date.isBefore(from) && (to == null || date.isBefore(to));
	}
}
