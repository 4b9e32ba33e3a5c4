package org.pipelinetracker.period.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period that was closed at least once: closed now or reopened, its last close (when, by whom, why) and its last
 * reopening.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeriodView(String period, LocalDate startsOn, LocalDate endsOn, boolean closed, Instant closedAt,
		String closedBy, String closeReason, Instant reopenedAt, String reopenedBy, String reopenReason) {
}
